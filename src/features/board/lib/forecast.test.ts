import { describe, expect, it } from 'vitest';
import { leadRow, statusRow } from '../../../sync/testing/rows.ts';
import { summarizeForecast, wipNotice } from './forecast.ts';

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

const lead = (status: string, premium: number | null) =>
  leadRow({ full_name: 'x', pipeline_id: P, status_id: status, estimated_premium: premium });

describe('summarizeForecast', () => {
  it('sums count, premium and weighted forecast per column, and the open pipeline', () => {
    const leads = [
      lead(fresh.id, 1000.1),
      lead(fresh.id, null),
      lead(nego.id, 2000),
      lead(won.id, 500),
      lead(lost.id, 900),
    ];
    const f = summarizeForecast(statuses, leads, leads);
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

  it('follows the filtered leads for totals but counts every lead for the WIP limit', () => {
    const all = [lead(nego.id, 100), lead(nego.id, 200), lead(nego.id, 300)];
    const shown = all.slice(0, 1);
    const column = summarizeForecast(statuses, shown, all).columns.get(nego.id);
    expect(column).toMatchObject({ count: 1, premiumSum: 100, wipCount: 3, overWipLimit: true });
  });

  it('is exact in cents over many leads', () => {
    const leads = Array.from({ length: 10_000 }, () => lead(fresh.id, 0.1));
    const f = summarizeForecast(statuses, leads, leads);
    expect(f.columns.get(fresh.id)?.premiumSum).toBe(1000);
    expect(f.openForecast).toBe(100);
  });

  it('reads a stage synced before the forecast migration as open, 0 %, no limit', () => {
    const old = { ...fresh } as Partial<typeof fresh>;
    delete old.outcome;
    delete old.win_probability;
    delete old.wip_limit;
    const f = summarizeForecast([old as typeof fresh], [lead(fresh.id, 50)], []);
    expect(f.columns.get(fresh.id)).toMatchObject({ outcome: 'open', forecast: 0, wipLimit: null });
  });

  it('says when a move would take a column over its limit', () => {
    const all = [lead(nego.id, 1), lead(nego.id, 1)];
    const column = summarizeForecast(statuses, all, all).columns.get(nego.id);
    expect(wipNotice('Negotiation', column, 0)).toBeNull();
    expect(wipNotice('Negotiation', column)).toBe('Negotiation is over its WIP limit: 3 of 2.');
    expect(wipNotice('New', summarizeForecast(statuses, [], []).columns.get(fresh.id))).toBeNull();
  });
});
