/**
 * Runs Doyensec's Electronegativity over a folder and turns its answer into plain findings, a verdict and a
 * table. The gate (`npm run test:security`, electronegativity.ts) and its unit tests both use this.
 * Electronegativity has no types and is CommonJS, so it is loaded with require and typed here by what we read.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The highest severity the gate lets through; each such finding is explained in a comment at its line. */
export const HIGHEST_ALLOWED_SEVERITY: Severity = 'LOW';

export interface Finding {
  /** Electronegativity's check id, e.g. CONTEXT_ISOLATION_JS_CHECK. */
  check: string;
  severity: Severity;
  /** TENTATIVE, FIRM or CERTAIN. */
  confidence: string;
  /** Relative to the scanned folder; 'N/A' for findings about the app as a whole (no CSP at all). */
  file: string;
  line: number;
  column: number;
  description: string;
  /** The flagged line of source, when the check names one. */
  sample: string;
  /** Electronegativity's wiki page for the check. */
  url: string;
}

/** A file the scanner could not read: not a finding, but not checked either. */
export interface ScanProblem {
  file: string;
  message: string;
  /** Electronegativity's word: a warning it could work around, rather than a file it skipped. */
  tolerable: boolean;
}

export interface ScanResult {
  findings: Finding[];
  problems: ScanProblem[];
  /** How many checks ran; zero would mean the scanner checked nothing and the result says nothing. */
  checksRun: number;
}

/** The parts of Electronegativity's issue objects we read. */
interface RawIssue {
  id: string;
  file: string;
  sample?: string;
  location: { line: number; column: number };
  description: string;
  shortenedURL?: string;
  severity: { name: string };
  confidence: { name: string };
}

interface RawRunResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: RawIssue[];
}

interface RawRunOptions {
  input: string;
  electronVersionOverride: string;
  isRelative: boolean;
  excludeFromScan: string[];
  customScan: string[];
  parserPlugins: string[];
}

type Run = (options: RawRunOptions, forCli?: boolean) => Promise<RawRunResult>;

/**
 * Checks left out of every scan, with the reason:
 * - AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub on each run, so the
 *   verdict would depend on the network and on the day, not on this code. Electron is pinned in
 *   package.json and upgraded on purpose; the scanned folders hold no package.json for it to read anyway.
 */
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'] as const;

function toSeverity(name: string): Severity {
  const upper = name.toUpperCase();
  const known = SEVERITIES.find((severity) => severity === upper);
  // An unknown level is treated as the worst, so a scanner upgrade cannot quietly wave findings through.
  return known ?? 'HIGH';
}

/**
 * Scans `folder` (absolute or relative to the working directory) as an app for `electronVersion`.
 * Rejects when Electronegativity itself fails (the folder is missing, a check crashes).
 */
export async function scanWithElectronegativity(folder: string, electronVersion: string): Promise<ScanResult> {
  const require = createRequire(import.meta.url);
  const run = require('@doyensec/electronegativity') as Run;
  const raw = await run({
    input: path.resolve(folder),
    electronVersionOverride: electronVersion,
    isRelative: true,
    excludeFromScan: EXCLUDED_CHECKS.map((check) => check.toLowerCase()),
    customScan: [],
    parserPlugins: [],
  });
  return {
    checksRun: raw.globalChecks + raw.atomicChecks,
    problems: raw.errors.map((error) => ({
      file: path.isAbsolute(error.file) ? path.relative(path.resolve(folder), error.file) : error.file,
      message: error.message,
      tolerable: error.tolerable,
    })),
    findings: raw.issues.map((issue) => ({
      check: issue.id,
      severity: toSeverity(issue.severity.name),
      confidence: issue.confidence.name,
      file: issue.file.split(path.sep).join('/'),
      line: issue.location.line,
      column: issue.location.column,
      description: issue.description,
      sample: (issue.sample ?? '').trim(),
      url: issue.shortenedURL ?? '',
    })),
  };
}

export function isAboveAllowed(severity: Severity): boolean {
  return SEVERITIES.indexOf(severity) > SEVERITIES.indexOf(HIGHEST_ALLOWED_SEVERITY);
}

export interface Verdict {
  passed: boolean;
  /** Findings above LOW: each one fails the gate. */
  blocking: Finding[];
  /** LOW and informational findings: allowed, each explained in a comment next to its code. */
  allowed: Finding[];
  /** Files the scanner could not read, so did not check: they fail the gate too. */
  unchecked: ScanProblem[];
  /** Readable summary lines, one per reason the gate failed (empty when it passed). */
  reasons: string[];
}

/** The gate's decision: nothing above LOW, every file read, and at least one check run. */
export function judgeScan(result: ScanResult): Verdict {
  const blocking = result.findings.filter((finding) => isAboveAllowed(finding.severity));
  const allowed = result.findings.filter((finding) => !isAboveAllowed(finding.severity));
  const unchecked = result.problems.filter((problem) => !problem.tolerable);
  const reasons: string[] = [];
  if (result.checksRun === 0) reasons.push('Electronegativity ran no checks, so the scan proves nothing.');
  for (const finding of blocking) {
    reasons.push(`${finding.severity} ${finding.check} at ${where(finding)}: ${finding.description}`);
  }
  for (const problem of unchecked) {
    reasons.push(`${problem.file} could not be parsed, so it was not checked: ${problem.message}`);
  }
  return { passed: reasons.length === 0, blocking, allowed, unchecked, reasons };
}

function where(finding: Finding): string {
  return finding.file === 'N/A' ? 'the whole app' : `${finding.file}:${finding.line}:${finding.column}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A plain-text table of findings, worst first, for the terminal. */
export function formatFindingsTable(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No findings.\n';
  const sorted = [...findings].sort(
    (a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || where(a).localeCompare(where(b)),
  );
  const header = ['severity', 'confidence', 'check', 'where', 'what'];
  const rows = sorted.map((finding) => [
    isAboveAllowed(finding.severity) ? finding.severity : `${finding.severity} (allowed)`,
    finding.confidence,
    finding.check,
    where(finding),
    truncate(finding.sample ? `${finding.description}: ${finding.sample}` : finding.description, 100),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n') + '\n';
}
