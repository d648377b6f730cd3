import { ChevronsLeftRight, ChevronsRightLeft, TriangleAlert } from 'lucide-react';
import { StatusIcon } from '../../../components/status-icon.tsx';
import {
  NEUTRAL_STATUS_COLOR,
  isHexColor,
  readableTextColor,
} from '../../../lib/color-contrast.ts';
import type { PipelineStatus } from '../../../sync/types.ts';
import type { ColumnForecast } from '../lib/forecast.ts';
import { formatCount, formatPremium } from '../lib/format.ts';
import './forecast.css';

type ColumnHeaderProps = {
  status: PipelineStatus;
  headingId: string;
  count: number;
  premiumSum: number;
  collapsed: boolean;
  onToggleCollapsed: () => void;
  /** The stage's forecast and WIP standing (absent: no forecast row). */
  forecast?: ColumnForecast | undefined;
};

/**
 * Icon, name on its color (text color chosen for contrast), the column's count and sum, and the
 * collapse toggle. Every header has the same rows, so headers line up across the board; a
 * collapsed column keeps its name, count and sum, written vertically.
 */
export function ColumnHeader(props: ColumnHeaderProps) {
  const { status, headingId, count, premiumSum, collapsed, forecast } = props;
  const color =
    status.color_hex && isHexColor(status.color_hex) ? status.color_hex : NEUTRAL_STATUS_COLOR;
  const text = readableTextColor(color);
  const Toggle = collapsed ? ChevronsLeftRight : ChevronsRightLeft;
  return (
    <header className="column-header" style={{ backgroundColor: color, color: text }}>
      <h2 id={headingId} className="column-title">
        <StatusIcon name={status.icon_name ?? undefined} size={16} />
        <span className="column-name">{status.name}</span>
      </h2>
      <button
        type="button"
        className="column-collapse"
        aria-expanded={!collapsed}
        aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${status.name}`}
        title={collapsed ? 'Expand' : 'Collapse'}
        style={{ color: text }}
        onClick={props.onToggleCollapsed}
      >
        <Toggle size={16} aria-hidden="true" />
      </button>
      <p className="column-stats">
        <span className="column-count">
          {formatCount(count)} {count === 1 ? 'lead' : 'leads'}
        </span>
        <span aria-hidden="true" className="column-stats-dot">
          {' '}
          ·{' '}
        </span>
        <span className="column-sum">{formatPremium(premiumSum)}</span>
      </p>
      {forecast && (
        <p className="column-forecast">
          Forecast {formatPremium(forecast.forecast)}
          <span className="column-probability"> ({forecast.winProbability}%)</span>
        </p>
      )}
    </header>
  );
}

/** The stage's WIP limit, under its header: marked by colour and by words when it is exceeded. */
export function WipLimitLine({ forecast }: { forecast: ColumnForecast | undefined }) {
  if (!forecast || forecast.wipLimit === null) return null;
  const { wipCount, wipLimit, overWipLimit } = forecast;
  return (
    <p className={overWipLimit ? 'column-wip is-over' : 'column-wip'}>
      {overWipLimit ? (
        <>
          <TriangleAlert size={14} aria-hidden="true" /> Over WIP limit: {wipCount} of {wipLimit}
        </>
      ) : (
        `WIP limit: ${wipCount} of ${wipLimit}`
      )}
    </p>
  );
}
