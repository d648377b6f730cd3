import { createElement } from 'react';
import { icons, CircleDot, type LucideIcon, type LucideProps } from 'lucide-react';

// Statuses store lucide icon names in kebab-case ('file-text'); lucide exports PascalCase.
function toPascalCase(name: string): string {
  return name
    .trim()
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('');
}

export function lookupStatusIcon(name: string | null | undefined): LucideIcon | undefined {
  if (!name) return undefined;
  return (icons as Record<string, LucideIcon | undefined>)[toPascalCase(name)];
}

/** All icon names a status may use, kebab-case, for pickers. */
export const STATUS_ICON_NAMES: readonly string[] = Object.keys(icons).map((pascal) =>
  pascal
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Za-z])([0-9])/g, '$1-$2')
    .toLowerCase(),
);

type StatusIconProps = Omit<LucideProps, 'ref'> & { name: string | null | undefined };

/** The status's lucide icon; an unknown or empty name falls back to a neutral dot, never a crash. */
export function StatusIcon({ name, ...props }: StatusIconProps) {
  // createElement with a looked-up (module-level) component: nothing is created during render.
  return createElement(lookupStatusIcon(name) ?? CircleDot, {
    'aria-hidden': true,
    focusable: false,
    ...props,
  });
}
