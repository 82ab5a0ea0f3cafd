/** Runs the engine worker for the window's lifetime and exposes its latest results to React. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Contradiction } from '../../shared/detect/contradiction';
import type { SuggestedAnnotation } from '../../shared/extract/suggest-annotations';
import type { ClusterSummary, EngineProgress, EngineSettings, FromEngine, ToEngine } from './engine-protocol';

const SETTINGS_KEY = 'crosscheck.engineSettings';

export interface EngineState {
  /** Undefined until the first scan has finished. */
  contradictions: Contradiction[] | undefined;
  clusters: Record<string, ClusterSummary>;
  progress: EngineProgress | null;
  error: string | null;
  settings: EngineSettings;
  setSettings(settings: EngineSettings): void;
  suggest(documentId: string): Promise<SuggestedAnnotation[]>;
}

function loadSettings(): EngineSettings {
  try {
    return { useExtraction: true, ...(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as Partial<EngineSettings>) };
  } catch {
    return { useExtraction: true };
  }
}

export function useEngine(databaseName: string): EngineState {
  const workerRef = useRef<Worker | null>(null);
  const pending = useRef(new Map<number, (suggestions: SuggestedAnnotation[]) => void>());
  const nextRequest = useRef(1);
  const [contradictions, setContradictions] = useState<Contradiction[] | undefined>(undefined);
  const [clusters, setClusters] = useState<Record<string, ClusterSummary>>({});
  const [progress, setProgress] = useState<EngineProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [settings, setSettingsState] = useState(loadSettings);
  const initialSettings = useRef(settings);

  useEffect(() => {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'crosscheck-engine' });
    workerRef.current = worker;
    const requests = pending.current;
    worker.onmessage = (event: MessageEvent<FromEngine>) => {
      const message = event.data;
      if (message.type === 'progress') setProgress(message.progress.phase === 'done' ? null : message.progress);
      else if (message.type === 'contradictions') {
        setContradictions(message.contradictions);
        setClusters(message.clusters);
        setError(null);
      } else if (message.type === 'suggestions') {
        requests.get(message.requestId)?.(message.suggestions);
        requests.delete(message.requestId);
      } else if (message.type === 'error') setError(message.message);
    };
    worker.onerror = (event) => setError(`The contradiction engine stopped: ${event.message}`);
    worker.postMessage({ type: 'start', databaseName, settings: initialSettings.current } satisfies ToEngine);
    return () => {
      worker.terminate();
      workerRef.current = null;
      requests.clear();
    };
  }, [databaseName]);

  const setSettings = useCallback((next: EngineSettings) => {
    setSettingsState(next);
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
    workerRef.current?.postMessage({ type: 'settings', settings: next } satisfies ToEngine);
  }, []);

  const suggest = useCallback(
    (documentId: string) =>
      new Promise<SuggestedAnnotation[]>((resolve) => {
        const requestId = nextRequest.current++;
        pending.current.set(requestId, resolve);
        workerRef.current?.postMessage({ type: 'suggest', requestId, documentId } satisfies ToEngine);
      }),
    [],
  );

  return { contradictions, clusters, progress, error, settings, setSettings, suggest };
}
