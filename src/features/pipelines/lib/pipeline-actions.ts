import type { LocalDb } from '../../../sync/local-db.ts';
import { mutate } from '../../../sync/mutate.ts';
import type { MutationInput } from '../../../sync/mutations/registry.ts';
import type { StatusMap } from './status-mapping.ts';
import { pipelineStatuses } from '../../../sync/read-models/status-order.ts';

// Every change on this page is a sync mutation: applied to the local store and queued in one
// transaction, so it works offline and reaches the server (which may still refuse it) later.

type PipelineFields = { name: string; description: string | null };
type StatusFields = {
  name: string;
  description: string | null;
  color_hex: string | null;
  icon_name: string | null;
  is_final: boolean;
  ai_action_template: string | null;
};

/** A new pipeline, empty or with copies of another pipeline's statuses (new ids). */
export async function createPipeline(
  db: LocalDb,
  fields: PipelineFields,
  templatePipelineId?: string,
): Promise<string> {
  const id = crypto.randomUUID();
  const template = templatePipelineId ? await pipelineStatuses(db, templatePipelineId) : [];
  await mutate(db, 'create_pipeline', {
    id,
    ...fields,
    statuses: template.map((s) => ({
      id: crypto.randomUUID(),
      name: s.name,
      description: s.description,
      is_final: s.is_final,
      color_hex: s.color_hex,
      icon_name: s.icon_name,
      ai_action_template: s.ai_action_template,
    })),
  });
  return id;
}

export async function updatePipeline(db: LocalDb, id: string, patch: Partial<PipelineFields>) {
  await mutate(db, 'update_pipeline', { id, patch });
}

export async function reorderPipelines(db: LocalDb, ids: string[]) {
  await mutate(db, 'reorder_pipelines', { ids });
}

export async function setDefaultPipeline(db: LocalDb, id: string) {
  await mutate(db, 'set_default_pipeline', { id });
}

export async function deletePipeline(
  db: LocalDb,
  id: string,
  moveTo?: { pipeline_id: string; status_map: StatusMap },
) {
  await mutate(db, 'delete_pipeline', moveTo ? { id, move_to: moveTo } : { id });
}

export async function createStatus(db: LocalDb, pipelineId: string, fields: StatusFields) {
  const id = crypto.randomUUID();
  await mutate(db, 'create_pipeline_status', { id, pipeline_id: pipelineId, ...fields });
  return id;
}

export async function updateStatus(db: LocalDb, id: string, patch: Partial<StatusFields>) {
  await mutate(db, 'update_pipeline_status', { id, patch });
}

export async function updateStatusForecast(
  db: LocalDb,
  id: string,
  patch: MutationInput<'update_pipeline_status_forecast'>['patch'],
) {
  await mutate(db, 'update_pipeline_status_forecast', { id, patch });
}

export async function reorderStatuses(db: LocalDb, pipelineId: string, ids: string[]) {
  await mutate(db, 'reorder_pipeline_statuses', { pipeline_id: pipelineId, ids });
}

export async function deleteStatus(db: LocalDb, id: string, moveLeadsTo?: string) {
  await mutate(
    db,
    'delete_pipeline_status',
    moveLeadsTo ? { id, move_leads_to_status_id: moveLeadsTo } : { id },
  );
}
