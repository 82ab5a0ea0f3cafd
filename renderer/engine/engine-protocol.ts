/** Messages between the renderer and the engine worker. */
import type { Contradiction } from '../../shared/detect/contradiction';
import type { SuggestedAnnotation } from '../../shared/extract/suggest-annotations';

export interface EngineSettings {
  /** Let extraction's findings (not only stored annotations) raise contradictions. */
  useExtraction: boolean;
}

/** What the side panel shows of an entity annotation's cluster. */
export interface ClusterSummary {
  forms: Array<{ name: string; mentions: number; documents: number }>;
  reasons: string[];
}

export type ToEngine =
  | { type: 'start'; databaseName: string; settings: EngineSettings }
  | { type: 'settings'; settings: EngineSettings }
  | { type: 'suggest'; requestId: number; documentId: string };

export interface EngineProgress {
  phase: string;
  done: number;
  total: number;
}

export type FromEngine =
  | { type: 'progress'; progress: EngineProgress }
  | {
      type: 'contradictions';
      contradictions: Contradiction[];
      /** Entity annotation id -> its cluster, for annotations whose cluster has more than one form. */
      clusters: Record<string, ClusterSummary>;
    }
  | { type: 'suggestions'; requestId: number; documentId: string; suggestions: SuggestedAnnotation[] }
  | { type: 'error'; message: string };
