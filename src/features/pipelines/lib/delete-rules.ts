import type { Pipeline } from '../../../sync/types.ts';

/**
 * Why this pipeline cannot be deleted, with what to do instead; undefined when it can be.
 * The same rules the database enforces, told before the person tries.
 */
export function pipelineDeleteBlocker(
  pipeline: Pipeline,
  pipelineCount: number,
): string | undefined {
  if (pipelineCount <= 1)
    return 'This is the only pipeline, so it cannot be deleted: leads always need a pipeline. Create another pipeline first.';
  if (pipeline.is_default)
    return 'This is the default pipeline, so it cannot be deleted. To delete it, first select another pipeline and choose “Make default”.';
  return undefined;
}
