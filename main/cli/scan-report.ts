/**
 * The scan command's two outputs: a JSON document for programs (fixed shape, offsets into each document's
 * canonical text) and a text report for people, grouped by kind, with quotes and file names.
 */
import type { Contradiction, ContradictionKind } from '../../shared/detect/contradiction';

export interface ScannedDocument {
  id: string;
  path: string;
  title: string;
  /** ISO date, or null when neither metadata nor text gives one. */
  publishedAt: string | null;
}

export interface ScanJson {
  documents: ScannedDocument[];
  contradictions: Array<{
    id: string;
    kind: ContradictionKind;
    score: number;
    explanation: string;
    evidence: Array<{ documentId: string; path: string; start: number; end: number; quote: string }>;
  }>;
}

/** The JSON report: exactly the documented shape, nothing more. */
export function scanJson(documents: readonly ScannedDocument[], contradictions: readonly Contradiction[]): ScanJson {
  const pathOf = new Map(documents.map((document) => [document.id, document.path]));
  return {
    documents: documents.map(({ id, path, title, publishedAt }) => ({ id, path, title, publishedAt })),
    contradictions: contradictions.map((item) => ({
      id: item.id,
      kind: item.kind,
      score: item.score,
      explanation: item.explanation,
      evidence: item.evidence.map((evidence) => ({
        documentId: evidence.documentId,
        path: pathOf.get(evidence.documentId) ?? '',
        start: evidence.start,
        end: evidence.end,
        quote: evidence.quote,
      })),
    })),
  };
}

const HEADINGS: Record<ContradictionKind, string> = {
  'name-variant': 'Names written differently',
  'quantity-mismatch': 'Figures that disagree',
  'date-mismatch': 'Dates that disagree',
  'claim-conflict': 'Statements that contradict each other',
};

/** The text report for people. */
export function scanText(documents: readonly ScannedDocument[], contradictions: readonly Contradiction[]): string {
  const pathOf = new Map(documents.map((document) => [document.id, document.path]));
  const lines: string[] = [];
  const count = contradictions.length;
  lines.push(`Scanned ${documents.length} document${documents.length === 1 ? '' : 's'}: ${count === 0 ? 'no contradictions found' : `${count} possible contradiction${count === 1 ? '' : 's'}`}.`);
  for (const kind of Object.keys(HEADINGS) as ContradictionKind[]) {
    const items = contradictions.filter((item) => item.kind === kind);
    if (items.length === 0) continue;
    lines.push('', `${HEADINGS[kind]} (${items.length})`);
    for (const item of items) {
      lines.push('', `  [${item.score.toFixed(2)}] ${item.explanation}`);
      for (const evidence of item.evidence) {
        const origin = evidence.origin === 'suggested' ? '' : ' (tagged by a user)';
        lines.push(`      ${pathOf.get(evidence.documentId) ?? evidence.documentId} @${evidence.start}: “${evidence.quote}”${origin}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
