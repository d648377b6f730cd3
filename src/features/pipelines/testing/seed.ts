import { openLocalDb, type LocalDb } from '../../../sync/local-db.ts';
import type { Pipeline, PipelineStatus } from '../../../sync/types.ts';
import { leadRow, pipelineRow, statusRow } from '../../../sync/testing/rows.ts';

// Test fixtures: a real Dexie store (fake-indexeddb in jsdom) seeded with rows as the sync pull
// would write them. Each call gets its own database so tests never share state.

const NOW = '2025-05-01T00:00:00.000Z';

export async function freshDb(): Promise<LocalDb> {
  return openLocalDb(`test-${crypto.randomUUID()}`);
}

export function pipeline(name: string, display_order: number, extra: Partial<Pipeline> = {}) {
  return pipelineRow({ name, display_order, ...extra }, NOW);
}

export function status(
  p: Pipeline,
  name: string,
  display_order: number,
  extra: Partial<PipelineStatus> = {},
) {
  return statusRow(
    { pipeline_id: p.id, name, display_order, color_hex: '#1E40AF', icon_name: 'phone', ...extra },
    NOW,
  );
}

export function lead(s: PipelineStatus, full_name: string) {
  return leadRow({ full_name, pipeline_id: s.pipeline_id, status_id: s.id }, NOW);
}

/** Sales (default: New, Quoted, Won with 3 leads) and Renewals (Contacted, Quoted, Lost; 2 leads). */
export async function seedTwoPipelines(db: LocalDb) {
  const sales = pipeline('Sales', 1, { is_default: true, description: 'New business' });
  const renewals = pipeline('Renewals', 2);
  const salesStatuses = [
    status(sales, 'New', 1),
    status(sales, 'Quoted', 2),
    status(sales, 'Won', 3, { is_final: true }),
  ];
  const renewalStatuses = [
    status(renewals, 'Contacted', 1),
    status(renewals, 'quoted', 2),
    status(renewals, 'Lost', 3),
  ];
  const [rContacted, rQuoted] = renewalStatuses as [PipelineStatus, PipelineStatus];
  const [sNew] = salesStatuses as [PipelineStatus];
  const leads = [
    lead(sNew, 'Ada'),
    lead(sNew, 'Bo'),
    lead(sNew, 'Cy'),
    lead(rContacted, 'Di'),
    lead(rQuoted, 'Ed'),
  ];
  await db.pipelines.bulkPut([sales, renewals]);
  await db.pipeline_statuses.bulkPut([...salesStatuses, ...renewalStatuses]);
  await db.leads.bulkPut(leads);
  return { sales, renewals, salesStatuses, renewalStatuses, leads };
}

/** The queued mutations, oldest first (what will be pushed to the server). */
export async function queued(db: LocalDb) {
  const rows = await db.outbox.orderBy('mutation_id').toArray();
  return rows.map((r) => ({ name: r.name, args: r.args as Record<string, unknown> }));
}
