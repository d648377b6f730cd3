import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ICON_NAMES, lookupCatalogueIcon } from './icon-catalogue.ts';
import { lookupStatusIcon, StatusIcon } from './status-icon.tsx';
import { STATUS_ICONS } from './status-icons.ts';

describe('StatusIcon', () => {
  it('resolves the fixed icons by kebab-case name, without the catalogue', () => {
    expect(lookupStatusIcon('file-text')).toBeDefined();
    expect(lookupStatusIcon('phone')).toBeDefined();
    expect(lookupStatusIcon(' File_Text ')).toBe(lookupStatusIcon('file-text'));
    expect(lookupStatusIcon('no-such-icon-anywhere')).toBeUndefined();
  });

  it('offers every lucide icon in the catalogue, and every fixed icon is one of them', () => {
    expect(ICON_NAMES).toContain('phone');
    expect(ICON_NAMES.length).toBeGreaterThan(1000);
    for (const name of Object.keys(STATUS_ICONS)) {
      expect(lookupCatalogueIcon(name), name).toBeDefined();
    }
  });

  it('renders a neutral icon for unknown names instead of crashing', () => {
    const { container } = render(<StatusIcon name="definitely-not-an-icon" />);
    const svg = container.querySelector('svg');
    expect(svg).not.toBeNull();
    expect(svg).toHaveAttribute('aria-hidden', 'true');
  });

  it('draws an icon outside the fixed set once the catalogue has loaded', async () => {
    expect(lookupStatusIcon('anchor')).toBeUndefined();
    render(
      <span data-testid="icon">
        <StatusIcon name="anchor" />
      </span>,
    );
    const anchorClass = 'lucide-anchor';
    await expect
      .poll(() => screen.getByTestId('icon').querySelector('svg')?.getAttribute('class'))
      .toContain(anchorClass);
  });
});
