// One bench figure, as the runner (scripts/bench/run.ts) reads it: one JSON object per line on
// STDOUT. Anything else a suite says goes to STDERR. See docs/performance.md.

export interface Figure {
  suite: string;
  what: string;
  size: string;
  value: number | null;
  unit: string;
  baseline: number | null;
  baseline_what: string | null;
  ratio: number | null;
  target: string | null;
  met: boolean | null;
}

export function emit(figure: Figure): void {
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

export function note(line: string): void {
  process.stderr.write(`${line}\n`);
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
