import { icons, type LucideIcon } from 'lucide-react';

// lucide's whole catalogue (~1,600 icons, ≈165 KB gzip). Only ever imported dynamically
// (use-icon-catalogue.ts): the icon picker needs it, and a status whose icon is not among the
// fixed ones (status-icons.ts). The board's first load does not carry it.

// Statuses store lucide icon names in kebab-case ('file-text'); lucide exports PascalCase.
function toPascalCase(name: string): string {
  return name
    .trim()
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('');
}

export function lookupCatalogueIcon(name: string): LucideIcon | undefined {
  return (icons as Record<string, LucideIcon | undefined>)[toPascalCase(name)];
}

/** All icon names a status may use, kebab-case, for the picker. */
export const ICON_NAMES: readonly string[] = Object.keys(icons).map((pascal) =>
  pascal
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Za-z])([0-9])/g, '$1-$2')
    .toLowerCase(),
);
