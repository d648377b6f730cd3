import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { lookupStatusIcon, STATUS_ICON_NAMES, StatusIcon } from './status-icon.tsx';

describe('StatusIcon', () => {
  it('resolves kebab-case lucide names', () => {
    expect(lookupStatusIcon('file-text')).toBeDefined();
    expect(lookupStatusIcon('phone')).toBeDefined();
    expect(lookupStatusIcon('no-such-icon-anywhere')).toBeUndefined();
    expect(STATUS_ICON_NAMES).toContain('phone');
  });

  it('renders a neutral icon for unknown names instead of crashing', () => {
    const { container } = render(<StatusIcon name="definitely-not-an-icon" />);
    const svg = container.querySelector('svg');
    expect(svg).not.toBeNull();
    expect(svg).toHaveAttribute('aria-hidden', 'true');
  });
});
