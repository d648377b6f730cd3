// One bench figure, as scripts/bench/run.ts collects them: one JSON object per STDOUT line.

export interface Figure {
  suite: string;
  what: string;
  size: string;
  value: number | null;
  unit: string;
  baseline: number | null;
  baseline_what: string | null;
  ratio: number | null;
  /** null: a figure the issue gives no target for (informational). */
  target: string | null;
  met: boolean | null;
}

export function emit(figure: Figure): void {
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

/** Anything for a human goes to STDERR (STDOUT carries figures only). */
export function say(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at] ?? Number.NaN;
}

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));
