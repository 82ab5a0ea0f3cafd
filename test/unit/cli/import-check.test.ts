import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBundle } from '../../../shared/bundles/write-bundle';
import { brokenBundles, type BrokenBundle } from '../../fixtures/bundles/broken-bundles';
import { ferryStrikeLibrary } from '../../fixtures/bundles/ferry-strike';
import { runCli } from './run-cli';

let dir: string;
let corpus: BrokenBundle[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-import-check-'));
  writeFileSync(join(dir, 'ferry-strike.crosscheck'), await writeBundle(await ferryStrikeLibrary(), { appVersion: '0.1.0', createdBy: 'Ines', createdAt: '2025-03-07T12:00:00.000Z' }));
  corpus = await brokenBundles();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run import-check', () => {
  it('prints what a good bundle holds, by name, and exits 0', () => {
    const result = runCli('import-check.ts', [join(dir, 'ferry-strike.crosscheck')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('can be imported');
    expect(result.stdout).toContain('made by Ines on 2025-03-07T12:00:00.000Z with Crosscheck 0.1.0');
    expect(result.stdout).toMatch(/^3 documents: .*“Ferry crews walk out at Port Veyra”/m);
    expect(result.stdout).toMatch(/^2 entities: Mara Lindqvist \(person\); Veyra Ferry Company \(organization\)$/m);
    expect(result.stdout).toMatch(/^8 annotations: .*claim “The talks have collapsed”/m);
    expect(result.stdout).toMatch(/^1 decision: quantity-mismatch:ferries0001: confirmed by Ines/m);
  }, 60_000);

  it('prints the error of each broken bundle and exits 2', () => {
    for (const item of corpus.filter((broken) => !broken.limits)) {
      const path = join(dir, 'broken.crosscheck');
      writeFileSync(path, item.bytes);
      const result = runCli('import-check.ts', [path]);
      expect(result.status, item.name).toBe(2);
      expect(result.stdout, item.name).toBe('');
      expect(result.stderr, item.name).toContain('cannot be imported');
      for (const fragment of item.says) expect(result.stderr, item.name).toMatch(fragment);
    }
  }, 120_000);

  it('refuses a file over 500 MB without reading it', () => {
    const path = join(dir, 'huge.crosscheck');
    writeFileSync(path, '');
    // Sparse: the size is reported, the disk is not used.
    truncateSync(path, 501 * 1024 * 1024);
    const result = runCli('import-check.ts', [path]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('This bundle is 501 MB; Crosscheck opens bundles up to 500 MB');
  }, 60_000);

  it('explains a missing file and wrong arguments', () => {
    const missing = runCli('import-check.ts', [join(dir, 'nowhere.crosscheck')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such file');
    const none = runCli('import-check.ts', []);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('usage: import-check BUNDLE');
  }, 60_000);
});
