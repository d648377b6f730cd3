import type { DraggableProvided } from '@hello-pangea/dnd';
import { useEffect, useId, useRef, type CSSProperties } from 'react';
import type { MenuItem } from '../../../components/menu-button.tsx';
import type { ConflictNotice } from '../../../sync/conflicts/types.ts';
import type { Lead, PipelineStatus } from '../../../sync/types.ts';
import { useBoardUiStore } from '../store/board-ui-store.ts';
import type { SelectMode } from '../hooks/use-bulk-board.ts';
import { useCardSelected } from '../hooks/use-card-selected.ts';
import { usePendingRow } from '../hooks/use-pending-row.ts';
import { CardConflictNotice } from './card-conflict-notice.tsx';
import { LeadCardBody, LeadCardMoveMenu, LeadCardSelect } from './lead-card-parts.tsx';

export type LeadCardProps = {
  lead: Lead;
  status: PipelineStatus;
  agentName: string | null;
  /** When the lead entered its status (an undo may restore an earlier time than the row's). */
  inStatusSince: string;
  /** Why the server refused the last change to this lead, if it did. */
  rejection: string | null;
  /** The pipeline's statuses in board order, for the "Move to…" menu (current one disabled). */
  moveTargets: readonly MenuItem[];
  onOpen: (leadId: string) => void;
  onMoveTo: (lead: Lead, statusId: string) => void;
  /** Ctrl/Cmd+click, X or the checkbox toggle the card; Shift adds the range from the anchor. */
  onSelect: (lead: Lead, mode: SelectMode) => void;
  provided: DraggableProvided;
  isDragging: boolean;
  /** A change someone else made while the user was away that overlapped theirs, if any. */
  conflict?: ConflictNotice | null;
  onDismissConflict?: (id: string) => void;
  /** Position from the virtual list (absent for the drag clone). */
  style?: CSSProperties;
  /** The drag clone lives outside the list, so it is not a list item. */
  isClone?: boolean;
};

/** Focuses the card's handle when a move asked for it and the card has arrived in its column. */
function useRequestedFocus(lead: Lead, isClone: boolean) {
  const handleRef = useRef<HTMLDivElement>(null);
  const request = useBoardUiStore((s) =>
    s.focusRequest?.leadId === lead.id ? s.focusRequest : null,
  );
  const clear = useBoardUiStore((s) => s.clearFocusRequest);
  useEffect(() => {
    // The card still in the old column must not take focus: it is about to be unmounted.
    if (isClone || !request || request.statusId !== lead.status_id) return;
    handleRef.current?.focus();
    clear();
  }, [isClone, request, lead.status_id, clear]);
  return handleRef;
}

/**
 * One lead. The card itself is the drag handle and a button (Enter or click opens the drawer,
 * Space lifts it for a keyboard move); its accessible name is the lead's full name. The
 * "Move to…" menu shows on hover and focus (and always on touch screens) and stays in the tab
 * order, so keyboard and screen-reader users reach it like any button.
 */
export function LeadCard(props: LeadCardProps) {
  const { lead, status, agentName, rejection, isDragging, isClone = false } = props;
  // The lead has local changes the server has not confirmed yet (asked per card: see the hook).
  const pending = usePendingRow(lead.id);
  // The library's provided values are plain props (its innerRef is a callback), not React refs.
  const { innerRef, draggableProps, dragHandleProps } = props.provided;
  const detailsId = useId();
  const handleRef = useRequestedFocus(lead, isClone);
  const Tag = isClone ? 'div' : 'li';
  const describedBy = [detailsId, dragHandleProps?.['aria-describedby']].filter(Boolean).join(' ');
  const { selected, ghost, carried } = useCardSelected(lead.id, isClone);

  return (
    <Tag
      ref={innerRef}
      {...draggableProps}
      style={{ ...props.style, ...draggableProps.style }}
      className={[
        'lead-card',
        isDragging && 'is-dragging',
        pending && 'is-pending',
        props.conflict && 'has-conflict',
        selected && 'is-selected',
        ghost && 'is-ghost',
      ]
        .filter(Boolean)
        .join(' ')}
      aria-label={isClone ? undefined : lead.full_name}
    >
      <div
        {...dragHandleProps}
        ref={handleRef}
        // Same as the library's drag handle props; spelled out so the role is visible here.
        role="button"
        tabIndex={0}
        aria-label={lead.full_name}
        aria-describedby={describedBy}
        className="lead-card-handle"
        onClick={(event) => {
          // Modified clicks select (the drag library ignores them, so they never start a drag).
          if (event.metaKey || event.ctrlKey) props.onSelect(lead, 'toggle');
          else if (event.shiftKey) props.onSelect(lead, 'range');
          else props.onOpen(lead.id);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') props.onOpen(lead.id);
          // X: a key the drag library leaves alone (Space lifts the card).
          if (
            event.key.toLowerCase() === 'x' &&
            !event.ctrlKey &&
            !event.metaKey &&
            !event.altKey
          ) {
            event.preventDefault();
            props.onSelect(lead, event.shiftKey ? 'range' : 'toggle');
          }
        }}
      >
        <LeadCardBody
          lead={lead}
          status={status}
          agentName={agentName}
          inStatusSince={props.inStatusSince}
          pending={pending}
          rejection={rejection}
          selected={selected}
          detailsId={detailsId}
        />
      </div>
      {!isClone && props.conflict && props.onDismissConflict && (
        <CardConflictNotice notice={props.conflict} onDismiss={props.onDismissConflict} />
      )}
      {carried > 1 && (
        <span className="lead-card-carried" aria-hidden="true">
          {carried} leads
        </span>
      )}
      {!isClone && (
        <LeadCardMoveMenu lead={lead} moveTargets={props.moveTargets} onMoveTo={props.onMoveTo} />
      )}
      {!isClone && <LeadCardSelect lead={lead} checked={selected} onSelect={props.onSelect} />}
    </Tag>
  );
}
