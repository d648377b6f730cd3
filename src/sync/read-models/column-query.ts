import { Dexie } from 'dexie';
import type { Collection, InsertType } from 'dexie';
import type { LocalDb } from '../local-db.ts';
import type { Lead } from '../types.ts';

/**
 * Leads of one column in board order — (position, id): IndexedDB orders equal index keys by
 * primary key — from the [pipeline_id+status_id+position] index. Without a status: every column
 * of the pipeline (two-part bounds cover every [pipeline, status, position] key).
 */
export function columnQuery(
  db: LocalDb,
  pipelineId: string,
  statusId?: string,
): Collection<Lead, string, InsertType<Lead, 'id'>> {
  const prefix = statusId === undefined ? [pipelineId] : [pipelineId, statusId];
  return db.leads
    .where('[pipeline_id+status_id+position]')
    .between([...prefix, Dexie.minKey], [...prefix, Dexie.maxKey]);
}

export function columnLeads(db: LocalDb, pipelineId: string, statusId: string): Promise<Lead[]> {
  return columnQuery(db, pipelineId, statusId).toArray();
}

export async function firstPositionInColumn(
  db: LocalDb,
  pipelineId: string,
  statusId: string,
): Promise<string | null> {
  return (await columnQuery(db, pipelineId, statusId).first())?.position ?? null;
}

export async function lastPositionInColumn(
  db: LocalDb,
  pipelineId: string,
  statusId: string,
): Promise<string | null> {
  return (await columnQuery(db, pipelineId, statusId).last())?.position ?? null;
}
