import type { PipelineStatus } from '../../../sync/types.ts';

// Count, premium sum and weighted forecast per column, and the pipeline's open total and forecast.
// Pure and fed per-column figures (the board model's counts and sums kept on write), so the totals
// cover every lead, not only the loaded or rendered ones.

export type ColumnForecast = {
  statusId: string;
  /** Over the leads shown (after search and filters). */
  count: number;
  premiumSum: number;
  /** Σ premium × win probability of the stage. */
  forecast: number;
  winProbability: number;
  outcome: PipelineStatus['outcome'];
  wipLimit: number | null;
  /** Leads in the column whatever the filters: a filter must not hide an overloaded stage. */
  wipCount: number;
  overWipLimit: boolean;
};

export type PipelineForecast = {
  columns: ReadonlyMap<string, ColumnForecast>;
  /** Leads shown in open stages, their premium sum and weighted forecast. */
  openCount: number;
  openTotal: number;
  openForecast: number;
};

/** Replicas synced before the forecast migration lack the fields: they read as its defaults. */
function stageOf(status: PipelineStatus) {
  return {
    outcome: status.outcome ?? 'open',
    winProbability: status.win_probability ?? 0,
    wipLimit: status.wip_limit ?? null,
  };
}

/** Cents, so sums of many premiums stay exact (premiums are numeric(12, 2)). */
const cents = (value: number | null) => Math.round((value ?? 0) * 100);

/** One column's figures: after filters (count, premium sum) and whatever the filters (WIP). */
export type ColumnFigures = {
  statusId: string;
  count: number;
  premiumSum: number;
  /** Leads in the column whatever the filters. */
  wipCount: number;
};

/**
 * From per-column figures, e.g. the board model's sums kept on write (so the totals cover every
 * lead, not only the loaded or rendered ones). Columns of statuses not in `statuses` are
 * ignored (a status deleted meanwhile).
 */
export function forecastFromColumns(
  statuses: readonly PipelineStatus[],
  figures: Iterable<ColumnFigures>,
): PipelineForecast {
  const byStatus = new Map<string, ColumnFigures>();
  for (const f of figures) byStatus.set(f.statusId, f);
  const columns = new Map<string, ColumnForecast>();
  let openCount = 0;
  let openCents = 0;
  let openForecastCents = 0;
  for (const status of statuses) {
    const f = byStatus.get(status.id);
    const count = f?.count ?? 0;
    const sumCents = cents(f?.premiumSum ?? 0);
    const wipCount = f?.wipCount ?? 0;
    const stage = stageOf(status);
    const forecastCents = Math.round((sumCents * stage.winProbability) / 100);
    columns.set(status.id, {
      statusId: status.id,
      count,
      premiumSum: sumCents / 100,
      forecast: forecastCents / 100,
      winProbability: stage.winProbability,
      outcome: stage.outcome,
      wipLimit: stage.wipLimit,
      wipCount,
      overWipLimit: stage.wipLimit !== null && wipCount > stage.wipLimit,
    });
    if (stage.outcome === 'open') {
      openCount += count;
      openCents += sumCents;
      openForecastCents += forecastCents;
    }
  }
  return {
    columns,
    openCount,
    openTotal: openCents / 100,
    openForecast: openForecastCents / 100,
  };
}

/** How a column stands against its limit after `added` more leads arrive ("11 of 10"). */
export function wipNotice(
  statusName: string,
  column: ColumnForecast | undefined,
  added = 1,
): string | null {
  if (!column || column.wipLimit === null) return null;
  const after = column.wipCount + added;
  if (after <= column.wipLimit) return null;
  return `${statusName} is over its WIP limit: ${after} of ${column.wipLimit}.`;
}
