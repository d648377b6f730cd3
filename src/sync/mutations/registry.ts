import type * as z from 'zod/mini';
import { createLead } from './create-lead.ts';
import { createPipeline } from './create-pipeline.ts';
import { createPipelineStatus } from './create-pipeline-status.ts';
import { deleteLead } from './delete-lead.ts';
import { deletePipeline } from './delete-pipeline.ts';
import { deletePipelineStatus } from './delete-pipeline-status.ts';
import { moveLead } from './move-lead.ts';
import type { MutationDef, MutationGroup } from './mutation-def.ts';
import { reorderPipelineStatuses } from './reorder-pipeline-statuses.ts';
import { reorderPipelines } from './reorder-pipelines.ts';
import { setDefaultPipeline } from './set-default-pipeline.ts';
import { updateLead } from './update-lead.ts';
import { updatePipeline } from './update-pipeline.ts';
import { updatePipelineStatus } from './update-pipeline-status.ts';
import { updatePipelineStatusForecast } from './update-pipeline-status-forecast.ts';

/** Every mutation by name; the server has `sync_mutations.<name>` for each. */
export const MUTATIONS = {
  create_lead: createLead,
  update_lead: updateLead,
  move_lead: moveLead,
  delete_lead: deleteLead,
  create_pipeline: createPipeline,
  update_pipeline: updatePipeline,
  reorder_pipelines: reorderPipelines,
  set_default_pipeline: setDefaultPipeline,
  delete_pipeline: deletePipeline,
  create_pipeline_status: createPipelineStatus,
  update_pipeline_status: updatePipelineStatus,
  update_pipeline_status_forecast: updatePipelineStatusForecast,
  reorder_pipeline_statuses: reorderPipelineStatuses,
  delete_pipeline_status: deletePipelineStatus,
} as const;

export type MutationName = keyof typeof MUTATIONS;
/** What the UI passes (before defaults and trimming). */
export type MutationInput<N extends MutationName> = z.input<(typeof MUTATIONS)[N]['args']>;
/** What is stored in the outbox and sent to the server. */
export type MutationArgs<N extends MutationName> = z.output<(typeof MUTATIONS)[N]['args']>;

export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(MUTATIONS, name);
}

/** The definition, typed loosely: callers hold args already validated for this name. */
export function mutationDef(name: MutationName): MutationDef {
  return MUTATIONS[name];
}

/** Which group a (possibly unknown, e.g. stored by an older version) mutation name belongs to. */
export function mutationGroup(name: string): MutationGroup | undefined {
  return isMutationName(name) ? MUTATIONS[name].group : undefined;
}
