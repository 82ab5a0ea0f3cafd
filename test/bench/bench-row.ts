/** One line of the benchmark table and of bench-results.json. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The value to stay under (or, for ratios, at or under); null when the row only reports. */
  target: number | null;
  /** What the value is compared with (the smaller run, a linear expectation); null when nothing. */
  baseline: number | null;
  /** value / baseline, or null. */
  ratio: number | null;
  /** Whether the target is met; null without a target. */
  met: boolean | null;
}
