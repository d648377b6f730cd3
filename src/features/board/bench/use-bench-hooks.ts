import { useEffect } from 'react';
import type { BoardModel } from '../../../sync/board-model/board-model.ts';
import type { LeadActions } from '../hooks/use-lead-actions.ts';

/**
 * Only in a build made with VITE_BENCH_HOOKS=true (`npm run bench` builds that way): Vite
 * replaces the flag at build time, so in every other build this hook is an empty effect and the
 * code below is dropped by the minifier. It lets the board bench make 1,000 moves in a few
 * seconds through exactly the path a drop takes (the board model's optimistic apply, then
 * mutate), which real key presses cannot do fast enough to be worth timing.
 */
const BENCH_HOOKS = import.meta.env.VITE_BENCH_HOOKS === 'true';

export interface MovedLead {
  id: string;
  pipeline_id: string;
  status_id: string;
  position: string;
}

export interface BenchHooks {
  /** Every lead of the pipeline is in memory (the columns hold all their cards). */
  complete(): boolean;
  /**
   * Moves the first `count` cards of column `from` to the top of column `to`, one at a time as
   * "Move to…" does; resolves with where each lead was before (for the bench's baseline).
   */
  moveFirst(count: number, from: number, to: number): Promise<MovedLead[]>;
}

export function useBenchHooks(model: BoardModel | null, actions: LeadActions): void {
  useEffect(() => {
    if (!BENCH_HOOKS || !model) return;
    const hooks: BenchHooks = {
      complete: () => model.getSnapshot().complete,
      async moveFirst(count, from, to) {
        const { columns } = model.getSnapshot();
        const source = columns[from];
        const target = columns[to];
        if (!source || !target) throw new Error(`no column ${String(from)} or ${String(to)}`);
        const leads = source.leads.slice(0, count);
        for (const lead of leads) await actions.moveToStatus(lead, target.status.id);
        return leads.map(({ id, pipeline_id, status_id, position }) => ({
          id,
          pipeline_id,
          status_id,
          position,
        }));
      },
    };
    const w = window as unknown as { __leadlanesBench?: BenchHooks };
    w.__leadlanesBench = hooks;
    return () => {
      if (w.__leadlanesBench === hooks) delete w.__leadlanesBench;
    };
  }, [model, actions]);
}
