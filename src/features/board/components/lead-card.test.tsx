import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { mutate } from '../../../sync/mutate.ts';
import {
  ANA,
  lead,
  pipeline,
  renderAt,
  resetBoardStores,
  seedDb,
  staticEngine,
  status,
} from '../testing/board-fixtures.tsx';
import { BoardPage } from './board-page.tsx';

const sales = pipeline({ name: 'Sales', is_default: true });
const quoted = status({
  name: 'Quote sent',
  pipeline_id: sales.id,
  ai_action_template:
    'Call {{full_name}} about the {{product}} quote of {{estimated_premium}} {{shoe_size}}',
});
const fresh = status({
  name: 'New',
  pipeline_id: sales.id,
  display_order: 0,
  ai_action_template: 'Email {{ email }}',
});
const jane = lead({
  full_name: 'Jane <b>Doe</b>',
  pipeline_id: sales.id,
  status_id: quoted.id,
  product: 'home',
  estimated_premium: 1250,
  assigned_to: ANA.id,
  status_changed_at: new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString(),
});
const omar = lead({ full_name: 'Omar Li', pipeline_id: sales.id, status_id: fresh.id });

async function renderBoard() {
  const db = await seedDb({ pipelines: [sales], statuses: [quoted, fresh], leads: [jane, omar] });
  renderAt('/dashboard/leads', <BoardPage db={db} user={ANA} engine={staticEngine()} />);
  return db;
}

describe('LeadCard', () => {
  beforeEach(resetBoardStores);

  it('is named by the lead and shows product, premium, agent and time in status', async () => {
    await renderBoard();
    const card = await screen.findByRole('listitem', { name: 'Jane <b>Doe</b>' });
    expect(within(card).getByRole('button', { name: 'Jane <b>Doe</b>' })).toBeInTheDocument();
    expect(card).toHaveTextContent('home');
    expect(card).toHaveTextContent('$1,250');
    expect(card).toHaveTextContent('Ana Agent');
    expect(card).toHaveTextContent('AA');
    expect(card).toHaveTextContent('in Quote sent 3 days');
    // Lead fields are text, never markup.
    expect(card.querySelector('b')).toBeNull();
  });

  it('renders the next action from the template, marking unknown and missing fields', async () => {
    await renderBoard();
    const card = await screen.findByRole('listitem', { name: 'Jane <b>Doe</b>' });
    const action = card.querySelector('.next-action');
    expect(action).toHaveTextContent(
      'Next: Call Jane <b>Doe</b> about the home quote of $1,250 [unknown field: shoe_size]',
    );
    expect(action?.textContent).not.toMatch(/[{}]/);
    expect(within(card).getByText('[unknown field: shoe_size]').tagName).toBe('MARK');

    const omarCard = screen.getByRole('listitem', { name: 'Omar Li' });
    expect(omarCard).toHaveTextContent('Next: Email [no email]');
  });

  it('marks a card with unsynced changes until the outbox is empty', async () => {
    const db = await renderBoard();
    const card = await screen.findByRole('listitem', { name: 'Omar Li' });
    expect(card).not.toHaveTextContent('Not synced yet');
    await mutate(db, 'update_lead', { id: omar.id, patch: { phone: '+1 555 0100' } });
    await waitFor(() =>
      expect(screen.getByRole('listitem', { name: 'Omar Li' })).toHaveTextContent('Not synced yet'),
    );
    await db.outbox.clear();
    await waitFor(() =>
      expect(screen.getByRole('listitem', { name: 'Omar Li' })).not.toHaveTextContent(
        'Not synced yet',
      ),
    );
  });

  it('shows a refused change on the card and in the header list', async () => {
    const db = await renderBoard();
    await screen.findByRole('listitem', { name: 'Omar Li' });
    await db.rejected.put({
      mutation_id: 7,
      name: 'move_lead',
      args: { id: omar.id },
      code: '42501',
      message: 'You may not move this lead',
      rejected_at: new Date().toISOString(),
    });
    await waitFor(() =>
      expect(screen.getByRole('listitem', { name: 'Omar Li' })).toHaveTextContent(
        'Change refused: You may not move this lead',
      ),
    );
    const button = screen.getByRole('button', { name: 'Rejected changes (1)' });
    button.click();
    await waitFor(() => expect(button).toHaveAttribute('aria-expanded', 'true'));
    expect(screen.getByRole('list', { name: 'Rejected changes' })).toHaveTextContent(
      'move lead (Omar Li): You may not move this lead',
    );
    screen.getByRole('button', { name: 'Dismiss: move lead (Omar Li)' }).click();
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /Rejected changes/ })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('listitem', { name: 'Omar Li' })).not.toHaveTextContent(
      'Change refused',
    );
  });

  it('has a card menu, reached by Tab from the card, listing statuses in board order', async () => {
    const db = await renderBoard();
    const user = userEvent.setup();
    await screen.findByRole('listitem', { name: 'Omar Li' });
    screen.getByRole('button', { name: 'Omar Li' }).focus();
    await user.tab();
    const button = screen.getByRole('button', { name: 'Move Omar Li to…' });
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    // Rendered into <body>, outside the card, so the card cannot clip it.
    const menu = screen.getByRole('menu', { name: 'Move Omar Li to' });
    expect(screen.getByRole('listitem', { name: 'Omar Li' })).not.toContainElement(menu);
    const items = within(menu).getAllByRole('menuitem');
    // "New" (display_order 0) before "Quote sent", whatever order the store returns.
    expect(items.map((i) => i.textContent)).toEqual(['New (current)', 'Quote sent']);
    expect(items[0]).toHaveAttribute('aria-disabled', 'true');
    await waitFor(() => expect(items[1]).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await db.leads.get(omar.id))?.status_id).toBe(quoted.id));
    // Focus follows the card into its new column.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Omar Li' })).toHaveFocus());
  });

  it('closes the card menu on Escape and on a press outside it', async () => {
    await renderBoard();
    const user = userEvent.setup();
    await screen.findByRole('listitem', { name: 'Omar Li' });
    const button = screen.getByRole('button', { name: 'Move Omar Li to…' });
    await user.click(button);
    expect(screen.getByRole('menu', { name: 'Move Omar Li to' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    await user.click(button);
    await user.click(document.body);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });
});
