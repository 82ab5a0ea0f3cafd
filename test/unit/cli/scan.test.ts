import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { draftFromFile } from '../../../shared/importers/source-document';
import type { ScanJson } from '../../../main/cli/scan-report';
import { ROOT, runCli } from './run-cli';

const SAMPLES = readdirSync(join(ROOT, 'resources/samples'))
  .sort()
  .map((name) => `resources/samples/${name}`);

type Found = ScanJson['contradictions'][number];

function quotes(item: Found): string[] {
  return item.evidence.map((evidence) => evidence.quote);
}

describe('npm run scan on the sample corpus', () => {
  let report: ScanJson;
  let text: string;

  beforeAll(() => {
    const json = runCli('scan.ts', ['--format', 'json', ...SAMPLES]);
    expect(json.status).toBe(0);
    report = JSON.parse(json.stdout) as ScanJson;
    const plain = runCli('scan.ts', SAMPLES);
    expect(plain.status).toBe(0);
    text = plain.stdout;
  }, 60_000);

  it('finds the envoy written two ways, and names the rarer spelling', () => {
    const variants = report.contradictions.filter((item) => item.kind === 'name-variant');
    expect(variants).toHaveLength(1);
    expect(quotes(variants[0]!)).toContain('Tobias Vantner');
    expect(quotes(variants[0]!)).toContain('Tobias Wendtner');
    expect(variants[0]!.explanation).toMatch(/“Tobias Vantner” .* misspelling of “Tobias Wendtner”/);
  });

  it('does not merge the two people who share the first name Tobias', () => {
    const everything = JSON.stringify(report.contradictions.filter((item) => item.kind === 'name-variant'));
    expect(everything).not.toContain('Renn');
  });

  it('finds the differing counts of trapped and of rescued miners', () => {
    const figures = report.contradictions.filter((item) => item.kind === 'quantity-mismatch');
    const trapped = figures.find((item) => item.explanation.includes('trapped miners'));
    const rescued = figures.find((item) => item.explanation.includes('rescued miners'));
    expect(trapped && quotes(trapped)).toEqual(expect.arrayContaining(['about 30 miners remain trapped', '14 miners trapped']));
    expect(rescued && quotes(rescued)).toEqual(expect.arrayContaining(['11 rescued miners', 'Nine miners were rescued']));
    // The rescued figures are from different days: reported, but lower, with the reason.
    expect(rescued!.explanation).toContain('change over time');
    expect(rescued!.score).toBeLessThan(trapped!.score);
  });

  it('finds the differing dates of the collapse', () => {
    const dates = report.contradictions.filter((item) => item.kind === 'date-mismatch');
    expect(dates).toHaveLength(1);
    expect(dates[0]!.explanation).toContain('collapse');
    expect(quotes(dates[0]!)).toEqual(expect.arrayContaining(['collapse happened on March 4', 'collapsed on March 3']));
  });

  it('finds the claims and their denials: talks collapsed, shaft inspected', () => {
    const claims = report.contradictions.filter((item) => item.kind === 'claim-conflict');
    const talks = claims.find((item) => quotes(item).some((q) => q.includes('have not collapsed')));
    const shaft = claims.find((item) => quotes(item).some((q) => q.includes('never inspected')));
    expect(talks && quotes(talks).some((q) => /talks .*have collapsed/.test(q))).toBe(true);
    expect(shaft && quotes(shaft).some((q) => q.includes('had been inspected'))).toBe(true);
  });

  it('prints the JSON shape exactly, with quotes that are the documents’ text', async () => {
    expect(Object.keys(report)).toEqual(['documents', 'contradictions']);
    expect(report.documents).toHaveLength(SAMPLES.length);
    const texts = new Map<string, string>();
    for (const document of report.documents) {
      expect(Object.keys(document)).toEqual(['id', 'path', 'title', 'publishedAt']);
      expect(document.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const draft = await draftFromFile({ name: document.path, bytes: readFileSync(join(ROOT, document.path)) });
      texts.set(document.id, draft.text);
    }
    for (const item of report.contradictions) {
      expect(Object.keys(item)).toEqual(['id', 'kind', 'score', 'explanation', 'evidence']);
      expect(item.score).toBeGreaterThanOrEqual(0);
      expect(item.score).toBeLessThanOrEqual(1);
      for (const evidence of item.evidence) {
        expect(Object.keys(evidence)).toEqual(['documentId', 'path', 'start', 'end', 'quote']);
        expect(texts.get(evidence.documentId)!.slice(evidence.start, evidence.end)).toBe(evidence.quote);
        expect(report.documents.find((d) => d.id === evidence.documentId)?.path).toBe(evidence.path);
      }
    }
  });

  it('gives a document without date metadata the date its text states', () => {
    expect(report.documents.find((d) => d.path.endsWith('02-northern-ledger-envoy.txt'))?.publishedAt).toBe('2025-03-06');
    expect(report.documents.find((d) => d.path.endsWith('04-leaton-gazette-hospital.txt'))?.publishedAt).toBe('2025-03-06');
  });

  it('prints a text report grouped by kind with file names and quotes', () => {
    expect(text).toMatch(/^Scanned 5 documents: \d+ possible contradictions\./);
    expect(text).toContain('Names written differently (1)');
    expect(text).toContain('resources/samples/02-northern-ledger-envoy.txt @');
    expect(text).toContain('“Tobias Vantner”');
  });
});

describe('npm run scan with bad input', () => {
  it('names a missing file on stderr, prints nothing else and exits with 2', () => {
    const result = runCli('scan.ts', ['resources/samples/01-valley-wire-rescue.md', 'no-such-article.txt']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('no-such-article.txt');
  });

  it('prints a usage line and exits with 2 for a bad flag or no files', () => {
    for (const args of [['--colour', 'resources/samples/01-valley-wire-rescue.md'], ['--format', 'xml', 'a.txt'], []]) {
      const result = runCli('scan.ts', args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^usage: scan/);
    }
  });
});
