import { applyPullPage } from '../apply-pull.ts';
import type { BoardModel, BoardSnapshot } from '../board-model/board-model.ts';
import type { LocalDb } from '../local-db.ts';
import type { PullPage } from '../sync-api.ts';
import type { Lead, PipelineStatus } from '../types.ts';
import { leadRow, pipelineRow, statusRow } from './rows.ts';

/** A pull page with nothing in it but what the test names. */
export function pullPage(partial: Partial<PullPage>): PullPage {
  return {
    rows: {},
    tombstones: [],
    mutations: [],
    has_more: false,
    page: null,
    next_cursor: '1',
    progress: { done: 0, total: 0 },
    reset: false,
    ...partial,
  };
}

/** A pipeline with `statusCount` statuses and `leadCount` leads spread over them, pulled in. */
export async function seedPipeline(
  db: LocalDb,
  leadCount: number,
  statusCount = 3,
): Promise<{ pipelineId: string; statuses: PipelineStatus[]; leads: Lead[] }> {
  const pipeline = pipelineRow({ name: 'Sales', is_default: true });
  const statuses = Array.from({ length: statusCount }, (_, i) =>
    statusRow({ name: `S${i}`, pipeline_id: pipeline.id, display_order: i }),
  );
  const leads = Array.from({ length: leadCount }, (_, i) =>
    leadRow({
      full_name: `Lead ${i}`,
      pipeline_id: pipeline.id,
      status_id: statuses[i % statusCount]?.id ?? '',
      position: `a${String(i).padStart(6, '0')}`,
      estimated_premium: 100 + i,
    }),
  );
  await applyPullPage(
    db,
    pullPage({ rows: { pipelines: [pipeline], pipeline_statuses: statuses }, has_more: true }),
  );
  for (let i = 0; i < leads.length; i += 1000) {
    await applyPullPage(db, pullPage({ rows: { leads: leads.slice(i, i + 1000) } }));
  }
  return { pipelineId: pipeline.id, statuses, leads };
}

/** Resolves once the model's snapshot passes `test` (now or after a later change). */
export function modelState(
  model: BoardModel,
  test: (s: BoardSnapshot) => boolean,
): Promise<BoardSnapshot> {
  return new Promise((resolve) => {
    if (test(model.getSnapshot())) return resolve(model.getSnapshot());
    const off = model.subscribe(() => {
      if (!test(model.getSnapshot())) return;
      off();
      resolve(model.getSnapshot());
    });
  });
}
