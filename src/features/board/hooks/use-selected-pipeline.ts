import { useEffect } from 'react';
import { useSearchParams } from 'wouter';
import type { Pipeline } from '../../../sync/types.ts';
import { useBoardUiStore } from '../store/board-ui-store.ts';

export const PIPELINE_PARAM = 'pipeline';

/**
 * The pipeline on screen: the URL's ?pipeline= (shareable), else the one this user last chose on
 * this device, else the default. An id the user cannot see (deleted, or a link from someone with
 * other rights) falls back the same way. `locked` forces the default (pipeline management off).
 */
export function useSelectedPipeline(
  pipelines: readonly Pipeline[] | undefined,
  userId: string,
  locked = false,
): { pipeline: Pipeline | null; select: (pipelineId: string) => void } {
  const [params, setParams] = useSearchParams();
  const remembered = useBoardUiStore((s) => s.lastPipelineByUser[userId]);
  const rememberPipeline = useBoardUiStore((s) => s.rememberPipeline);
  const fromUrl = params.get(PIPELINE_PARAM);

  const list = pipelines ?? [];
  const fallback = list.find((p) => p.is_default) ?? list[0] ?? null;
  const pipeline = locked
    ? fallback
    : (list.find((p) => p.id === fromUrl) ?? list.find((p) => p.id === remembered) ?? fallback);

  useEffect(() => {
    if (!pipeline || locked) return;
    rememberPipeline(userId, pipeline.id);
    if (fromUrl !== pipeline.id) {
      // Replace, not push: the URL catches up with what is shown; Back should not bounce.
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set(PIPELINE_PARAM, pipeline.id);
          return next;
        },
        { replace: true },
      );
    }
  }, [pipeline, locked, fromUrl, userId, rememberPipeline, setParams]);

  function select(pipelineId: string) {
    rememberPipeline(userId, pipelineId);
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set(PIPELINE_PARAM, pipelineId);
      return next;
    });
  }

  return { pipeline, select };
}
