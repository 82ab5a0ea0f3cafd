/**
 * CSV export: one row per annotation, for spreadsheets. RFC 4180: CRLF line ends, fields with a comma,
 * quote, CR or LF in double quotes, quotes doubled. UTF-8, with a byte-order mark by default so that
 * spreadsheet programs do not guess another encoding.
 *
 * Formula injection: a spreadsheet runs a cell that starts with = + - @ (and some with TAB or CR) as a
 * formula, so an annotated quote like `=HYPERLINK("http://…")` could act when the file is opened. Every
 * text field starting with one of those characters gets a leading apostrophe, which spreadsheets show as
 * text. Numbers we write ourselves (offsets, quantity values) are left as numbers: a number is not a
 * formula, and an apostrophe would turn it into text.
 */
import type { Annotation } from '../model';
import { wholeCodePoints } from './code-points';
import type { ExportLibrary } from './export-input';

export const CSV_COLUMNS = [
  'document title',
  'document id',
  'kind',
  'quote',
  'start',
  'end',
  'status',
  'speaker',
  'note',
  'entity',
  'quantity value',
  'quantity key',
  'annotation id',
] as const;

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark (default true). */
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text field made safe for spreadsheets (see the module comment). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, quoted when RFC 4180 requires it. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function quantityValue(annotation: Annotation): string | number | undefined {
  const quantity = annotation.quantity;
  if (!quantity) return undefined;
  return quantity.upper !== undefined ? `${quantity.value}–${quantity.upper}` : quantity.value;
}

/** The annotations of `library` as CSV, ordered by document title, then position. Offsets are UTF-16 units, as stored. */
export function exportAnnotationsCsv(library: ExportLibrary, options: CsvOptions = {}): string {
  const documents = new Map(library.documents.map((document) => [document.id, document]));
  const entities = new Map(library.entities.map((entity) => [entity.id, entity]));
  const titleOf = (annotation: Annotation): string => documents.get(annotation.documentId)?.title ?? '';
  const rows = [...library.annotations].sort(
    (a, b) => titleOf(a).localeCompare(titleOf(b)) || (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0) || a.start - b.start || a.end - b.end,
  );
  const lines = [CSV_COLUMNS.map(csvField).join(',')];
  for (const annotation of rows) {
    const fields: Array<string | number | undefined> = [
      titleOf(annotation),
      annotation.documentId,
      annotation.kind,
      wholeCodePoints(annotation.quote),
      annotation.start,
      annotation.end,
      annotation.status,
      annotation.speaker ? (entities.get(annotation.speaker)?.name ?? annotation.speaker) : undefined,
      annotation.note,
      annotation.entityId ? (entities.get(annotation.entityId)?.name ?? annotation.entityId) : undefined,
      quantityValue(annotation),
      annotation.quantity?.key,
      annotation.id,
    ];
    lines.push(fields.map(csvField).join(','));
  }
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
