/**
 * `npm run test:security`: Electronegativity over the app, failing on anything above LOW severity.
 *
 * What is scanned: the TypeScript source of main/ (with the preload), renderer/ and shared/, where inline
 * `eng-disable` comments and their explanations live (the bundles in out/ lose comments), plus the renderer
 * page as the build writes it: index.html gets its Content-Security-Policy meta tag from
 * shared/security/content-security-policy.ts at build time (vite.web.config.ts), so the source page has none.
 * The page is built in memory and nothing is written into out/.
 *
 * Exit codes: 0 nothing above LOW and every file read; 1 findings above LOW or files the scanner could not
 * read; 2 the scan itself could not run.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { formatFindingsTable, judgeScan, scanWithElectronegativity } from './electronegativity-scan';
import { runCommand } from '../../main/cli/run-command';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const SCANNED_FOLDERS = ['main', 'renderer', 'shared'] as const;

/** The Electron version the app ships with, from package.json (checks depend on it, e.g. defaults). */
async function electronVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  const version = manifest.devDependencies?.electron?.replace(/^[\^~]/, '');
  if (!version || !/^\d+\.\d+\.\d+/.test(version)) {
    throw new Error('package.json names no exact electron version in devDependencies; pin one (e.g. "electron": "41.7.1").');
  }
  return version;
}

/** Builds the renderer in memory and returns index.html as it ships (with the CSP meta tag). */
async function builtRendererPage(outDir: string): Promise<string> {
  const result = await build({
    configFile: path.join(projectRoot, 'vite.web.config.ts'),
    logLevel: 'error',
    build: { write: false, outDir },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((item) => ('output' in item ? item.output : []));
  const page = outputs.find((file) => file.fileName === 'index.html');
  if (!page || page.type !== 'asset') throw new Error('the renderer build produced no index.html.');
  return typeof page.source === 'string' ? page.source : new TextDecoder().decode(page.source);
}

async function main(): Promise<number> {
  const version = await electronVersion();
  const stage = await mkdtemp(path.join(tmpdir(), 'crosscheck-electronegativity-'));
  try {
    process.stdout.write(`Building the renderer page (in memory) to scan the Content-Security-Policy it ships with…\n`);
    const page = await builtRendererPage(path.join(stage, 'build'));
    const app = path.join(stage, 'app');
    for (const folder of SCANNED_FOLDERS) await cp(path.join(projectRoot, folder), path.join(app, folder), { recursive: true });
    await writeFile(path.join(app, 'renderer', 'index.html'), page);

    process.stdout.write(`Scanning ${SCANNED_FOLDERS.join('/, ')}/ and the built renderer/index.html for Electron ${version}…\n`);
    const result = await scanWithElectronegativity(app, version);
    const verdict = judgeScan(result);

    process.stdout.write(`\n${formatFindingsTable(result.findings)}`);
    for (const problem of result.problems.filter((item) => item.tolerable)) {
      process.stdout.write(`note: ${problem.file}: ${problem.message}\n`);
    }
    if (verdict.allowed.length > 0) {
      process.stdout.write(
        `\n${verdict.allowed.length} finding(s) at LOW severity or below are allowed; each is explained in a comment next to its code.\n`,
      );
    }
    if (!verdict.passed) {
      process.stderr.write(`\nElectronegativity: the app does not pass.\n${verdict.reasons.map((reason) => `- ${reason}\n`).join('')}`);
      process.stderr.write(
        'Fix the code, or, where the code demonstrably enforces the rule, add `// eng-disable CHECK_ID` on the flagged line with a comment saying what enforces it.\n',
      );
      return 1;
    }
    process.stdout.write(`Electronegativity: ${result.checksRun} checks, nothing above LOW severity.\n`);
    return 0;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

runCommand('test:security could not run', main, 2);
