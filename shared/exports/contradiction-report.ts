/**
 * The contradiction report, as data: each contradiction with its evidence (document, date, quote in
 * context), the reviewer's decision and earlier decisions, and for figures that differ the values to chart.
 * The Markdown and HTML renderings read this and nothing else.
 */
import type { Annotation, Decision, DecisionHistoryEntry, SourceDocument } from '../model';
import { describeTextQuote } from '../anchoring/text-anchor';
import { wholeCodePoints } from './code-points';
import { contradictionKindLabel, type ExportContradiction, type ExportLibrary } from './export-input';

export interface ReportEvidence {
  documentId: string;
  documentTitle: string;
  outlet?: string;
  publishedAt?: string;
  url?: string;
  quote: string;
  /** Up to 40 characters of text either side of the quote, and whether the text goes on beyond them. */
  before: string;
  after: string;
  moreBefore: boolean;
  moreAfter: boolean;
  start: number;
  end: number;
}

export interface ChartValue {
  /** Where the value comes from (outlet or title). */
  label: string;
  value: number;
  upper?: number;
}

export interface ReportItem {
  id: string;
  kind: string;
  kindLabel: string;
  score: number;
  explanation: string;
  evidence: ReportEvidence[];
  decision?: Decision;
  /** Earlier decisions, newest first. */
  history: DecisionHistoryEntry[];
  /** For differing figures: one value per piece of evidence that has one. */
  values: ChartValue[];
}

export interface ContradictionReport {
  title: string;
  generatedAt: string;
  documentCount: number;
  items: ReportItem[];
}

export interface ReportOptions {
  title?: string;
  generatedAt?: string;
}

const CONTEXT = 40;

interface Reading {
  value: number;
  upper?: number;
  documentIds: string[];
}

/** The engine's quantity readings, if `details` has them in the expected shape. */
function readingsOf(details: unknown): Reading[] {
  if (typeof details !== 'object' || details === null) return [];
  const readings = (details as { readings?: unknown }).readings;
  if (!Array.isArray(readings)) return [];
  return readings.filter(
    (reading): reading is Reading =>
      typeof reading === 'object' &&
      reading !== null &&
      typeof (reading as Reading).value === 'number' &&
      Array.isArray((reading as Reading).documentIds),
  );
}

/** A figure written in digits ("28", "1,200", "3.5"), when the quote has exactly one. */
function numberInQuote(quote: string): number | undefined {
  const numbers = quote.match(/\d[\d,]*(?:\.\d+)?/g);
  if (!numbers || numbers.length !== 1) return undefined;
  const value = Number(numbers[0]!.replace(/,/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

function sourceLabel(document: SourceDocument | undefined, fallback: string): string {
  return document?.outlet ?? document?.title ?? fallback;
}

/** Builds the report for `contradictions` over `library` (documents, annotations, decisions). */
export function buildContradictionReport(library: ExportLibrary, contradictions: readonly ExportContradiction[], options: ReportOptions = {}): ContradictionReport {
  const documents = new Map(library.documents.map((document) => [document.id, document]));
  const annotationsById = new Map(library.annotations.map((annotation) => [annotation.id, annotation]));
  const annotationsBySpan = new Map<string, Annotation>();
  for (const annotation of library.annotations) {
    if (annotation.quantity) annotationsBySpan.set(`${annotation.documentId}:${annotation.start}-${annotation.end}`, annotation);
  }
  const decisions = new Map(library.decisions.map((decision) => [decision.contradictionId, decision]));
  const history = new Map<string, DecisionHistoryEntry[]>();
  for (const entry of library.decisionHistory) history.set(entry.contradictionId, [...(history.get(entry.contradictionId) ?? []), entry]);

  const items = [...contradictions]
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((contradiction): ReportItem => {
      const evidence = contradiction.evidence.map((item): ReportEvidence => {
        const document = documents.get(item.documentId);
        const context = document ? describeTextQuote(document.text, item.start, item.end) : { prefix: '', suffix: '' };
        const before = wholeCodePoints(context.prefix.slice(-CONTEXT));
        const after = wholeCodePoints(context.suffix.slice(0, CONTEXT));
        return {
          documentId: item.documentId,
          documentTitle: document?.title ?? item.documentId,
          ...(document?.outlet ? { outlet: document.outlet } : {}),
          ...(document?.publishedAt ? { publishedAt: document.publishedAt } : {}),
          ...(document?.url ? { url: document.url } : {}),
          quote: item.quote,
          before,
          after,
          moreBefore: item.start - before.length > 0,
          moreAfter: document !== undefined && item.end + after.length < document.text.length,
          start: item.start,
          end: item.end,
        };
      });
      const values: ChartValue[] = [];
      if (contradiction.kind === 'quantity-mismatch') {
        for (const item of contradiction.evidence) {
          const annotation =
            (item.annotationId !== undefined ? annotationsById.get(item.annotationId) : undefined) ?? annotationsBySpan.get(`${item.documentId}:${item.start}-${item.end}`);
          const reading = readingsOf(contradiction.details).find((candidate) => candidate.documentIds.includes(item.documentId));
          const value = annotation?.quantity?.value ?? reading?.value ?? numberInQuote(item.quote);
          if (value === undefined) continue;
          const upper = annotation?.quantity ? annotation.quantity.upper : reading?.upper;
          values.push({ label: sourceLabel(documents.get(item.documentId), item.documentId), value, ...(upper !== undefined ? { upper } : {}) });
        }
      }
      return {
        id: contradiction.id,
        kind: contradiction.kind,
        kindLabel: contradictionKindLabel(contradiction.kind),
        score: contradiction.score,
        explanation: contradiction.explanation,
        evidence,
        ...(decisions.has(contradiction.id) ? { decision: decisions.get(contradiction.id)! } : {}),
        history: [...(history.get(contradiction.id) ?? [])].sort((a, b) => (a.decidedAt < b.decidedAt ? 1 : a.decidedAt > b.decidedAt ? -1 : 0)),
        values,
      };
    });

  return {
    title: options.title ?? 'Contradiction report',
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    documentCount: new Set(items.flatMap((item) => item.evidence.map((evidence) => evidence.documentId))).size,
    items,
  };
}

/** "confirmed by Ines on 2025-03-06: reason" */
export function decisionSentence(decision: Decision): string {
  return `${decision.status} by ${decision.reviewer || 'a reviewer'} on ${decision.decidedAt.slice(0, 10)}${decision.reason ? `: ${decision.reason}` : ''}`;
}
