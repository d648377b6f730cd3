import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LocalDb } from '../../../sync/local-db.ts';
import { settleMutations } from '../../../sync/reject.ts';
import { rebase, rebaseTables } from '../../../sync/rebase.ts';
import {
  ANA,
  BEN,
  MAYA,
  lead,
  pipeline,
  renderAt,
  resetBoardStores,
  seedDb,
  staticEngine,
  status,
} from '../testing/board-fixtures.tsx';
import type { BoardUser } from './board-page.tsx';
import { BoardPage } from './board-page.tsx';

const sales = pipeline({ name: 'Sales', is_default: true });
const fresh = status({ name: 'New', pipeline_id: sales.id, display_order: 1 });
const won = status({
  name: 'Won',
  pipeline_id: sales.id,
  display_order: 2,
  is_final: true,
  outcome: 'won',
});
const lost = status({
  name: 'Lost',
  pipeline_id: sales.id,
  display_order: 3,
  is_final: true,
  outcome: 'lost',
});
const inNew = ['Ava Stone', 'Ben Cruz', 'Cleo Park', 'Dan Wu'].map((full_name, i) =>
  lead({
    full_name,
    pipeline_id: sales.id,
    status_id: fresh.id,
    position: `a${i + 1}`,
    assigned_to: ANA.id,
  }),
);
const zoe = lead({
  full_name: 'Zoe Kim',
  pipeline_id: sales.id,
  status_id: won.id,
  position: 'a1',
});

async function renderBoard(user: BoardUser = ANA): Promise<LocalDb> {
  const db = await seedDb({
    pipelines: [sales],
    statuses: [fresh, won, lost],
    leads: [...inNew, zoe],
  });
  renderAt('/dashboard/leads', <BoardPage db={db} user={user} engine={staticEngine()} />);
  await screen.findByRole('listitem', { name: 'Ava Stone' });
  return db;
}

const names = (list: string) =>
  within(screen.getByRole('list', { name: list }))
    .queryAllByRole('listitem')
    .map((li) => li.getAttribute('aria-label'));
const handle = (name: string) => screen.getByRole('button', { name });
const checkbox = (name: string) => screen.getByRole('checkbox', { name: `Select ${name}` });
const bar = () => screen.queryByRole('region', { name: 'Selected leads' });
/** The board's status line (a live region) reads `text`; the write behind it may take a while. */
const expectNotice = (text: string | RegExp) =>
  waitFor(() => expect(screen.getByText(text, { selector: '.board-notice' })).toBeInTheDocument(), {
    timeout: 5000,
  });
const selectedNames = () =>
  screen
    .queryAllByRole('checkbox', { checked: true })
    .map((c) => c.getAttribute('aria-label')?.replace('Select ', ''));

describe('selecting cards for a bulk action', () => {
  beforeEach(resetBoardStores);

  it('Ctrl/Cmd+click toggles a card without opening it; Shift+click adds the range; Escape clears', async () => {
    await renderBoard();
    const user = userEvent.setup();
    expect(bar()).toBeNull();
    await user.keyboard('{Control>}');
    await user.click(handle('Ben Cruz'));
    await user.keyboard('{/Control}');
    await user.keyboard('{Meta>}');
    await user.click(handle('Zoe Kim'));
    await user.keyboard('{/Meta}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(selectedNames()).toEqual(['Ben Cruz', 'Zoe Kim']);
    expect(within(bar()!).getByText('2 selected')).toBeInTheDocument();
    // The card says it in words too (not only the tick and the outline).
    expect(handle('Ben Cruz')).toHaveAccessibleDescription(/Selected\./);
    // The keys are part of every card's description (the drag library's usage instructions).
    expect(handle('Ben Cruz')).toHaveAccessibleDescription(/X selects it for a bulk move/);

    await user.keyboard('{Control>}');
    await user.click(handle('Zoe Kim'));
    await user.keyboard('{/Control}');
    expect(selectedNames()).toEqual(['Ben Cruz']);

    // From the anchor (Ben) to Dan, as the column shows them.
    await user.keyboard('{Shift>}');
    await user.click(handle('Dan Wu'));
    await user.keyboard('{/Shift}');
    expect(selectedNames()).toEqual(['Ben Cruz', 'Cleo Park', 'Dan Wu']);
    expect(within(bar()!).getByText('3 selected')).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(bar()).toBeNull();
    expect(selectedNames()).toEqual([]);
    await expectNotice('Selection cleared.');

    // A plain click still opens the card.
    await user.click(handle('Ava Stone'));
    expect(await screen.findByRole('dialog', { name: 'Ava Stone' })).toBeInTheDocument();
  });

  it('selects from the keyboard: X toggles the focused card, Shift+X adds the range, Space on the checkbox', async () => {
    await renderBoard();
    const user = userEvent.setup();
    handle('Dan Wu').focus();
    await user.keyboard('x');
    expect(selectedNames()).toEqual(['Dan Wu']);
    handle('Ava Stone').focus();
    await user.keyboard('{Shift>}X{/Shift}');
    expect(selectedNames()).toEqual(['Ava Stone', 'Ben Cruz', 'Cleo Park', 'Dan Wu']);
    handle('Cleo Park').focus();
    await user.keyboard('x');
    expect(selectedNames()).toEqual(['Ava Stone', 'Ben Cruz', 'Dan Wu']);
    checkbox('Zoe Kim').focus();
    await user.keyboard(' ');
    expect(checkbox('Zoe Kim')).toBeChecked();
    expect(within(bar()!).getByText('4 selected')).toBeInTheDocument();
    // Escape works from the checkbox as well, and the bar's Clear does the same.
    await user.keyboard('{Escape}');
    expect(bar()).toBeNull();
    await user.click(checkbox('Ava Stone'));
    await user.click(within(bar()!).getByRole('button', { name: 'Clear selection' }));
    expect(bar()).toBeNull();
  });

  it('"Move 3 leads to…" moves them together, queued at once; one Ctrl+Z brings all back', async () => {
    const db = await renderBoard();
    const user = userEvent.setup();
    for (const name of ['Ava Stone', 'Cleo Park', 'Dan Wu']) await user.click(checkbox(name));
    // Agents have no reassign action.
    expect(within(bar()!).queryByRole('button', { name: /Reassign/ })).toBeNull();
    await user.click(within(bar()!).getByRole('button', { name: 'Move 3 leads to…' }));
    const menu = screen.getByRole('menu', { name: 'Move 3 leads to' });
    await user.click(within(menu).getByRole('menuitem', { name: 'Won' }));

    await waitFor(() =>
      expect(names('Won')).toEqual(['Ava Stone', 'Cleo Park', 'Dan Wu', 'Zoe Kim']),
    );
    expect(names('New')).toEqual(['Ben Cruz']);
    await expectNotice(
      'Moved 3 leads to Won: Ava Stone, Cleo Park and Dan Wu. Press Control+Z to undo.',
    );
    expect(bar()).toBeNull();
    const queued = await db.outbox.orderBy('mutation_id').toArray();
    expect(queued.map((m) => m.name)).toEqual(['move_lead', 'move_lead', 'move_lead']);
    // Queued together (one local transaction): consecutive mutations, one per lead.
    const first = queued[0]?.mutation_id ?? 0;
    expect(queued.map((m) => m.mutation_id)).toEqual([first, first + 1, first + 2]);

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() =>
      expect(names('New')).toEqual(['Ava Stone', 'Ben Cruz', 'Cleo Park', 'Dan Wu']),
    );
    expect(names('Won')).toEqual(['Zoe Kim']);
    await expectNotice(
      'Undid the move of 3 leads: Ava Stone, Cleo Park and Dan Wu are back where they were.',
    );
    expect(await db.outbox.count()).toBe(6);
    expect((await db.leads.get(inNew[2]!.id))?.position).toBe('a3');
  });

  it('asks the lost reason once for a bulk move into a lost status, and it can be skipped', async () => {
    const db = await renderBoard();
    const user = userEvent.setup();
    await user.click(checkbox('Ava Stone'));
    await user.click(checkbox('Ben Cruz'));
    await user.click(within(bar()!).getByRole('button', { name: 'Move 2 leads to…' }));
    await user.click(screen.getByRole('menuitem', { name: 'Lost' }));
    const dialog = await screen.findByRole('dialog', { name: 'Why were 2 leads lost?' });
    await user.type(within(dialog).getByLabelText('Lost reason (optional)'), 'Budget cut');
    await user.click(within(dialog).getByRole('button', { name: 'Move to Lost' }));
    await waitFor(() => expect(names('Lost')).toEqual(['Ava Stone', 'Ben Cruz']));
    await waitFor(() => expect(screen.queryAllByRole('dialog')).toHaveLength(0));
    const leads = await db.leads.bulkGet([inNew[0]!.id, inNew[1]!.id]);
    expect(leads.map((l) => l?.lost_reason)).toEqual(['Budget cut', 'Budget cut']);

    await user.click(checkbox('Cleo Park'));
    await user.click(checkbox('Dan Wu'));
    await user.click(within(bar()!).getByRole('button', { name: 'Move 2 leads to…' }));
    await user.click(screen.getByRole('menuitem', { name: 'Lost' }));
    const again = await screen.findByRole('dialog', { name: 'Why were 2 leads lost?' });
    await user.click(within(again).getByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(names('New')).toEqual([]));
    expect((await db.leads.get(inNew[3]!.id))?.lost_reason).toBeNull();
  });

  it('lets a manager reassign the selection to an agent in one undoable step', async () => {
    const db = await renderBoard(MAYA);
    const user = userEvent.setup();
    await user.click(checkbox('Ava Stone'));
    await user.click(checkbox('Ben Cruz'));
    await user.click(within(bar()!).getByRole('button', { name: 'Reassign 2 leads to…' }));
    const menu = screen.getByRole('menu', { name: 'Reassign 2 leads to' });
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((i) => i.textContent),
    ).toEqual([ANA.full_name, BEN.full_name, 'Nobody (the shared pool)']);
    await user.click(within(menu).getByRole('menuitem', { name: BEN.full_name }));
    await expectNotice(/^Reassigned 2 leads to Ben Agent: Ava Stone and Ben Cruz\./);
    await waitFor(async () =>
      expect(
        (await db.leads.bulkGet([inNew[0]!.id, inNew[1]!.id])).map((l) => l?.assigned_to),
      ).toEqual([BEN.id, BEN.id]),
    );
    expect((await db.outbox.toArray()).map((m) => m.args)).toEqual([
      { id: inNew[0]!.id, patch: { assigned_to: BEN.id } },
      { id: inNew[1]!.id, patch: { assigned_to: BEN.id } },
    ]);

    await user.keyboard('{Control>}z{/Control}');
    await expectNotice(/^Undid the reassignment of 2 leads/);
    await waitFor(async () =>
      expect(
        (await db.leads.bulkGet([inNew[0]!.id, inNew[1]!.id])).map((l) => l?.assigned_to),
      ).toEqual([ANA.id, ANA.id]),
    );
  });

  it('names the leads the server refused out of a bulk move, and keeps the others', async () => {
    const db = await renderBoard();
    const user = userEvent.setup();
    for (const name of ['Ava Stone', 'Ben Cruz', 'Cleo Park']) await user.click(checkbox(name));
    await user.click(within(bar()!).getByRole('button', { name: 'Move 3 leads to…' }));
    await user.click(screen.getByRole('menuitem', { name: 'Won' }));
    await waitFor(() => expect(names('New')).toEqual(['Dan Wu']));
    const queued = await db.outbox.orderBy('mutation_id').toArray();
    const ben = queued.find((m) => (m.args as { id: string }).id === inNew[1]!.id);
    if (!ben) throw new Error('no queued move for Ben Cruz');

    // The server's answer for one of them, through the sync layer's own refusal path.
    await act(() =>
      db.transaction('rw', rebaseTables(db), async () => {
        const touched = await settleMutations(
          db,
          [
            {
              mutation_id: ben.mutation_id,
              status: 'rejected',
              code: '42501',
              message: 'Lead was not found',
            },
          ],
          new Date().toISOString(),
        );
        await rebase(db, [], touched);
      }),
    );
    await expectNotice(
      'The server refused 1 of the 3 moves: Ben Cruz (Lead was not found). That lead is back as the server has it; the other 2 leads kept the change.',
    );
    await waitFor(() => expect(names('New')).toEqual(['Ben Cruz', 'Dan Wu']));
    expect(names('Won')).toEqual(['Ava Stone', 'Cleo Park', 'Zoe Kim']);
  });
});
