/**
 * What a span the user tags as an entity or a quantity is: the entity's name and type, or the figure's
 * value, approximation and quantity key. It runs the engine's extraction over the paragraph that holds the
 * span only (a few milliseconds), so tagging stays instant in long documents.
 */
import { findDates, findDocumentDate } from '../../shared/extract/dates';
import { extractEntities } from '../../shared/extract/entities';
import { extractQuantities } from '../../shared/extract/quantities';
import { tagText } from '../../shared/extract/tagged-text';
import type { EntityType, QuantityValue, SourceDocument } from '../../shared/model';
import { paragraphRanges } from '../../shared/text/canonical-text';

export interface TaggedSpanReading {
  entityType?: EntityType;
  quantity?: QuantityValue;
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Reads the entity or quantity inside [start, end) of a document. */
export function readTaggedSpan(document: SourceDocument, kind: 'entity' | 'quantity', start: number, end: number): TaggedSpanReading {
  const paragraphs = paragraphRanges(document.text).filter((p) => p.start < end && p.end > start);
  if (paragraphs.length === 0) return {};
  const from = paragraphs[0]!.start;
  const to = paragraphs.at(-1)!.end;
  const text = document.text.slice(from, to);
  const span = { start: start - from, end: end - from };
  const tagged = tagText(text);

  if (kind === 'entity') {
    const best = extractEntities(tagged)
      .map((mention) => ({ mention, shared: overlap(mention, span) }))
      .filter((m) => m.shared > 0)
      .sort((a, b) => b.shared - a.shared)[0];
    // The user chose the span; extraction only says what kind of name it is.
    return { entityType: best?.mention.type ?? 'other' };
  }

  const documentDate = findDocumentDate(document)?.date;
  const best = extractQuantities(tagged, { documentDate, dates: findDates(text, documentDate) })
    .map((mention) => ({ mention, shared: overlap(mention, span) }))
    .filter((m) => m.shared > 0)
    .sort((a, b) => b.shared - a.shared)[0]?.mention;
  if (!best) return {};
  return {
    quantity: {
      value: best.value,
      ...(best.upper !== undefined ? { upper: best.upper } : {}),
      approximation: best.approximation,
      ...(best.unit ? { unit: best.unit } : {}),
      key: best.key,
      ...(best.asOf ? { asOf: best.asOf } : {}),
    },
  };
}
