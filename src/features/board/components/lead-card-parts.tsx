import { ArrowRightLeft } from 'lucide-react';
import { memo } from 'react';
import { MenuButton } from '../../../components/menu-button.tsx';
import { formatDuration, formatPremium } from '../lib/format.ts';
import { AgentAvatar } from './agent-avatar.tsx';
// Types only: the card's props are declared once, in lead-card.tsx, which renders these parts.
import type { LeadCardProps } from './lead-card.tsx';
import { NextAction } from './next-action.tsx';
import { SelectCheckbox } from './select-checkbox.tsx';

// The parts of a card that depend only on the lead and what the board knows about it, memoised.
// A drop re-renders every card the drag had shifted (the library's state for each changes), but
// none of their text: only the outer element's drag props and style. Its props are the card's
// data and the board's stable handlers, so an unchanged card skips these (see use-card-context.ts,
// which keeps the handlers and each status's move targets the same between renders).

type LeadCardBodyProps = Pick<
  LeadCardProps,
  'lead' | 'status' | 'agentName' | 'inStatusSince' | 'rejection'
> & {
  /** The lead has local changes the server has not confirmed yet. */
  pending: boolean;
  selected: boolean;
  /** Id of the details, which the handle's description points at. */
  detailsId: string;
};

/** Name, premium, product, time in status, agent, sync state and the next action. */
export const LeadCardBody = memo(function LeadCardBody(props: LeadCardBodyProps) {
  const { lead, status, agentName } = props;
  return (
    <>
      <span className="lead-card-top">
        <span className="lead-card-name">{lead.full_name}</span>
        <span className="lead-card-premium">{formatPremium(lead.estimated_premium)}</span>
      </span>
      <span id={props.detailsId} className="lead-card-details">
        <span className="lead-card-meta">
          <span className="lead-card-product">{lead.product}</span>
          <span className="lead-card-since">
            in {status.name} {formatDuration(props.inStatusSince)}
          </span>
        </span>
        <AgentAvatar name={agentName} />
        {props.pending && <span className="lead-card-pending">Not synced yet</span>}
        {props.rejection && (
          <span className="lead-card-rejected">Change refused: {props.rejection}</span>
        )}
        {props.selected && <span className="visually-hidden">Selected.</span>}
      </span>
      <NextAction
        template={status.ai_action_template}
        values={{ ...lead, agent_name: agentName, status_name: status.name }}
      />
    </>
  );
});

type LeadCardMoveMenuProps = Pick<LeadCardProps, 'lead' | 'moveTargets' | 'onMoveTo'>;

/** The "Move to…" menu button. */
export const LeadCardMoveMenu = memo(function LeadCardMoveMenu({
  lead,
  moveTargets,
  onMoveTo,
}: LeadCardMoveMenuProps) {
  return (
    <MenuButton
      className="lead-card-move"
      label={
        <>
          <ArrowRightLeft size={14} aria-hidden="true" />
          <span>Move</span>
        </>
      }
      ariaLabel={`Move ${lead.full_name} to…`}
      menuLabel={`Move ${lead.full_name} to`}
      items={moveTargets}
      onSelect={(statusId) => onMoveTo(lead, statusId)}
    />
  );
});

type LeadCardSelectProps = Pick<LeadCardProps, 'lead' | 'onSelect'> & { checked: boolean };

/** The card's "Select" checkbox. */
export const LeadCardSelect = memo(function LeadCardSelect({
  lead,
  checked,
  onSelect,
}: LeadCardSelectProps) {
  return (
    <SelectCheckbox
      name={lead.full_name}
      checked={checked}
      onToggle={(range) => onSelect(lead, range ? 'range' : 'toggle')}
    />
  );
});
