import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleContents } from '../../../shared/bundles/bundle-format';
import { readBundle } from '../../../shared/bundles/read-bundle';
import { writeBundle } from '../../../shared/bundles/write-bundle';
import { ferryStrikeLibrary } from '../../fixtures/bundles/ferry-strike';
import { ROOT, runCli } from './run-cli';

const ARTICLES = ['test/fixtures/bundles/ferry-strike-ledger.md', 'test/fixtures/bundles/ferry-strike-wire.md'];
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let dir: string;
let library: BundleContents;
let libraryPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-export-'));
  library = await ferryStrikeLibrary();
  libraryPath = join(dir, 'ferry-strike.crosscheck');
  writeFileSync(libraryPath, await writeBundle(library, { appVersion: '0.1.0', createdBy: 'Ines' }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run export from articles', () => {
  let bundle: Awaited<ReturnType<typeof readBundle>>;
  let w3c: Array<Record<string, unknown>>;

  beforeAll(async () => {
    const out = join(dir, 'articles.crosscheck');
    const result = runCli('export.ts', ['--format', 'bundle', '--out', out, '--author', 'Ines', ...ARTICLES]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('articles annotated by extraction');
    bundle = await readBundle(readFileSync(out));
    const json = runCli('export.ts', ['--format', 'w3c', '--out', '-', ...ARTICLES]);
    expect(json.status, json.stderr).toBe(0);
    w3c = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
  }, 120_000);

  it('writes a bundle the app can import, with the articles annotated by extraction', () => {
    expect(bundle.manifest).toMatchObject({ createdBy: 'Ines', appVersion: VERSION });
    expect(bundle.contents.documents.map((document) => document.title).sort()).toEqual(['Ferry crews walk out at Port Veyra', 'Strike idles ferries, operator says']);
    expect(bundle.contents.annotations.length).toBeGreaterThan(4);
    expect(bundle.contents.annotations.every((annotation) => annotation.origin === 'suggested')).toBe(true);
    const quantities = bundle.contents.annotations.filter((annotation) => annotation.kind === 'quantity').map((annotation) => annotation.quantity?.value);
    expect(quantities).toEqual(expect.arrayContaining([40, 28]));
  });

  it('gives a surname-only mention the entity of the full name in the same article', () => {
    const people = bundle.contents.entities.filter((entity) => entity.type === 'person').map((entity) => entity.name);
    expect(people).toContain('Mara Lindqvist');
    expect(people).not.toContain('Lindqvist');
  });

  it('writes W3C annotations with the contradictions the engine finds as questioning annotations', () => {
    expect(w3c[0]).toMatchObject({ type: 'AnnotationCollection', '@context': 'http://www.w3.org/ns/anno.jsonld' });
    const items = w3c.slice(1).flatMap((page) => page.items as Array<{ motivation: string; body: Array<{ value: string }>; target: unknown[] }>);
    const questions = items.filter((item) => item.motivation === 'questioning');
    expect(questions.some((item) => item.body.some((body) => /different numbers of ferries/.test(body.value)) && item.target.length === 2)).toBe(true);
  });
});

describe('npm run export from a bundle', () => {
  it('writes the same records back into a new bundle', async () => {
    const out = join(dir, 'copy.crosscheck');
    const result = runCli('export.ts', ['--format', 'bundle', '--out', out, libraryPath]);
    expect(result.status, result.stderr).toBe(0);
    const { contents } = await readBundle(readFileSync(out));
    expect(contents.annotations).toHaveLength(library.annotations.length);
    expect(contents.decisionHistory).toEqual(library.decisionHistory);
  }, 60_000);

  it('writes CSV to standard output', () => {
    const result = runCli('export.ts', ['--format', 'csv', '--out', '-', libraryPath]);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('document title,document id,kind,quote,start,end,status,speaker,note,entity,quantity value,quantity key,annotation id');
    expect(lines.filter((line) => line !== '')).toHaveLength(1 + library.annotations.length);
  }, 60_000);

  it('writes ClaimReview JSON-LD for the claims with verdicts', () => {
    const result = runCli('export.ts', ['--format', 'claimreview', '--out', '-', '--base-url', 'https://checks.example/ferry', '--publisher', 'Skarra Fact Desk', libraryPath]);
    expect(result.status, result.stderr).toBe(0);
    const reviews = JSON.parse(result.stdout) as Array<{ claimReviewed: string; author: { name: string } }>;
    expect(reviews).toHaveLength(3);
    expect(reviews.every((review) => review.author.name === 'Skarra Fact Desk')).toBe(true);
  }, 60_000);

  it('writes the report as HTML with a chart when the file name says .html', () => {
    const out = join(dir, 'report.html');
    const result = runCli('export.ts', ['--format', 'report', '--out', out, '--title', 'Port Veyra strike', libraryPath]);
    expect(result.status, result.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<title>Port Veyra strike</title>');
    expect(html).toContain('<svg');
    expect(html).not.toContain('<script');
  }, 60_000);
});

describe('npm run export with bad arguments or inputs', () => {
  it('exits 2 with the usage for a wrong format or a missing --out', () => {
    const wrong = runCli('export.ts', ['--format', 'pdf', '--out', '-', libraryPath]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--format must be one of bundle, w3c, csv, claimreview, report');
    expect(wrong.stderr).toContain('usage: export');
    const noOut = runCli('export.ts', ['--format', 'csv', libraryPath]);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('--out is required');
  }, 60_000);

  it('asks for the page and the publisher a ClaimReview needs', () => {
    const result = runCli('export.ts', ['--format', 'claimreview', '--out', '-', libraryPath]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('claimreview needs --base-url');
  }, 60_000);

  it('names an input it cannot read, and a broken bundle with its message', () => {
    const missing = runCli('export.ts', ['--format', 'csv', '--out', '-', join(dir, 'nowhere.md')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nowhere\.md: no such file/);
    const broken = join(dir, 'broken.crosscheck');
    writeFileSync(broken, 'Minutes of the harbour board meeting, typed up as plain text.\n');
    const result = runCli('export.ts', ['--format', 'csv', '--out', '-', broken]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('This file is not a Crosscheck bundle: it is not a zip archive');
    expect(result.stdout).toBe('');
  }, 60_000);
});
