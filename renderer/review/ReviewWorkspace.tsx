/** The reviewer's workspace: the queue of flagged contradictions and the evidence of the selected one. */
import type { JSX } from 'react';
import type { Contradiction } from '../../shared/detect/contradiction';
import type { SourceDocument } from '../../shared/model';
import type { EngineProgress } from '../engine/engine-protocol';
import type { CrosscheckDatabase } from '../store/database';
import type { DocumentPlace, EvidenceSelection, MentionsQuery } from '../app/navigation';

export interface ReviewWorkspaceProps {
  db: CrosscheckDatabase;
  contradictions: readonly Contradiction[] | undefined;
  documents: ReadonlyMap<string, SourceDocument>;
  progress: EngineProgress | null;
  onOpenInDocument(place: DocumentPlace): void;
  onShowMentions(query: MentionsQuery): void;
  onExportEvidence(selection: EvidenceSelection): void;
}

export function ReviewWorkspace({ contradictions }: ReviewWorkspaceProps): JSX.Element {
  return (
    <section className="review-workspace" aria-label="Review">
      <p className="empty-hint">{contradictions === undefined ? 'Checking the library…' : `${contradictions.length} contradictions to review.`}</p>
    </section>
  );
}
