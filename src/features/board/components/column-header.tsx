import { StatusIcon } from '../../../components/status-icon.tsx';
import {
  NEUTRAL_STATUS_COLOR,
  isHexColor,
  readableTextColor,
} from '../../../lib/color-contrast.ts';
import type { PipelineStatus } from '../../../sync/types.ts';
import { formatPremium } from '../lib/format.ts';

type ColumnHeaderProps = {
  status: PipelineStatus;
  headingId: string;
  count: number;
  premiumSum: number;
  collapsed: boolean;
  onToggleCollapsed: () => void;
};

/** Icon, name on its color (text color chosen for contrast), and the column's count and sum. */
export function ColumnHeader(props: ColumnHeaderProps) {
  const { status, headingId, count, premiumSum, collapsed } = props;
  const color =
    status.color_hex && isHexColor(status.color_hex) ? status.color_hex : NEUTRAL_STATUS_COLOR;
  const text = readableTextColor(color);
  return (
    <header className="column-header" style={{ backgroundColor: color, color: text }}>
      <h2 id={headingId} className="column-title">
        <StatusIcon name={status.icon_name ?? undefined} size={18} />
        <span>{status.name}</span>
      </h2>
      <p className="column-stats">
        <span>
          {count.toLocaleString('en-US')} {count === 1 ? 'lead' : 'leads'}
        </span>
        <span aria-hidden="true"> · </span>
        <span>{formatPremium(premiumSum)}</span>
      </p>
      {status.is_final && (
        <button
          type="button"
          className="column-collapse"
          aria-expanded={!collapsed}
          aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${status.name}`}
          style={{ color: text, borderColor: text }}
          onClick={props.onToggleCollapsed}
        >
          {collapsed ? 'Expand' : 'Collapse'}
        </button>
      )}
    </header>
  );
}
