/**
 * The evidence of the selected flag, side by side: each quote in its sentence with the document's title,
 * outlet and date, and a way to open it in the reader. Above the quotes, what the kind of flag needs:
 * spellings and the resolver's reasons for a name variant, a chart of the figures for a quantity mismatch,
 * speakers and verdicts for conflicting claims, the dates for a date mismatch.
 */
import type { JSX } from 'react';
import type { Contradiction, Evidence } from '../../shared/detect/contradiction';
import { spokenDate } from '../../shared/detect/plain-words';
import type { Annotation, Entity, SourceDocument } from '../../shared/model';
import { quoteInContext } from '../../shared/review/evidence-context';
import type { ReviewItem } from '../../shared/review/review-items';
import { nameVariantSides } from '../../shared/review/name-variant-sides';
import type { DocumentPlace, MentionsQuery } from '../app/navigation';
import { CONTRADICTION_KIND_LABELS } from './ContradictionList';
import { QuantityChart } from './QuantityChart';
import { STATUS_LABELS, shortDate } from './review-labels';

export type DecisionAction = 'confirm' | 'dismiss' | 'follow-up';

export interface EvidenceViewProps {
  item: ReviewItem | null;
  documents: ReadonlyMap<string, SourceDocument>;
  annotations: ReadonlyMap<string, Annotation | null>;
  entities: ReadonlyMap<string, Entity>;
  onDecide(action: DecisionAction): void;
  onOpenInDocument(place: DocumentPlace): void;
  onShowMentions(query: MentionsQuery): void;
}

const VERBS: Record<string, string> = { confirmed: 'confirmed', dismissed: 'dismissed', 'needs-follow-up': 'marked for follow-up' };

function placeOf(evidence: Evidence): DocumentPlace {
  return { documentId: evidence.documentId, start: evidence.start, end: evidence.end, ...(evidence.annotationId ? { annotationId: evidence.annotationId } : {}) };
}

function DecisionNote({ item }: { item: ReviewItem }): JSX.Element | null {
  const decision = item.decision;
  if (!decision) return null;
  const what = `${VERBS[decision.status]} by ${decision.reviewer} on ${shortDate(decision.decidedAt)}${decision.reason ? ` (${decision.reason})` : ''}`;
  if (item.status === 'changed') {
    return (
      <p className="decision-note changed" role="note">
        The evidence changed since this was {what}. Review it again.
      </p>
    );
  }
  return <p className="decision-note">{what.charAt(0).toUpperCase() + what.slice(1)}.</p>;
}

function QuoteCard(props: {
  evidence: Evidence;
  document: SourceDocument | undefined;
  annotation: Annotation | null | undefined;
  extra?: JSX.Element | null;
  onOpen(place: DocumentPlace): void;
}): JSX.Element {
  const { evidence, document, annotation } = props;
  const context = document ? quoteInContext(document.text, evidence.start, evidence.end) : { before: '', quote: evidence.quote, after: '' };
  const title = document?.title ?? 'Removed document';
  const origin = annotation ? (annotation.origin === 'user' ? 'tagged' : 'accepted suggestion') : 'found by extraction';
  return (
    <article className="quote-card" aria-label={`Quote from ${title}`}>
      <header>
        <span className="quote-title">{title}</span>
        <span className="quote-meta">{[document?.outlet, shortDate(document?.publishedAt ?? document?.importedAt)].filter(Boolean).join(' · ')}</span>
      </header>
      <blockquote>
        {context.before}
        <mark>{context.quote}</mark>
        {context.after}
      </blockquote>
      {props.extra}
      <footer>
        <span className="evidence-origin">{origin}</span>
        <button type="button" onClick={() => props.onOpen(placeOf(evidence))}>
          Open in document
        </button>
      </footer>
    </article>
  );
}

function NameVariantDetails(props: { contradiction: Extract<Contradiction, { kind: 'name-variant' }>; documents: ReadonlyMap<string, SourceDocument> }): JSX.Element {
  const { contradiction, documents } = props;
  const sides = nameVariantSides(contradiction);
  const roleOf = (name: string): string =>
    name === sides.expected.name ? 'usual spelling' : name === sides.variant.name ? (sides.variantIsSuspect ? 'suspect: likely the error' : 'to check') : 'other spelling';
  return (
    <section className="kind-details" aria-label="Spellings">
      <table className="spellings">
        <caption>Spellings of one {contradiction.details.entityType === 'person' ? 'person' : 'organisation'}</caption>
        <thead>
          <tr>
            <th scope="col">Spelling</th>
            <th scope="col">Mentions</th>
            <th scope="col">Documents</th>
          </tr>
        </thead>
        <tbody>
          {contradiction.details.forms.map((form) => (
            <tr key={form.name} className={form.name === sides.variant.name ? 'variant' : form.name === sides.expected.name ? 'expected' : ''}>
              <th scope="row">
                {form.name} <span className="form-role">{roleOf(form.name)}</span>
              </th>
              <td>{form.mentions}</td>
              <td>
                <ul className="form-documents">
                  {form.documents.map((entry) => (
                    <li key={entry.documentId}>
                      {documents.get(entry.documentId)?.title ?? 'Removed document'}: {entry.mentions}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {contradiction.details.reasons.length > 0 && (
        <>
          <h4>Why they look like one {contradiction.details.entityType === 'person' ? 'person' : 'organisation'}</h4>
          <ul className="reasons">
            {contradiction.details.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function DateDetails({ contradiction, documents }: { contradiction: Extract<Contradiction, { kind: 'date-mismatch' }>; documents: ReadonlyMap<string, SourceDocument> }): JSX.Element {
  return (
    <section className="kind-details" aria-label="Dates given">
      <h4>Dates given for the {contradiction.details.event}</h4>
      <ul className="dates-given">
        {contradiction.details.dates.map((date) => (
          <li key={date.date}>
            <strong>{spokenDate(date.date)}</strong>
            {date.precision === 'weekday' ? ' (from a weekday: may be off by a week)' : ''} in{' '}
            {date.documentIds.map((id) => `“${documents.get(id)?.title ?? 'removed document'}”`).join(', ')}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Speaker, verdict and polarity of one claim in a claim conflict. */
function ClaimFacts(props: { evidence: Evidence; contradiction: Extract<Contradiction, { kind: 'claim-conflict' }>; annotation: Annotation | null | undefined; entities: ReadonlyMap<string, Entity> }): JSX.Element {
  const { evidence, contradiction, annotation, entities } = props;
  const statement = contradiction.details.statements.find((s) => s.documentId === evidence.documentId && s.quote === evidence.quote);
  const speaker = annotation?.speaker ? (entities.get(annotation.speaker)?.name ?? 'unknown') : 'not recorded';
  return (
    <dl className="claim-facts">
      <dt>Speaker</dt>
      <dd>{speaker}</dd>
      <dt>Verdict</dt>
      <dd className={annotation ? `status-${annotation.status}` : ''}>{annotation ? annotation.status : 'not tagged as a claim yet'}</dd>
      {statement?.polarity && (
        <>
          <dt>States</dt>
          <dd>{statement.polarity === 'denied' ? 'denies it' : 'affirms it'}</dd>
        </>
      )}
    </dl>
  );
}

export function EvidenceView(props: EvidenceViewProps): JSX.Element {
  const { item, documents, annotations, entities } = props;
  if (!item) {
    return (
      <aside className="evidence-view" aria-label="Evidence">
        <p className="empty-hint">Select a flag to see its evidence.</p>
      </aside>
    );
  }
  const contradiction = item.contradiction;
  const card = (evidence: Evidence, extra?: JSX.Element | null): JSX.Element => (
    <QuoteCard
      key={`${evidence.documentId}:${evidence.start}-${evidence.end}`}
      evidence={evidence}
      document={documents.get(evidence.documentId)}
      annotation={evidence.annotationId ? annotations.get(evidence.annotationId) : undefined}
      extra={extra ?? null}
      onOpen={props.onOpenInDocument}
    />
  );

  let details: JSX.Element | null = null;
  let quotes: JSX.Element;
  const mentionButtons: JSX.Element[] = [];
  if (contradiction?.kind === 'name-variant') {
    details = <NameVariantDetails contradiction={contradiction} documents={documents} />;
    const sides = nameVariantSides(contradiction);
    quotes = (
      <div className="quote-sides">
        {[
          { label: `${sides.variant.name} (${sides.variantIsSuspect ? 'suspect' : 'to check'})`, evidence: sides.variantEvidence },
          { label: `${sides.expected.name} (usual spelling)`, evidence: sides.expectedEvidence },
        ].map((side) => (
          <section key={side.label} className="quote-side" aria-label={side.label}>
            <h4>{side.label}</h4>
            {side.evidence.map((evidence) => card(evidence))}
          </section>
        ))}
      </div>
    );
    const entityIds = [...new Set(contradiction.evidence.flatMap((e) => (e.annotationId && annotations.get(e.annotationId)?.entityId) || []))];
    for (const id of entityIds) {
      const entity = entities.get(id);
      if (!entity) continue;
      mentionButtons.push(
        <button key={id} type="button" onClick={() => props.onShowMentions({ kind: 'entity', entityId: id })}>
          All mentions of {entity.name} across the corpus
        </button>,
      );
    }
  } else {
    if (contradiction?.kind === 'quantity-mismatch') {
      details = (
        <section className="kind-details" aria-label="Figures by date">
          <QuantityChart details={contradiction.details} documents={documents} />
          {contradiction.details.datesDiffer && <p className="dialog-hint">The figures refer to different dates: the count may have changed in between.</p>}
        </section>
      );
      mentionButtons.push(
        <button key="quantity" type="button" onClick={() => props.onShowMentions({ kind: 'quantity', key: contradiction.details.key })}>
          All mentions of {contradiction.details.description} across the corpus
        </button>,
      );
    } else if (contradiction?.kind === 'date-mismatch') {
      details = <DateDetails contradiction={contradiction} documents={documents} />;
    } else if (contradiction?.kind === 'claim-conflict' && contradiction.details.note) {
      details = <p className="kind-details link-note">Note on the link: {contradiction.details.note}</p>;
    }
    quotes = (
      <div className="quote-grid">
        {(contradiction?.evidence ?? []).map((evidence) =>
          card(
            evidence,
            contradiction?.kind === 'claim-conflict' ? (
              <ClaimFacts
                evidence={evidence}
                contradiction={contradiction}
                annotation={evidence.annotationId ? annotations.get(evidence.annotationId) : undefined}
                entities={entities}
              />
            ) : null,
          ),
        )}
      </div>
    );
  }

  return (
    <aside className="evidence-view" aria-label="Evidence">
      <header className="evidence-head">
        <div className="review-row-head">
          <span className="review-kind">{CONTRADICTION_KIND_LABELS[item.kind]}</span>
          {item.score !== null && <span className="score">{Math.round(item.score * 100)}%</span>}
          <span className={`review-status status-${item.status}`}>{STATUS_LABELS[item.status]}</span>
        </div>
        <p className="evidence-explanation">
          {contradiction ? contradiction.explanation : 'The engine no longer reports this flag: its entities were merged or ruled different, or its evidence changed so much that it is reported under another flag.'}
        </p>
        <DecisionNote item={item} />
        <div className="decision-actions" role="group" aria-label="Decide">
          <button type="button" onClick={() => props.onDecide('confirm')}>
            Confirm <kbd>C</kbd>
          </button>
          <button type="button" onClick={() => props.onDecide('dismiss')}>
            Dismiss… <kbd>X</kbd>
          </button>
          <button type="button" onClick={() => props.onDecide('follow-up')}>
            Needs follow-up <kbd>F</kbd>
          </button>
          {contradiction && contradiction.evidence[0] && (
            <button type="button" onClick={() => props.onOpenInDocument(placeOf(contradiction.evidence[0]!))}>
              Open first quote <kbd>O</kbd>
            </button>
          )}
        </div>
      </header>
      {details}
      {(mentionButtons.length > 0 || contradiction?.kind === 'name-variant') && (
        <div className="mention-links">
          {mentionButtons}
          {mentionButtons.length === 0 && (
            <p className="dialog-hint">To list every mention across the corpus, tag one of these names as an entity in the Read view (or treat the two as the same entity).</p>
          )}
        </div>
      )}
      {contradiction && (
        <section className="quotes" aria-label="Quotes">
          <h3>
            {contradiction.evidence.length} {contradiction.evidence.length === 1 ? 'quote' : 'quotes'}
          </h3>
          {quotes}
        </section>
      )}
    </aside>
  );
}
