import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
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
const fresh = status({ name: 'New', pipeline_id: sales.id, display_order: 1 });
const won = status({ name: 'Won', pipeline_id: sales.id, display_order: 2, is_final: true });
const jane = lead({
  full_name: 'Jane Doe',
  pipeline_id: sales.id,
  status_id: fresh.id,
  position: 'a1',
});
const omar = lead({
  full_name: 'Omar Li',
  pipeline_id: sales.id,
  status_id: fresh.id,
  position: 'a2',
});
const zoe = lead({
  full_name: 'Zoe Kim',
  pipeline_id: sales.id,
  status_id: won.id,
  position: 'a1',
});

async function renderBoard() {
  const db = await seedDb({ pipelines: [sales], statuses: [fresh, won], leads: [jane, omar, zoe] });
  renderAt('/dashboard/leads', <BoardPage db={db} user={ANA} engine={staticEngine()} />);
  await screen.findByRole('listitem', { name: 'Jane Doe' });
  return db;
}

const names = (list: string) =>
  within(screen.getByRole('list', { name: list }))
    .queryAllByRole('listitem')
    .map((li) => li.getAttribute('aria-label'));

describe('board interactions', () => {
  beforeEach(resetBoardStores);

  it('moves a lead with the keyboard-accessible "Move to…" menu, and Ctrl+Z undoes it', async () => {
    const db = await renderBoard();
    const user = userEvent.setup();
    const menuButton = screen.getByRole('button', { name: 'Move Jane Doe to…' });
    menuButton.focus();
    await user.keyboard('{ArrowDown}');
    const menu = screen.getByRole('menu', { name: 'Move Jane Doe to' });
    expect(within(menu).getByRole('menuitem', { name: 'New (current)' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(within(menu).getByRole('menuitem', { name: 'Won' })).toHaveFocus();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(names('Won')).toEqual(['Jane Doe', 'Zoe Kim']));
    expect(names('New')).toEqual(['Omar Li']);
    expect(await screen.findByText(/Moved Jane Doe to Won/)).toBeInTheDocument();
    expect((await db.outbox.toArray()).map((m) => m.name)).toEqual(['move_lead']);

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(names('New')).toEqual(['Jane Doe', 'Omar Li']));
    expect(names('Won')).toEqual(['Zoe Kim']);
    expect(await screen.findByText(/Undid the move of Jane Doe: back in New/)).toBeInTheDocument();
    // The undo is a mutation of its own, so it syncs (and works offline) like any move.
    expect((await db.outbox.toArray()).map((m) => m.name)).toEqual(['move_lead', 'move_lead']);
    expect((await db.leads.get(jane.id))?.position).toBe('a1');
  });

  it('quick-adds a lead at the top of a column and shows validation errors', async () => {
    const db = await renderBoard();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add lead to Won' }));
    const form = screen.getByRole('form', { name: 'Add lead to Won' });
    await user.type(within(form).getByLabelText('Full name'), '   ');
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    expect(await within(form).findByText('Full name is required')).toBeInTheDocument();
    expect(within(form).getByLabelText('Full name')).toHaveAttribute('aria-invalid', 'true');

    await user.clear(within(form).getByLabelText('Full name'));
    await user.type(within(form).getByLabelText('Full name'), 'Nina Novak');
    await user.selectOptions(within(form).getByLabelText('Product'), 'life');
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(names('Won')).toEqual(['Nina Novak', 'Zoe Kim']));
    const nina = (await db.leads.toArray()).find((l) => l.full_name === 'Nina Novak');
    expect(nina).toMatchObject({ product: 'life', assigned_to: ANA.id, status_id: won.id });
    expect(within(form).getByLabelText('Full name')).toHaveValue('');
  });

  it('edits a lead in a drawer with inline validation errors, Escape and focus return', async () => {
    const db = await renderBoard();
    const user = userEvent.setup();
    const handle = screen.getByRole('button', { name: 'Jane Doe' });
    handle.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Jane Doe' });
    expect(await within(dialog).findByText(/No status changes recorded yet/)).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('Email'), 'not-an-email');
    await user.clear(within(dialog).getByLabelText('Estimated premium (USD)'));
    await user.type(within(dialog).getByLabelText('Estimated premium (USD)'), '-5');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const email = within(dialog).getByLabelText('Email');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter a valid email address');
    expect(within(dialog).getByLabelText('Estimated premium (USD)')).toHaveAccessibleDescription(
      'Premium cannot be negative',
    );
    expect(await db.outbox.count()).toBe(0);

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Jane Doe' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Jane Doe' }));
    const again = await screen.findByRole('dialog', { name: 'Jane Doe' });
    await user.type(within(again).getByLabelText('Email'), 'jane@example.com');
    await user.click(within(again).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect((await db.leads.get(jane.id))?.email).toBe('jane@example.com');
    const [entry] = await db.outbox.toArray();
    expect(entry?.args).toEqual({ id: jane.id, patch: { email: 'jane@example.com' } });
  });

  it('lists status history in the drawer', async () => {
    const db = await renderBoard();
    await db.lead_status_history.bulkPut([
      {
        id: crypto.randomUUID(),
        lead_id: jane.id,
        from_status_id: null,
        to_status_id: fresh.id,
        from_status_name: null,
        to_status_name: 'New',
        changed_by: ANA.id,
        changed_at: '2026-01-01T00:00:00Z',
        lost_reason: null,
      },
      {
        id: crypto.randomUUID(),
        lead_id: jane.id,
        from_status_id: fresh.id,
        to_status_id: won.id,
        from_status_name: 'New',
        to_status_name: 'Won',
        changed_by: null,
        changed_at: '2026-01-02T00:00:00Z',
        lost_reason: null,
      },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Jane Doe' }));
    const history = await screen.findByRole('list', { name: 'Status history' });
    const items = within(history)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    // No author on a later entry: a server-side rule made it, never "Someone".
    expect(items[0]).toMatch(/^New → Won · System/);
    expect(items[1]).toMatch(/^Created in New · Ana Agent/);
  });
});
