import { StatusIcon } from '../../../components/status-icon.tsx';
import {
  NEUTRAL_STATUS_COLOR,
  isHexColor,
  readableTextColor,
} from '../../../lib/color-contrast.ts';
import type { PipelineStatus } from '../../../sync/types.ts';

/** A status as the board shows it: its color, readable text, its icon (with fallback). */
export function StatusChip({
  status,
}: {
  status: Pick<PipelineStatus, 'name' | 'color_hex' | 'icon_name'>;
}) {
  const color =
    status.color_hex && isHexColor(status.color_hex) ? status.color_hex : NEUTRAL_STATUS_COLOR;
  return (
    <span
      className="pl-status-chip"
      style={{ backgroundColor: color, color: readableTextColor(color) }}
    >
      <StatusIcon name={status.icon_name ?? undefined} size={14} /> {status.name}
    </span>
  );
}
