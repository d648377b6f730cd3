import { MenuButton, type MenuItem } from '../../../components/menu-button.tsx';
import './selection.css';
import { leadsCount } from '../lib/announcements.ts';
import { POOL } from '../lib/bulk-moves.ts';

type SelectionBarProps = {
  count: number;
  /** The pipeline's statuses in board order. */
  statuses: readonly MenuItem[];
  /** Agents to reassign to; null hides "Reassign…" (only managers reassign). */
  agents: readonly MenuItem[] | null;
  onMove: (statusId: string) => void;
  /** The agent's id, or POOL. */
  onReassign: (agentId: string) => void;
  onClear: () => void;
};

/**
 * Shown while cards are selected: how many, and what can be done to all of them at once. The
 * keyboard ways in are listed here too (the board has no separate help screen).
 */
export function SelectionBar(props: SelectionBarProps) {
  const { count } = props;
  const them = leadsCount(count);
  return (
    <section className="selection-bar" aria-label="Selected leads">
      <p className="selection-count">
        <strong>{count} selected</strong>
        <span className="selection-hint">
          Ctrl/Cmd+click or X adds a card, Shift+click or Shift+X a range, Escape clears. Drag one
          selected card to move them all.
        </span>
      </p>
      <MenuButton
        className="selection-move"
        label={`Move ${them} to…`}
        menuLabel={`Move ${them} to`}
        items={props.statuses}
        onSelect={props.onMove}
      />
      {props.agents && (
        <MenuButton
          className="selection-reassign"
          label={`Reassign ${them} to…`}
          menuLabel={`Reassign ${them} to`}
          items={[...props.agents, { id: POOL, label: 'Nobody (the shared pool)' }]}
          onSelect={props.onReassign}
        />
      )}
      <button
        type="button"
        className="selection-clear"
        aria-label="Clear selection"
        onClick={props.onClear}
      >
        Clear
      </button>
    </section>
  );
}
