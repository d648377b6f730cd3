import { useCallback, useState } from 'react';
import type { Lead, PipelineStatus } from '../../../sync/types.ts';
import { wipNotice, type PipelineForecast } from '../lib/forecast.ts';

/** A move waiting for its lost reason (the lost-reason dialog is open). */
export type LostPrompt = {
  /** Who is moving: a lead's name, or "3 leads" for a bulk move (asked once for all). */
  subject: string;
  plural: boolean;
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
          subject: lead.full_name,
          plural: false,
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

  /**
   * The same for a bulk move: the lost reason is asked once for all of them (and can be skipped
   * once), and the WIP notice counts every lead that enters the column.
   */
  const guardMany = useCallback(
    (
      leads: readonly Lead[],
      statusId: string,
      move: (reason: string | null) => Promise<void>,
      done: (wip: string | null) => void,
    ) => {
      const status = statuses?.find((s) => s.id === statusId);
      const entering = leads.filter((lead) => lead.status_id !== statusId).length;
      const wip =
        entering > 0 && status
          ? wipNotice(status.name, forecast?.columns.get(statusId), entering)
          : null;
      const run = async (reason: string | null) => {
        await move(reason);
        done(wip);
      };
      if (entering > 0 && status?.outcome === 'lost') {
        setLostPrompt({
          subject: `${leads.length} leads`,
          plural: true,
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
    if (lostPrompt) {
      report(
        lostPrompt.plural
          ? `Move cancelled. The ${lostPrompt.subject} stay where they were.`
          : `Move cancelled. ${lostPrompt.subject} stays where it was.`,
      );
    }
    setLostPrompt(null);
  }, [lostPrompt, report]);

  return { guard, guardMany, lostPrompt, cancelLost };
}
