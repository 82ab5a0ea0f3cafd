/**
 * The Electronegativity gate (`npm run test:security`): its verdict on made-up findings, and a real scan of
 * the main process's window and link code next to insecure variants of it, so that the test fails if the
 * scanner stops seeing the options or the gate stops failing on them.
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatFindingsTable,
  judgeScan,
  scanWithElectronegativity,
  type Finding,
  type ScanResult,
} from '../../security/electronegativity-scan';

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));

function finding(overrides: Partial<Finding>): Finding {
  return {
    check: 'SANDBOX_JS_CHECK',
    severity: 'MEDIUM',
    confidence: 'FIRM',
    file: 'main/window.ts',
    line: 12,
    column: 4,
    description: 'Use sandbox for untrusted origins',
    sample: 'new BrowserWindow({',
    url: '',
    ...overrides,
  };
}

describe('judgeScan', () => {
  it('passes LOW and informational findings, listing them as allowed', () => {
    const low = finding({ check: 'CSP_GLOBAL_CHECK', severity: 'LOW', file: 'renderer/index.html' });
    const info = finding({ check: 'CSP_HTML_CHECK', severity: 'INFORMATIONAL' });
    const verdict = judgeScan({ findings: [low, info], problems: [], checksRun: 42 });
    expect(verdict.passed).toBe(true);
    expect(verdict.allowed).toEqual([low, info]);
    expect(verdict.reasons).toEqual([]);
  });

  it('fails on a MEDIUM or HIGH finding and says which check fired where', () => {
    const verdict = judgeScan({
      findings: [finding({}), finding({ check: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH', line: 30, column: 2 })],
      problems: [],
      checksRun: 42,
    });
    expect(verdict.passed).toBe(false);
    expect(verdict.reasons).toEqual([
      'MEDIUM SANDBOX_JS_CHECK at main/window.ts:12:4: Use sandbox for untrusted origins',
      'HIGH CONTEXT_ISOLATION_JS_CHECK at main/window.ts:30:2: Use sandbox for untrusted origins',
    ]);
  });

  it('fails when a file could not be parsed, since it was never checked', () => {
    const verdict = judgeScan({
      findings: [],
      problems: [{ file: 'renderer/odd.ts', message: 'Unknown node type PrivateName', tolerable: false }],
      checksRun: 42,
    });
    expect(verdict.passed).toBe(false);
    expect(verdict.reasons[0]).toContain('renderer/odd.ts could not be parsed');
  });

  it('fails when no check ran at all', () => {
    expect(judgeScan({ findings: [], problems: [], checksRun: 0 }).passed).toBe(false);
  });
});

describe('formatFindingsTable', () => {
  it('lists the worst first, marks what is allowed, and names the whole app for global findings', () => {
    const table = formatFindingsTable([
      finding({ check: 'CSP_GLOBAL_CHECK', severity: 'LOW', file: 'renderer/index.html', line: 4, column: 0 }),
      finding({ check: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH', file: 'N/A', sample: '' }),
    ]);
    const lines = table.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^HIGH\s+FIRM\s+CONTEXT_ISOLATION_JS_CHECK\s+the whole app\s+/);
    expect(lines[3]).toMatch(/^LOW \(allowed\)\s+FIRM\s+CSP_GLOBAL_CHECK\s+renderer\/index\.html:4:0\s+/);
  });

  it('says so when there is nothing to list', () => {
    expect(formatFindingsTable([])).toBe('No findings.\n');
  });
});

describe('Electronegativity on the main process code', () => {
  let folder: string;
  let result: ScanResult;
  const findingsIn = (subfolder: string) => result.findings.filter((item) => item.file.startsWith(`${subfolder}/`));

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'crosscheck-eng-test-'));
    const windowOptions = await readFile(path.join(projectRoot, 'main', 'window-options.ts'), 'utf8');
    const security = await readFile(path.join(projectRoot, 'main', 'security.ts'), 'utf8');
    const files: Record<string, string> = {
      'shipped/window-options.ts': windowOptions,
      'shipped/security.ts': security,
      // The same window with isolation and sandbox turned off, as the electron-vite template ships it.
      'insecure/window-options.ts': windowOptions
        .replace('contextIsolation: true', 'contextIsolation: false')
        .replace('sandbox: true', 'sandbox: false'),
      // A link handed to the system browser with no check in sight.
      'unchecked/open-link.ts': [
        "import { shell } from 'electron';",
        'export function openLink(url: string): Promise<void> {',
        '  return shell.openExternal(url);',
        '}',
        '',
      ].join('\n'),
    };
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
      await writeFile(path.join(folder, name), text);
    }
    result = await scanWithElectronegativity(folder, '41.7.1');
  }, 60_000);

  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('reads every file and runs its checks', () => {
    expect(result.checksRun).toBeGreaterThan(30);
    expect(result.problems.filter((problem) => !problem.tolerable)).toEqual([]);
  });

  it('finds nothing to object to in the shipped window options and link opener', () => {
    expect(findingsIn('shipped')).toEqual([]);
  });

  it('flags the window when context isolation and the sandbox are off, and the gate fails', () => {
    const insecure = findingsIn('insecure');
    expect(insecure.map((item) => `${item.severity} ${item.check}`).sort()).toEqual([
      'HIGH CONTEXT_ISOLATION_JS_CHECK',
      'MEDIUM SANDBOX_JS_CHECK',
    ]);
    expect(judgeScan({ ...result, findings: insecure }).passed).toBe(false);
  });

  it('flags an unchecked openExternal, and the gate fails', () => {
    const unchecked = findingsIn('unchecked');
    expect(unchecked.map((item) => `${item.check} line ${item.line}`)).toEqual(['OPEN_EXTERNAL_JS_CHECK line 3']);
    expect(judgeScan({ ...result, findings: unchecked }).passed).toBe(false);
  });
});
