import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { NavLink } from './nav-link.tsx';

function renderNav(path: string) {
  const location = memoryLocation({ path, record: true });
  render(
    <Router hook={location.hook} searchHook={location.searchHook}>
      <nav aria-label="Main">
        <NavLink href="/dashboard/leads">Board</NavLink>
        <NavLink href="/dashboard/pipelines">Pipelines</NavLink>
      </nav>
    </Router>,
  );
  return location;
}

describe('NavLink', () => {
  it('marks the current page, and only it, even with a query string', () => {
    renderNav('/dashboard/leads?pipeline=abc');
    expect(screen.getByRole('link', { name: 'Board' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Pipelines' })).not.toHaveAttribute('aria-current');
  });

  it('navigates on click and moves the mark', async () => {
    const location = renderNav('/dashboard/leads');
    await userEvent.click(screen.getByRole('link', { name: 'Pipelines' }));
    expect(location.history).toEqual(['/dashboard/leads', '/dashboard/pipelines']);
    expect(screen.getByRole('link', { name: 'Pipelines' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Board' })).not.toHaveAttribute('aria-current');
  });
});
