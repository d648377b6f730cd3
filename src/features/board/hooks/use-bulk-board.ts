import { useCallback, useEffect, useMemo } from 'react';
import type { BoardModel } from '../../../sync/board-model/board-model.ts';
import type { LocalDb } from '../../../sync/local-db.ts';
import type { Lead, PipelineStatus } from '../../../sync/types.ts';
import { lazyLeadLookup } from '../lib/lead-lookup.ts';
import { compareStatuses } from '../../../sync/read-models/status-order.ts';
import { bulkMoveMessage, bulkReassignMessage } from '../lib/announcements.ts';
import { POOL, dropGap, inBoardOrder, topGap, type Gap } from '../lib/bulk-moves.ts';
import type { BoardColumn } from '../lib/group-columns.ts';
import { useBoardUiStore } from '../store/board-ui-store.ts';
import { useSelectionStore } from '../store/selection-store.ts';
import { useBulkActions } from './use-bulk-actions.ts';
import type { useStageMoves } from './use-stage-moves.ts';

/** How a click or key selects a card: one card in or out, or a range from the anchor. */
export type SelectMode = 'toggle' | 'range';

type BulkBoardInput = {
  db: LocalDb;
  model: BoardModel | null;
  pipelineId: string | null;
  /** The columns as shown (after filters): what a range and the actions see. */
  columns: readonly BoardColumn[] | undefined;
  statuses: readonly PipelineStatus[] | undefined;
  guardMany: ReturnType<typeof useStageMoves>['guardMany'];
  report: (message: string) => void;
  fail: (error: unknown) => void;
  statusName: (statusId: string) => string;
  agentName: (profileId: string) => string;
};

/** The board's selection and its bulk actions (the selection bar and multi-card drags). */
export function useBulkBoard(input: BulkBoardInput) {
  const { db, model, pipelineId, columns, statuses, guardMany, report, fail } = input;
  const { statusName, agentName } = input;
  const ids = useSelectionStore((s) => s.ids);
  const toggle = useSelectionStore((s) => s.toggle);
  const range = useSelectionStore((s) => s.range);
  const clear = useSelectionStore((s) => s.clear);
  const keepShown = useSelectionStore((s) => s.keepShown);
  const requestFocus = useBoardUiStore((s) => s.requestFocus);
  const { moveMany, reassignMany } = useBulkActions(db, model);

  const lookup = useMemo(() => {
    const byStatus = new Map<string, readonly Lead[]>();
    for (const column of columns ?? []) byStatus.set(column.status.id, column.leads);
    return { leads: lazyLeadLookup(columns ?? []), byStatus };
  }, [columns]);
  const ordered = useMemo(() => [...(statuses ?? [])].sort(compareStatuses), [statuses]);
  const statusOrder = useMemo(() => ordered.map((s) => s.id), [ordered]);
  /** The "Move N leads to…" menu: every status, in board order. */
  const moveTargets = useMemo(() => ordered.map((s) => ({ id: s.id, label: s.name })), [ordered]);

  // Another pipeline: a fresh selection. A card that left the board (filtered out, moved away by
  // someone else, deleted) leaves the selection too, so "3 selected" is always what is shown.
  useEffect(() => clear(), [pipelineId, clear]);
  useEffect(() => {
    if (columns && ids.length > 0) keepShown(lookup.leads);
  }, [columns, lookup, keepShown, ids.length]);

  const selected = useMemo(
    () =>
      inBoardOrder(
        ids.flatMap((id) => lookup.leads.get(id) ?? []),
        statusOrder,
      ),
    [ids, lookup, statusOrder],
  );

  const onSelect = useCallback(
    (lead: Lead, mode: SelectMode) => {
      if (mode === 'toggle') toggle(lead.id);
      else
        range(
          lead.id,
          (lookup.byStatus.get(lead.status_id) ?? []).map((l) => l.id),
        );
    },
    [toggle, range, lookup],
  );

  const move = useCallback(
    (leads: readonly Lead[], statusId: string, gap: Gap) => {
      const names = leads.map((l) => l.full_name);
      guardMany(
        leads,
        statusId,
        async (reason) => {
          // Cleared as the cards land (the move shows at once), not once it is stored: a card
          // selected in between must not be dropped from the next selection.
          clear();
          await moveMany(leads, statusId, gap, reason);
        },
        (wip) => report(`${bulkMoveMessage(names, statusName(statusId))}${wip ? ` ${wip}` : ''}`),
      ).catch(fail);
    },
    [guardMany, moveMany, clear, report, fail, statusName],
  );

  /** "Move N leads to…": to the top of the column, in board order; focus on the first one. */
  const moveSelectedTo = useCallback(
    (statusId: string) => {
      const first = selected[0];
      if (!first) return;
      requestFocus(first.id, statusId);
      const moving = new Set(selected.map((l) => l.id));
      move(selected, statusId, topGap(lookup.byStatus.get(statusId) ?? [], moving));
    },
    [selected, lookup, move, requestFocus],
  );

  /** A drag of one selected card: all of them land at the drop, in board order. */
  const dropSelected = useCallback(
    (draggedId: string, statusId: string, index: number, destination: readonly Lead[]) => {
      const moving = new Set(selected.map((l) => l.id));
      requestFocus(draggedId, statusId);
      move(selected, statusId, dropGap(destination, index, draggedId, moving));
    },
    [selected, move, requestFocus],
  );

  const reassignSelected = useCallback(
    (agentId: string) => {
      const first = selected[0];
      if (!first) return;
      const assignee = agentId === POOL ? null : agentId;
      const names = selected.map((l) => l.full_name);
      requestFocus(first.id, first.status_id);
      clear(); // as for moves: the new agent shows at once
      reassignMany(selected, assignee)
        .then(() => {
          report(
            bulkReassignMessage(names, assignee ? agentName(assignee) : 'nobody (the shared pool)'),
          );
        })
        .catch(fail);
    },
    [selected, reassignMany, clear, report, fail, agentName, requestFocus],
  );

  return { selected, moveTargets, onSelect, moveSelectedTo, dropSelected, reassignSelected, clear };
}
