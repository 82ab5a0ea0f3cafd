/** The contradictions the engine found across the library, each with its explanation and evidence. */
import type { JSX } from 'react';
import type { Contradiction, ContradictionKind, Evidence } from '../../shared/detect/contradiction';
import type { SourceDocument } from '../../shared/model';
import type { EngineProgress, EngineSettings } from '../engine/engine-protocol';

export const CONTRADICTION_KIND_LABELS: Record<ContradictionKind, string> = {
  'name-variant': 'Name variant',
  'quantity-mismatch': 'Figures differ',
  'date-mismatch': 'Dates differ',
  'claim-conflict': 'Conflicting claims',
};

interface ContradictionListProps {
  contradictions: readonly Contradiction[] | undefined;
  documents: ReadonlyMap<string, SourceDocument>;
  progress: EngineProgress | null;
  error: string | null;
  settings: EngineSettings;
  onChangeSettings(settings: EngineSettings): void;
  onOpenEvidence(evidence: Evidence): void;
}

export function ContradictionList(props: ContradictionListProps): JSX.Element {
  const { contradictions, documents, progress, error } = props;
  return (
    <section className="contradictions" aria-label="Contradictions">
      <label className="setting">
        <input
          type="checkbox"
          checked={props.settings.useExtraction}
          onChange={(event) => props.onChangeSettings({ ...props.settings, useExtraction: event.target.checked })}
        />
        Also check what extraction finds in the texts, not only what you tagged
      </label>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {progress && (
        <p className="engine-progress" role="status">
          {progress.phase}… {progress.total > 1 ? `${progress.done} of ${progress.total}` : ''}
          <progress max={progress.total} value={progress.done} />
        </p>
      )}
      {contradictions === undefined ? (
        <p className="empty-hint">Checking the library…</p>
      ) : contradictions.length === 0 ? (
        <p className="empty-hint">No contradictions found. Tag people, figures and claims in two or more documents to compare them.</p>
      ) : (
        <ol className="contradiction-list" aria-label="Contradictions found">
          {contradictions.map((contradiction) => (
            <li key={contradiction.id} className={`contradiction kind-${contradiction.kind}`}>
              <div className="contradiction-head">
                <span className="contradiction-kind">{CONTRADICTION_KIND_LABELS[contradiction.kind]}</span>
                <span className="score" title="How likely a reviewer is to confirm it">
                  {Math.round(contradiction.score * 100)}%
                </span>
              </div>
              <p className="explanation">{contradiction.explanation}</p>
              <ul className="evidence-list" aria-label="Evidence">
                {contradiction.evidence.map((evidence) => (
                  <li key={`${evidence.documentId}:${evidence.start}`}>
                    <button type="button" className="evidence" onClick={() => props.onOpenEvidence(evidence)}>
                      <span className="evidence-document">{documents.get(evidence.documentId)?.title ?? 'Removed document'}</span>
                      <span className="evidence-quote">“<bdi>{evidence.quote}</bdi>”</span>
                      <span className="evidence-origin">{evidence.origin === 'user' ? 'tagged' : 'found by extraction'}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
