import { Dexie } from 'dexie';
import type { LocalDb } from '../local-db.ts';
import type { Lead } from '../types.ts';

/** The cards of one column in board order: (position, id), from the compound index. */
export function columnLeads(db: LocalDb, pipelineId: string, statusId: string): Promise<Lead[]> {
  return db.leads
    .where('[pipeline_id+status_id+position]')
    .between([pipelineId, statusId, Dexie.minKey], [pipelineId, statusId, Dexie.maxKey])
    .toArray();
}

export async function lastPositionInColumn(
  db: LocalDb,
  pipelineId: string,
  statusId: string,
): Promise<string | null> {
  const last = await db.leads
    .where('[pipeline_id+status_id+position]')
    .between([pipelineId, statusId, Dexie.minKey], [pipelineId, statusId, Dexie.maxKey])
    .last();
  return last?.position ?? null;
}
