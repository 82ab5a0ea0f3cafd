/**
 * `npm run scan -- [--format text|json] FILE...`: imports articles (.txt, .md, .html, .docx, .pdf), extracts entities,
 * quantities, dates and statements, and prints the contradictions found across all of them.
 * Exit codes: 0 done, 2 bad arguments or a file that cannot be read or imported.
 */
import { readSourceFiles, SourceFileError } from './read-sources';
import { scanJson, scanText, type ScannedDocument } from './scan-report';
import { runCommand } from './run-command';

const USAGE = 'usage: scan [--format text|json] FILE...';

interface ScanArguments {
  format: 'text' | 'json';
  paths: string[];
}

function parseArguments(args: readonly string[]): ScanArguments | undefined {
  let format: ScanArguments['format'] = 'text';
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      paths.push(...args.slice(i + 1));
      break;
    }
    const inline = /^--format=(.*)$/.exec(arg);
    if (arg === '--format' || inline) {
      const value = inline ? inline[1] : args[++i];
      if (value !== 'text' && value !== 'json') return undefined;
      format = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return undefined;
    } else {
      paths.push(arg);
    }
  }
  return paths.length > 0 ? { format, paths } : undefined;
}

async function main(): Promise<number> {
  const parsed = parseArguments(process.argv.slice(2));
  if (!parsed) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let files;
  try {
    files = await readSourceFiles(parsed.paths);
  } catch (error) {
    if (error instanceof SourceFileError) {
      process.stderr.write(`scan: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  // Loaded only now: the tagger takes a moment to load, and bad arguments should not wait for it.
  const { ContradictionEngine } = await import('../../shared/detect/contradiction-engine');
  const { extractDocument } = await import('../../shared/extract/extract-document');
  const engine = new ContradictionEngine();
  const documents: ScannedDocument[] = [];
  for (const file of files) {
    const { draft } = file;
    const extraction = extractDocument({ id: file.id, text: draft.text, ...(draft.publishedAt ? { publishedAt: draft.publishedAt } : {}) });
    const { title } = draft;
    engine.upsertDocument({ id: file.id, title, text: draft.text, ...(draft.publishedAt ? { publishedAt: draft.publishedAt } : {}) }, extraction);
    documents.push({ id: file.id, path: file.path, title, publishedAt: draft.publishedAt ?? extraction.documentDate?.date ?? null });
  }
  const contradictions = engine.contradictions();
  process.stdout.write(parsed.format === 'json' ? `${JSON.stringify(scanJson(documents, contradictions), null, 2)}\n` : scanText(documents, contradictions));
  return 0;
}

runCommand('scan', main);
