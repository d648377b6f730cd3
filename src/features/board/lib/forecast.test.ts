import { describe, expect, it } from 'vitest';
import { statusRow } from '../../../sync/testing/rows.ts';
import { forecastFromColumns, wipNotice, type ColumnFigures } from './forecast.ts';

const P = 'p1';
const fresh = statusRow({ pipeline_id: P, name: 'New', win_probability: 10, display_order: 1 });
const nego = statusRow({
  pipeline_id: P,
  name: 'Negotiation',
  win_probability: 75,
  wip_limit: 2,
  display_order: 2,
});
const won = statusRow({ pipeline_id: P, name: 'Won', outcome: 'won', win_probability: 100 });
const lost = statusRow({ pipeline_id: P, name: 'Lost', outcome: 'lost', win_probability: 0 });
const statuses = [fresh, nego, won, lost];

/** Figures with no filter applied: every lead shown, so the WIP count equals the count. */
const unfiltered = (statusId: string, count: number, premiumSum: number): ColumnFigures => ({
  statusId,
  count,
  premiumSum,
  wipCount: count,
});

describe('forecastFromColumns', () => {
  it('weights each column by its stage and totals the open stages only', () => {
    const f = forecastFromColumns(statuses, [
      unfiltered(fresh.id, 2, 1000.1),
      unfiltered(nego.id, 1, 2000),
      unfiltered(won.id, 1, 500),
      unfiltered(lost.id, 1, 900),
    ]);
    expect(f.columns.get(fresh.id)).toMatchObject({
      count: 2,
      premiumSum: 1000.1,
      forecast: 100.01,
    });
    expect(f.columns.get(nego.id)).toMatchObject({ count: 1, premiumSum: 2000, forecast: 1500 });
    expect(f.columns.get(won.id)).toMatchObject({ count: 1, forecast: 500, outcome: 'won' });
    expect(f.columns.get(lost.id)).toMatchObject({ count: 1, premiumSum: 900, forecast: 0 });
    // Won and lost stages are not open.
    expect(f).toMatchObject({ openCount: 3, openTotal: 3000.1, openForecast: 1600.01 });
  });

  it('takes totals from the filtered figures but the WIP state from every lead', () => {
    const column = forecastFromColumns(statuses, [
      { statusId: nego.id, count: 1, premiumSum: 100, wipCount: 3 },
    ]).columns.get(nego.id);
    expect(column).toMatchObject({ count: 1, premiumSum: 100, wipCount: 3, overWipLimit: true });
  });

  it('shows a column with no figures as empty, and ignores figures of a deleted status', () => {
    const f = forecastFromColumns(statuses, [unfiltered('deleted-status', 4, 400)]);
    expect(f.columns.get(fresh.id)).toMatchObject({ count: 0, premiumSum: 0, forecast: 0 });
    expect(f.columns.has('deleted-status')).toBe(false);
    expect(f).toMatchObject({ openCount: 0, openTotal: 0, openForecast: 0 });
  });

  it('rounds a float sum that drifted over many writes back to exact cents', () => {
    let drifted = 0;
    for (let i = 0; i < 10_000; i += 1) drifted += 0.1;
    expect(drifted).not.toBe(1000);
    const f = forecastFromColumns(statuses, [unfiltered(fresh.id, 10_000, drifted)]);
    expect(f.columns.get(fresh.id)?.premiumSum).toBe(1000);
    expect(f.openForecast).toBe(100);
  });

  it('reads a stage synced before the forecast migration as open, 0 %, no limit', () => {
    const old = { ...fresh } as Partial<typeof fresh>;
    delete old.outcome;
    delete old.win_probability;
    delete old.wip_limit;
    const f = forecastFromColumns([old as typeof fresh], [unfiltered(fresh.id, 1, 50)]);
    expect(f.columns.get(fresh.id)).toMatchObject({ outcome: 'open', forecast: 0, wipLimit: null });
  });

  it('says when a move would take a column over its limit', () => {
    const column = forecastFromColumns(statuses, [unfiltered(nego.id, 2, 2)]).columns.get(nego.id);
    expect(wipNotice('Negotiation', column, 0)).toBeNull();
    expect(wipNotice('Negotiation', column)).toBe('Negotiation is over its WIP limit: 3 of 2.');
    const empty = forecastFromColumns(statuses, []).columns.get(fresh.id);
    expect(wipNotice('New', empty)).toBeNull();
  });
});
