import { useCallback, useState } from 'react';
import type { Lead, PipelineStatus } from '../../../sync/types.ts';
import { wipNotice, type PipelineForecast } from '../lib/forecast.ts';

/** A move waiting for its lost reason (the lost-reason dialog is open). */
export type LostPrompt = {
  lead: Lead;
  status: PipelineStatus;
  move: (reason: string | null) => Promise<void>;
};

type StageMovesOptions = {
  statuses: readonly PipelineStatus[] | undefined;
  forecast: PipelineForecast | undefined;
  report: (message: string) => void;
};

/**
 * What a move into a stage must say or ask first: a move into a lost status asks for the reason
 * (the move waits for the answer, so the reason travels with it and lands in the history row); a
 * move into a column at or over its WIP limit is made and then said so.
 */
export function useStageMoves({ statuses, forecast, report }: StageMovesOptions) {
  const [lostPrompt, setLostPrompt] = useState<LostPrompt | null>(null);

  const guard = useCallback(
    (
      lead: Lead,
      statusId: string,
      move: (reason: string | null) => Promise<void>,
      done: (wip: string | null) => void,
    ) => {
      const status = statuses?.find((s) => s.id === statusId);
      const entering = statusId !== lead.status_id;
      const wip =
        entering && status ? wipNotice(status.name, forecast?.columns.get(statusId)) : null;
      const run = async (reason: string | null) => {
        await move(reason);
        done(wip);
      };
      if (entering && status?.outcome === 'lost') {
        setLostPrompt({
          lead,
          status,
          move: async (reason) => {
            await run(reason);
            setLostPrompt(null);
          },
        });
        return Promise.resolve();
      }
      return run(null);
    },
    [statuses, forecast],
  );

  const cancelLost = useCallback(() => {
    if (lostPrompt) report(`Move cancelled. ${lostPrompt.lead.full_name} stays where it was.`);
    setLostPrompt(null);
  }, [lostPrompt, report]);

  return { guard, lostPrompt, cancelLost };
}
