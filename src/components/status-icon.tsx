import { createElement } from 'react';
import { CircleDot, type LucideIcon, type LucideProps } from 'lucide-react';
import { STATUS_ICONS, normalizeIconName } from './status-icons.ts';
import { useIconCatalogue } from './use-icon-catalogue.ts';

/** One of the fixed status icons (status-icons.ts), or undefined. */
export function lookupStatusIcon(name: string | null | undefined): LucideIcon | undefined {
  if (!name) return undefined;
  return STATUS_ICONS[normalizeIconName(name)];
}

type StatusIconProps = Omit<LucideProps, 'ref'> & { name: string | null | undefined };

/**
 * The status's lucide icon. The fixed ones draw at once; any other name draws a neutral dot
 * until lucide's catalogue has loaded, and stays a dot if lucide has no such icon (never a crash).
 */
export function StatusIcon({ name, ...props }: StatusIconProps) {
  const fixed = lookupStatusIcon(name);
  const catalogue = useIconCatalogue(fixed === undefined && !!name?.trim());
  const icon = fixed ?? (name ? catalogue?.lookupCatalogueIcon(name) : undefined) ?? CircleDot;
  // createElement with a looked-up (module-level) component: nothing is created during render.
  return createElement(icon, { 'aria-hidden': true, focusable: false, ...props });
}
