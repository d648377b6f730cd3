import { MutationValidationError } from '../validation-error.ts';
import type { LocalWriter } from './local-writer.ts';
import { nameKey } from './text-rules.ts';

// State checks shared by several mutations; each throws a MutationValidationError naming the field.

export async function assertStatusInPipeline(
  w: LocalWriter,
  mutation: string,
  pipelineId: string,
  statusId: string,
  field = 'status_id',
): Promise<void> {
  const status = await w.get('pipeline_statuses', statusId);
  if (!status || status.pipeline_id !== pipelineId) {
    throw MutationValidationError.single(
      mutation,
      field,
      'Pick one of the statuses of this pipeline',
    );
  }
}

export async function assertUniqueStatusName(
  w: LocalWriter,
  mutation: string,
  pipelineId: string,
  name: string,
  exceptId?: string,
): Promise<void> {
  const key = nameKey(name);
  const clash = await w.db.pipeline_statuses
    .where('pipeline_id')
    .equals(pipelineId)
    .filter((s) => s.id !== exceptId && nameKey(s.name) === key)
    .first();
  if (clash) {
    throw MutationValidationError.single(
      mutation,
      'name',
      `This pipeline already has a status named "${clash.name}"`,
    );
  }
}

export async function assertExists(
  w: LocalWriter,
  mutation: string,
  table: 'leads' | 'pipelines' | 'pipeline_statuses',
  id: string,
  field = 'id',
): Promise<void> {
  if (!(await w.get(table, id))) {
    throw MutationValidationError.single(mutation, field, 'It no longer exists');
  }
}
