import type { PipelineStatus } from '../../../sync/types.ts';

/** "1 lead", "3 leads". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A stage's forecast settings in a few words: "Won", "Open · 50% · WIP limit 10". */
export function forecastSummary(
  status: Pick<PipelineStatus, 'outcome' | 'win_probability' | 'wip_limit'>,
): string {
  const outcome = status.outcome ?? 'open';
  const parts =
    outcome === 'open'
      ? [`Open · ${status.win_probability ?? 0}%`]
      : [outcome === 'won' ? 'Won' : 'Lost'];
  if (status.wip_limit != null) parts.push(`WIP limit ${status.wip_limit}`);
  return parts.join(' · ');
}
