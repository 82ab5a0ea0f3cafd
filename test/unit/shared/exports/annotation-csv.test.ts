import { beforeAll, describe, expect, it } from 'vitest';
import type { BundleContents } from '../../../../shared/bundles/bundle-format';
import { CSV_COLUMNS, exportAnnotationsCsv } from '../../../../shared/exports/annotation-csv';
import { ferryStrikeLibrary, IDS } from '../../../fixtures/bundles/ferry-strike';

/** An RFC 4180 reader, strict about CRLF, to read back what the exporter wrote. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') throw new Error(`bare line break at ${i}`);
    else field += ch;
  }
  if (field !== '' || row.length > 0) throw new Error('last record without CRLF');
  return rows;
}

let library: BundleContents;
beforeAll(async () => {
  library = await ferryStrikeLibrary();
});

function column(rows: string[][], name: (typeof CSV_COLUMNS)[number]): number {
  return rows[0]!.indexOf(name);
}

describe('exportAnnotationsCsv', () => {
  it('writes a header and one row per annotation with names, not ids, for speakers and entities', () => {
    const rows = readCsv(exportAnnotationsCsv(library, { bom: false }));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + library.annotations.length);
    const claim = rows.find((row) => row[column(rows, 'annotation id')] === IDS.talksCollapsed)!;
    expect(claim[column(rows, 'document title')]).toBe('Ferry crews walk out at Port Veyra');
    expect(claim[column(rows, 'speaker')]).toBe('Mara Lindqvist');
    expect(claim[column(rows, 'status')]).toBe('refuted');
    const figure = rows.find((row) => row[column(rows, 'annotation id')] === IDS.ledgerFerries)!;
    expect([figure[column(rows, 'quantity value')], figure[column(rows, 'quantity key')]]).toEqual(['40', 'ferry|idle']);
    const mention = rows.find((row) => row[column(rows, 'annotation id')] === IDS.lindqvistMention)!;
    expect(mention[column(rows, 'entity')]).toBe('Mara Lindqvist');
  });

  it('quotes commas, quotes and line breaks per RFC 4180, with CRLF between records', () => {
    const tricky = structuredClone(library);
    tricky.annotations[0]!.note = 'Said "forty", then\r\n"fifty, maybe"';
    const csv = exportAnnotationsCsv(tricky, { bom: false });
    expect(csv).toContain('"Said ""forty"", then\r\n""fifty, maybe"""');
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = readCsv(csv);
    expect(rows.find((row) => row[column(rows, 'annotation id')] === tricky.annotations[0]!.id)![column(rows, 'note')]).toBe('Said "forty", then\r\n"fifty, maybe"');
  });

  it('starts with a UTF-8 byte-order mark for spreadsheet programs unless asked not to', () => {
    expect(exportAnnotationsCsv(library).charCodeAt(0)).toBe(0xfeff);
    expect(exportAnnotationsCsv(library, { bom: false }).startsWith('document title,')).toBe(true);
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    const hostile = structuredClone(library);
    const notes = ['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1:A2)', '\tindented', '\rreturn'];
    hostile.annotations.slice(0, notes.length).forEach((annotation, i) => (annotation.note = notes[i]));
    hostile.documents[0]!.title = '=cmd|" /C calc"!A0';
    const rows = readCsv(exportAnnotationsCsv(hostile, { bom: false }));
    const written = rows.slice(1).map((row) => row[column(rows, 'note')]).filter((note) => note !== '');
    expect(written.sort()).toEqual(notes.map((note) => `'${note}`).sort());
    expect(rows.slice(1).map((row) => row[column(rows, 'document title')])).toContain(`'=cmd|" /C calc"!A0`);
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('keeps numbers as numbers: a negative figure is not mistaken for a formula', () => {
    const cold = structuredClone(library);
    cold.annotations.find((annotation) => annotation.id === IDS.wireFerries)!.quantity = { value: -12, unit: '°C', key: 'temperature' };
    const rows = readCsv(exportAnnotationsCsv(cold, { bom: false }));
    expect(rows.find((row) => row[column(rows, 'annotation id')] === IDS.wireFerries)![column(rows, 'quantity value')]).toBe('-12');
  });
});
