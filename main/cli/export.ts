/**
 * `npm run export -- --format bundle|w3c|csv|claimreview|report --out PATH INPUT...`: builds a library from
 * articles (.txt, .md, .html, .docx, .pdf: imported and annotated by extraction, as the app suggests) and .crosscheck bundles
 * (merged by the app's rules), then writes it in one format. `--out -` writes to standard output.
 * Exit codes: 0 done, 2 bad arguments or an input that cannot be read.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { BundleError } from '../../shared/bundles/bundle-error';
import { emptyContents, type BundleContents } from '../../shared/bundles/bundle-format';
import { applyMergePlan, planBundleMerge } from '../../shared/bundles/merge-plan';
import { readBundle } from '../../shared/bundles/read-bundle';
import { writeBundle } from '../../shared/bundles/write-bundle';
import { exportAnnotationsCsv } from '../../shared/exports/annotation-csv';
import { claimReviewsJson, exportClaimReviews } from '../../shared/exports/claim-review';
import { buildContradictionReport } from '../../shared/exports/contradiction-report';
import type { ExportContradiction } from '../../shared/exports/export-input';
import { contradictionReportHtml } from '../../shared/exports/report-html';
import { contradictionReportMarkdown } from '../../shared/exports/report-markdown';
import { exportWebAnnotations, webAnnotationsJson } from '../../shared/exports/web-annotations';
import type { Annotation, Entity, SourceDocument } from '../../shared/model';
import { readSourceFiles, SourceFileError, type SourceFile } from './read-sources';
import { runCommand } from './run-command';

const FORMATS = ['bundle', 'w3c', 'csv', 'claimreview', 'report'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = [
  'usage: export --format bundle|w3c|csv|claimreview|report --out PATH [options] INPUT...',
  '  INPUT            articles (.txt, .md, .html, .docx, .pdf), or .crosscheck bundles',
  '  --out PATH       file to write (- for standard output); a report is HTML when PATH ends in .html',
  '  --author NAME    who made the export (bundle manifest); default: $USER',
  '  --base-url URL   where the export will be published (w3c ids; required for claimreview)',
  '  --publisher NAME the fact-checking organisation (claimreview; required)',
  '  --publisher-url URL',
  '  --title TEXT     report title',
].join('\n');

interface ExportArguments {
  format: Format;
  out: string;
  inputs: string[];
  author?: string;
  baseUrl?: string;
  publisher?: string;
  publisherUrl?: string;
  title?: string;
}

const VALUE_OPTIONS = { '--format': 'format', '--out': 'out', '--author': 'author', '--base-url': 'baseUrl', '--publisher': 'publisher', '--publisher-url': 'publisherUrl', '--title': 'title' } as const;

/** Parses arguments; a string is the problem to report with the usage. */
function parseArguments(args: readonly string[]): ExportArguments | string {
  const values: Partial<Record<(typeof VALUE_OPTIONS)[keyof typeof VALUE_OPTIONS], string>> = {};
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      inputs.push(...args.slice(i + 1));
      break;
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag in VALUE_OPTIONS) {
      const value = inline ?? args[++i];
      if (value === undefined) return `${flag} needs a value`;
      values[VALUE_OPTIONS[flag as keyof typeof VALUE_OPTIONS]] = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option ${arg}`;
    } else {
      inputs.push(arg);
    }
  }
  if (!values.format || !(FORMATS as readonly string[]).includes(values.format)) return `--format must be one of ${FORMATS.join(', ')}`;
  if (!values.out) return '--out is required';
  if (inputs.length === 0) return 'give at least one INPUT';
  const format = values.format as Format;
  if (format === 'claimreview' && (!values.baseUrl || !values.publisher)) {
    return 'claimreview needs --base-url (the page that will publish the fact checks) and --publisher (your organisation)';
  }
  return { ...values, format, out: values.out, inputs };
}

function appVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** An entity id a later run gives the same name: extraction ids are derived, never random. */
function entityIdFor(name: string, type: Entity['type']): string {
  return `entity:${type}:${name.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase()}`;
}

/** Articles as library records, annotated with extraction's suggestions. */
async function articlesAsContents(files: readonly SourceFile[], now: string): Promise<BundleContents> {
  // Loaded only now: the tagger takes a moment to load, and bad arguments should not wait for it.
  const { extractDocument } = await import('../../shared/extract/extract-document');
  const { suggestAnnotations } = await import('../../shared/extract/suggest-annotations');
  const contents = emptyContents();
  const entities = new Map<string, Entity>();
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.draft.sha256)) continue;
    seen.add(file.draft.sha256);
    const document: SourceDocument = { ...file.draft, id: file.id, importedAt: now };
    contents.documents.push(document);
    const input = { id: document.id, text: document.text, ...(document.publishedAt ? { publishedAt: document.publishedAt } : {}) };
    const suggestions = suggestAnnotations(input, { extraction: extractDocument(input) });
    // Within one article "Lindqvist" is the "Mara Lindqvist" named before: one entity, not two.
    const fullNames = suggestions.flatMap((suggestion) => (suggestion.entity?.type === 'person' ? [suggestion.entity.name] : []));
    const fullNameOf = (name: string): string => fullNames.find((full) => full.length > name.length && full.endsWith(` ${name}`)) ?? name;
    for (const suggestion of suggestions) {
      const { entity, claim: _claim, ...fields } = suggestion;
      const annotation: Annotation = { ...fields, author: 'Crosscheck extraction', createdAt: now, updatedAt: now };
      if (entity) {
        const name = entity.type === 'person' ? fullNameOf(entity.name) : entity.name;
        const id = entityIdFor(name, entity.type);
        const known = entities.get(id);
        if (!known) entities.set(id, { id, name, type: entity.type, aliases: [] });
        annotation.entityId = id;
      }
      contents.annotations.push(annotation);
    }
  }
  contents.entities = [...entities.values()];
  return contents;
}

async function contradictionsOf(library: BundleContents): Promise<ExportContradiction[]> {
  const { ContradictionEngine } = await import('../../shared/detect/contradiction-engine');
  const { extractDocument } = await import('../../shared/extract/extract-document');
  const engine = new ContradictionEngine();
  engine.load({
    documents: library.documents,
    entities: library.entities,
    annotations: library.annotations,
    links: library.links,
    extractions: library.documents.map((document) => extractDocument({ id: document.id, text: document.text, ...(document.publishedAt ? { publishedAt: document.publishedAt } : {}) })),
  });
  return engine.contradictions();
}

async function buildLibrary(inputs: readonly string[], now: string): Promise<BundleContents> {
  let library = emptyContents();
  const articles = inputs.filter((input) => !input.toLowerCase().endsWith('.crosscheck'));
  for (const path of inputs.filter((input) => input.toLowerCase().endsWith('.crosscheck'))) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw new SourceFileError(`cannot read ${path}: ${(error as { code?: string }).code === 'ENOENT' ? 'no such file' : String(error)}`);
    }
    try {
      const bundle = await readBundle(bytes);
      library = applyMergePlan(library, planBundleMerge(library, bundle.contents).writes);
    } catch (error) {
      if (error instanceof BundleError) throw new SourceFileError(`${path}: ${error.message}`);
      throw error;
    }
  }
  if (articles.length > 0) {
    const incoming = await articlesAsContents(await readSourceFiles(articles), now);
    library = applyMergePlan(library, planBundleMerge(library, incoming).writes);
  }
  return library;
}

async function render(parsed: ExportArguments, library: BundleContents, now: string): Promise<string | Uint8Array> {
  switch (parsed.format) {
    case 'bundle':
      return writeBundle(library, {
        appVersion: appVersion(),
        createdBy: parsed.author ?? process.env.USER ?? 'command line',
        createdAt: now,
        selection: `${library.documents.length} ${library.documents.length === 1 ? 'document' : 'documents'} from the command line`,
      });
    case 'csv':
      return exportAnnotationsCsv(library);
    case 'claimreview':
      return claimReviewsJson(
        exportClaimReviews(library, { pageUrl: parsed.baseUrl!, publisher: { name: parsed.publisher!, ...(parsed.publisherUrl ? { url: parsed.publisherUrl } : {}) } }),
      );
    case 'w3c':
      return webAnnotationsJson(
        await exportWebAnnotations(library, { contradictions: await contradictionsOf(library), generatedAt: now, ...(parsed.baseUrl ? { baseUrl: parsed.baseUrl } : {}) }),
      );
    case 'report': {
      const report = buildContradictionReport(library, await contradictionsOf(library), { generatedAt: now, ...(parsed.title ? { title: parsed.title } : {}) });
      return /\.html?$/i.test(parsed.out) ? contradictionReportHtml(report) : contradictionReportMarkdown(report);
    }
  }
}

async function main(): Promise<number> {
  const parsed = parseArguments(process.argv.slice(2));
  if (typeof parsed === 'string') {
    process.stderr.write(`export: ${parsed}\n${USAGE}\n`);
    return 2;
  }
  const now = new Date().toISOString();
  let library: BundleContents;
  try {
    library = await buildLibrary(parsed.inputs, now);
  } catch (error) {
    if (error instanceof SourceFileError) {
      process.stderr.write(`export: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const output = await render(parsed, library, now);
  if (parsed.out === '-') process.stdout.write(output);
  else await writeFile(parsed.out, output);
  const articles = parsed.inputs.some((input) => !input.toLowerCase().endsWith('.crosscheck'));
  process.stderr.write(
    `export: ${parsed.format} of ${library.documents.length} documents, ${library.annotations.length} annotations${articles ? ' (articles annotated by extraction)' : ''}${parsed.out === '-' ? '' : ` written to ${parsed.out}`}\n`,
  );
  return 0;
}

runCommand('export', main);
