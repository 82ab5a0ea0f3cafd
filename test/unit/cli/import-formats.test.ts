import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanJson } from '../../../main/cli/scan-report';
import { readBundle } from '../../../shared/bundles/read-bundle';
import { buildDocx } from '../../fixtures/importers/build-docx';
import { buildPdf } from '../../fixtures/importers/build-pdf';
import { ROOT, runCli } from './run-cli';

let dir: string;
let paths: Record<'html' | 'docx' | 'pdf' | 'utf16', string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-formats-'));
  const fixtures = join(ROOT, 'test/fixtures/importers');
  paths = {
    html: join(dir, 'tidewater-ferry.html'),
    docx: join(dir, 'avel-ferries-statement.docx'),
    pdf: join(dir, 'coastguard-log.pdf'),
    utf16: join(dir, 'harbour-notice.txt'),
  };
  copyFileSync(join(fixtures, 'tidewater-ferry.html'), paths.html);
  copyFileSync(join(fixtures, 'harbour-notice-utf16le.txt'), paths.utf16);
  writeFileSync(
    paths.docx,
    buildDocx([
      { heading: 'Statement from Avel Ferries' },
      { paragraph: ['Dated 2 November 2024'] },
      { paragraph: ['The Marisol was carrying 198 passengers when it touched a sandbar off Port Avel on Saturday', { footnote: 'Figures from the boarding system.' }, '.'] },
    ]),
  );
  const line = (y: number, text: string, size = 11) => ({ x: 72, y, size, text });
  writeFileSync(
    paths.pdf,
    buildPdf([
      [line(760, 'Coastguard incident log', 9), line(700, 'Marisol grounding', 16), line(670, 'Date: 3 November 2024'), line(640, 'Lifeboats took everyone off the Marisol after it ran aground.'), line(40, '1', 9)],
      [line(760, 'Coastguard incident log', 9), line(700, 'No one was seriously hurt, the duty officer said.'), line(40, '2', 9)],
    ]),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run scan on web pages, Word, PDF and UTF-16 text', () => {
  let report: ScanJson;

  beforeAll(() => {
    const result = runCli('scan.ts', ['--format', 'json', paths.html, paths.docx, paths.pdf, paths.utf16]);
    expect(result.status, result.stderr).toBe(0);
    report = JSON.parse(result.stdout) as ScanJson;
  }, 120_000);

  it('lists every document with the title and date its format gives', () => {
    expect(report.documents.map(({ path, title, publishedAt }) => ({ path, title, publishedAt }))).toEqual([
      { path: paths.html, title: 'Ferry Marisol runs aground off Port Avel', publishedAt: '2024-11-02T08:30:00+01:00' },
      { path: paths.docx, title: 'Statement from Avel Ferries', publishedAt: '2024-11-02' },
      { path: paths.pdf, title: 'Marisol grounding', publishedAt: '2024-11-03' },
      { path: paths.utf16, title: 'Harbour notice', publishedAt: '2024-03-12' },
    ]);
  });

  it('finds the differing passenger counts between the web page and the Word statement, quoting their text', () => {
    const passengers = report.contradictions.find((item) => item.kind === 'quantity-mismatch' && item.explanation.includes('passengers'));
    expect(passengers?.evidence.map((evidence) => [evidence.path, evidence.quote])).toEqual(
      expect.arrayContaining([
        [paths.docx, '198 passengers'],
        [paths.html, '212 passengers'],
      ]),
    );
  });
});

describe('npm run export on web pages, Word and PDF', () => {
  it('writes a bundle whose documents keep their formats and metadata', async () => {
    const out = join(dir, 'formats.crosscheck');
    const result = runCli('export.ts', ['--format', 'bundle', '--out', out, '--author', 'Ines', paths.html, paths.docx, paths.pdf]);
    expect(result.status, result.stderr).toBe(0);
    const bundle = await readBundle(readFileSync(out));
    const documents = [...bundle.contents.documents].sort((a, b) => a.format.localeCompare(b.format));
    expect(documents.map(({ format, title, outlet, language }) => ({ format, title, outlet, language }))).toEqual([
      { format: 'docx', title: 'Statement from Avel Ferries', outlet: undefined, language: 'en' },
      { format: 'html', title: 'Ferry Marisol runs aground off Port Avel', outlet: 'Tidewater Courier', language: 'en-GB' },
      { format: 'pdf', title: 'Marisol grounding', outlet: undefined, language: 'en' },
    ]);
  }, 120_000);
});

describe('npm run scan with a file in a format it does not read', () => {
  it('names the file on one line of stderr and exits with 2, as for a missing file', () => {
    const odt = join(dir, 'minutes.odt');
    writeFileSync(odt, 'PK not really');
    const result = runCli('scan.ts', [paths.html, odt]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('“minutes.odt” is not a format Crosscheck reads');
  }, 60_000);
});
