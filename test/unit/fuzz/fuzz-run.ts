/**
 * How the fuzz properties run: the same seed on every run by default, so a CI failure replays locally; more
 * runs or another seed on request; a failure that names its seed, replay path and smallest input.
 *
 *   FUZZ_RUNS=20 npx vitest run --project unit test/unit/fuzz      twenty times the runs of each property
 *   FUZZ_SEED=random …                                              a fresh seed, printed when a property fails
 *   FUZZ_SEED=<seed> FUZZ_PATH=<path> … -t '<test name>'            replays one failure's shrunk input only
 */
import fc from 'fast-check';
import { expect } from 'vitest';

const DEFAULT_SEED = 20250308;

function envNumber(name: string): number | undefined {
  const raw = process.env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name}=${raw} is not a number.`);
  return value;
}

/** Each property's runs are multiplied by FUZZ_RUNS (default 1). */
const runScale = envNumber('FUZZ_RUNS') ?? 1;
const seed = process.env.FUZZ_SEED?.trim() === 'random' ? Date.now() ^ (Math.random() * 0x7fffffff) : (envNumber('FUZZ_SEED') ?? DEFAULT_SEED);
const replayPath = process.env.FUZZ_PATH?.trim() || undefined;

export interface FuzzOptions {
  /** Runs in CI; FUZZ_RUNS multiplies it. */
  runs: number;
  /**
   * Time after which no new run starts, so that a slow CI machine runs fewer inputs rather than overrunning
   * the suite's budget (a run under way always finishes and counts); lifted when FUZZ_RUNS asks for more.
   */
  budgetMs: number;
  /** A run whose promise has not settled after this long fails as a hang (see withinTime for busy code). */
  hangMs?: number;
}

/** How long shrinking may go on after a failure before the smallest input found so far is reported. */
const SHRINK_BUDGET_MS = 60_000;

/**
 * The vitest timeout for a test that runs one property: its budget, then room to shrink a failure (a
 * near-hang is slow again at every shrinking step) and report it.
 */
export function testTimeout(options: FuzzOptions): number {
  return runScale === 1 ? options.budgetMs + SHRINK_BUDGET_MS + 60_000 : 24 * 60 * 60 * 1000;
}

/**
 * Checks `predicate` on values of `arbitraries` with the suite's seed; throws a report with the seed, the
 * replay path and the shrunk counterexample when it fails.
 *
 * The time budget is kept here rather than with fast-check's interruptAfterTimeLimit, which races the run
 * under way and drops its outcome: a slow input that crossed the deadline would pass unseen.
 */
export async function checkProperty<Ts extends [unknown, ...unknown[]]>(
  name: string,
  options: FuzzOptions,
  arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
  predicate: (...values: Ts) => Promise<void>,
): Promise<void> {
  const started = Date.now();
  const budgeted = runScale === 1;
  let ran = 0;
  let firstFailure: number | undefined;
  const guarded = async (values: Ts): Promise<void> => {
    const now = Date.now();
    // Past the budget, the remaining runs pass without running; past the shrinking budget, so do the
    // remaining shrinking steps, and the smallest failing input so far is the one reported.
    if (budgeted && (firstFailure === undefined ? now - started > options.budgetMs : now - firstFailure > SHRINK_BUDGET_MS)) return;
    if (firstFailure === undefined) ran++;
    try {
      await predicate(...values);
    } catch (error) {
      firstFailure ??= Date.now();
      throw error;
    }
  };
  const numRuns = Math.max(1, Math.round(options.runs * runScale));
  const property = fc.asyncProperty(fc.tuple(...(arbitraries as unknown as Array<fc.Arbitrary<unknown>>)) as unknown as fc.Arbitrary<Ts>, guarded);
  const details = await fc.check(property, {
    seed,
    numRuns,
    ...(replayPath ? { path: replayPath, endOnFailure: true } : {}),
    plugins: [fc.timeout(options.hangMs ?? 30_000)],
  });
  if (!details.failed) {
    // Said out loud, so that a slow machine running fewer inputs is visible in the log.
    if (ran < numRuns) console.warn(`${name}: ${ran} of ${numRuns} runs within its ${options.budgetMs} ms budget`);
    return;
  }
  const report = (await fc.asyncDefaultReportMessage(details)) ?? 'failed';
  // -t takes a pattern; the test's own title, escaped, picks out this property alone.
  const title = (expect.getState().currentTestName ?? name).split(' > ').pop()!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, '.');
  const file = expect.getState().testPath?.replace(/^.*?(test\/unit\/)/, '$1') ?? 'test/unit/fuzz';
  const replay = details.counterexamplePath
    ? `\nReplay: FUZZ_SEED=${details.seed} FUZZ_PATH='${details.counterexamplePath}' npx vitest run --project unit ${file} -t '${title}'`
    : '';
  // The report names the failing input; the error it gave is the cause, printed with its own stack.
  throw new Error(`${name}: ${report}${replay}`, { cause: details.errorInstance });
}

/**
 * Runs `work` and fails when it took longer than `limitMs`. fast-check's timeout cannot stop code that never
 * yields (a runaway regular expression), so a run is timed as well: a slow input fails with its size
 * instead of passing because it eventually finished.
 */
export async function withinTime<T>(limitMs: number, what: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const outcome = await work().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const took = performance.now() - started;
  if (took > limitMs) throw new Error(`${what} took ${Math.round(took)} ms, more than the ${limitMs} ms allowed: a near-hang on this input.`);
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}
