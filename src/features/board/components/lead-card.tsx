import type { DraggableProvided } from '@hello-pangea/dnd';
import { useId, type CSSProperties } from 'react';
import { MenuButton, type MenuItem } from '../../../components/menu-button.tsx';
import type { Lead, PipelineStatus } from '../../../sync/types.ts';
import { formatDuration, formatPremium } from '../lib/format.ts';
import { NextAction } from './next-action.tsx';

export type LeadCardProps = {
  lead: Lead;
  status: PipelineStatus;
  agentName: string | null;
  /** The lead has local changes the server has not confirmed yet. */
  pending: boolean;
  /** Why the server refused the last change to this lead, if it did. */
  rejection: string | null;
  /** Other statuses of the pipeline, for the "Move to…" menu. */
  moveTargets: readonly MenuItem[];
  onOpen: (leadId: string) => void;
  onMoveTo: (lead: Lead, statusId: string) => void;
  provided: DraggableProvided;
  isDragging: boolean;
  /** Position from the virtual list (absent for the drag clone). */
  style?: CSSProperties;
  /** The drag clone lives outside the list, so it is not a list item. */
  isClone?: boolean;
};

/**
 * One lead. The card itself is the drag handle and a button (Enter or click opens the drawer,
 * Space lifts it for a keyboard move); its accessible name is the lead's full name.
 */
export function LeadCard(props: LeadCardProps) {
  const { lead, status, agentName, pending, rejection, isDragging, isClone } = props;
  // The library's provided values are plain props (its innerRef is a callback), not React refs.
  const { innerRef, draggableProps, dragHandleProps } = props.provided;
  const detailsId = useId();
  const Tag = isClone ? 'div' : 'li';
  const describedBy = [detailsId, dragHandleProps?.['aria-describedby']].filter(Boolean).join(' ');

  return (
    <Tag
      ref={innerRef}
      {...draggableProps}
      style={{ ...props.style, ...draggableProps.style }}
      className={['lead-card', isDragging && 'is-dragging', pending && 'is-pending']
        .filter(Boolean)
        .join(' ')}
      aria-label={isClone ? undefined : lead.full_name}
    >
      <div
        {...dragHandleProps}
        // Same as the library's drag handle props; spelled out so the role is visible here.
        role="button"
        tabIndex={0}
        aria-label={lead.full_name}
        aria-describedby={describedBy}
        className="lead-card-handle"
        onClick={() => props.onOpen(lead.id)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') props.onOpen(lead.id);
        }}
      >
        <span className="lead-card-name">{lead.full_name}</span>
        <span id={detailsId} className="lead-card-details">
          <span className="lead-card-meta">
            <span>{lead.product}</span> · <span>{formatPremium(lead.estimated_premium)}</span>
          </span>
          <span className="lead-card-meta">
            <span>{agentName ?? 'Unassigned'}</span> ·{' '}
            <span>
              in {status.name} {formatDuration(lead.status_changed_at)}
            </span>
          </span>
          {pending && <span className="lead-card-pending">Not synced yet</span>}
          {rejection && <span className="lead-card-rejected">Change refused: {rejection}</span>}
        </span>
        <NextAction
          template={status.ai_action_template}
          values={{ ...lead, agent_name: agentName, status_name: status.name }}
        />
      </div>
      {!isClone && (
        <MenuButton
          className="lead-card-move"
          label="Move to…"
          ariaLabel={`Move ${lead.full_name} to…`}
          menuLabel={`Move ${lead.full_name} to`}
          items={props.moveTargets}
          onSelect={(statusId) => props.onMoveTo(lead, statusId)}
        />
      )}
    </Tag>
  );
}
