import { useLayoutEffect, useMemo, useRef } from 'react';
import type { MenuItem } from '../../../components/menu-button.tsx';
import type { ConflictNotice } from '../../../sync/conflicts/types.ts';
import type { Lead, PipelineStatus, Profile, RejectedMutation } from '../../../sync/types.ts';
import type { CardContext } from '../components/card-context.ts';
import { compareStatuses } from '../../../sync/read-models/status-order.ts';
import type { SelectMode } from './use-bulk-board.ts';

type CardContextInput = {
  statuses: readonly PipelineStatus[];
  profiles: ReadonlyMap<string, Profile>;
  rejectedByLead: ReadonlyMap<string, RejectedMutation>;
  onOpen: (leadId: string) => void;
  onMoveTo: (lead: Lead, statusId: string) => void;
  /** "While you were away" notices, the newest per lead, and their dismiss. */
  conflictByLead?: ReadonlyMap<string, ConflictNotice>;
  onDismissConflict?: (id: string) => void;
  onSelect: (lead: Lead, mode: SelectMode) => void;
};

type CardHandlers = Pick<
  CardContextInput,
  'onOpen' | 'onMoveTo' | 'onSelect' | 'onDismissConflict'
>;

/**
 * Everything a card shows besides the lead itself, computed once per board render. It changes
 * only with what cards show (statuses, names, refused changes, notices), never with
 * the handlers, which are called through the latest ones: a move re-renders the two columns it
 * touches, not every column because some callback was made anew (see board-column.tsx).
 */
export function useCardContext(input: CardContextInput): CardContext {
  const { statuses, profiles, rejectedByLead, conflictByLead } = input;
  const handlers = useRef<CardHandlers>(input);
  useLayoutEffect(() => {
    handlers.current = input;
  });
  const dismissible = input.onDismissConflict !== undefined;
  return useMemo(() => {
    const byId = new Map(statuses.map((s) => [s.id, s]));
    // Board order, like the columns: the store hands statuses back in key (random id) order.
    const ordered = [...statuses].sort(compareStatuses);
    // One list per status, the same array for every card in it, so memoised card parts
    // (lead-card-parts.tsx) see unchanged props.
    const targetsByStatus = new Map<string, MenuItem[]>();
    const targets = (statusId: string): MenuItem[] => {
      let list = targetsByStatus.get(statusId);
      if (!list) {
        list = ordered.map((s) => ({
          id: s.id,
          label: s.id === statusId ? `${s.name} (current)` : s.name,
          disabled: s.id === statusId,
        }));
        targetsByStatus.set(statusId, list);
      }
      return list;
    };
    const onOpen = (leadId: string) => handlers.current.onOpen(leadId);
    const onMoveTo = (lead: Lead, statusId: string) => handlers.current.onMoveTo(lead, statusId);
    const onSelect = (lead: Lead, mode: SelectMode) => handlers.current.onSelect(lead, mode);
    const onDismissConflict = (id: string) => handlers.current.onDismissConflict?.(id);
    return {
      cardProps: (lead) => {
        const status = byId.get(lead.status_id);
        if (!status) throw new Error(`Lead ${lead.id} is in a status this pipeline does not have`);
        return {
          lead,
          status,
          agentName: lead.assigned_to ? (profiles.get(lead.assigned_to)?.full_name ?? null) : null,
          inStatusSince: lead.status_changed_at,
          rejection: rejectedByLead.get(lead.id)?.message ?? null,
          moveTargets: targets(lead.status_id),
          onOpen,
          onMoveTo,
          onSelect,
          conflict: conflictByLead?.get(lead.id) ?? null,
          ...(dismissible ? { onDismissConflict } : {}),
        };
      },
    };
  }, [statuses, profiles, rejectedByLead, conflictByLead, dismissible]);
}
