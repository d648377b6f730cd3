import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  ANA,
  BEN,
  lead,
  pipeline,
  renderAt,
  resetBoardStores,
  seedDb,
  staticEngine,
  status,
} from '../testing/board-fixtures.tsx';
import { useBoardUiStore } from '../store/board-ui-store.ts';
import { BoardPage } from './board-page.tsx';

// Column and board totals with the forecast, under filters, over more leads than the virtual
// lists render; the WIP limit marker; the lost-reason prompt of a move into a lost stage.

const sales = pipeline({ name: 'Sales', is_default: true });
const fresh = status({ name: 'New', pipeline_id: sales.id, display_order: 1, win_probability: 10 });
const nego = status({
  name: 'Negotiation',
  pipeline_id: sales.id,
  display_order: 2,
  win_probability: 50,
  wip_limit: 2,
});
const won = status({
  name: 'Won',
  pipeline_id: sales.id,
  display_order: 3,
  is_final: true,
  outcome: 'won',
  win_probability: 100,
});
const lost = status({
  name: 'Lost',
  pipeline_id: sales.id,
  display_order: 4,
  is_final: true,
  outcome: 'lost',
});

// 120 leads in New (far more than a column renders, under 40): 60 of Ana's at $100, 60 of Ben's
// at $50.
const many = Array.from({ length: 120 }, (_, i) =>
  lead({
    full_name: `Lead ${i}`,
    pipeline_id: sales.id,
    status_id: fresh.id,
    assigned_to: i % 2 ? BEN.id : ANA.id,
    estimated_premium: i % 2 ? 50 : 100,
    position: `a${String(i).padStart(4, '0')}`,
  }),
);
const noah = lead({
  full_name: 'Noah Harris',
  pipeline_id: sales.id,
  status_id: nego.id,
  assigned_to: ANA.id,
  estimated_premium: 1000,
  position: 'a1',
});
const zoe = lead({
  full_name: 'Zoe Kim',
  pipeline_id: sales.id,
  status_id: won.id,
  assigned_to: BEN.id,
  estimated_premium: 5000,
});

async function renderBoard(leads = [...many, noah, zoe]) {
  const db = await seedDb({ pipelines: [sales], statuses: [fresh, nego, won, lost], leads });
  renderAt('/dashboard/leads', <BoardPage db={db} user={ANA} engine={staticEngine()} />);
  await screen.findByRole('listitem', { name: 'Noah Harris' }, { timeout: 10_000 });
  return db;
}

const header = (name: string) => within(screen.getByRole('region', { name })).getByRole('banner');

describe('board forecast', { timeout: 30_000 }, () => {
  beforeEach(resetBoardStores);

  it('shows count, premium sum and weighted forecast per column, and the open total', async () => {
    await renderBoard();
    // The totals are over every lead; the list renders only a window of them.
    const rendered = within(screen.getByRole('list', { name: 'New' })).getAllByRole('listitem');
    expect(rendered.length).toBeLessThan(120);
    expect(header('New')).toHaveTextContent('120 leads · $9,000');
    expect(header('New')).toHaveTextContent('Forecast $900 (10%)');
    expect(header('Negotiation')).toHaveTextContent('1 lead · $1,000');
    expect(header('Negotiation')).toHaveTextContent('Forecast $500 (50%)');
    expect(header('Won')).toHaveTextContent('Forecast $5,000 (100%)');
    // Open stages only: New and Negotiation.
    expect(screen.getByText(/^Open pipeline:/)).toHaveTextContent(
      'Open pipeline: 121 leads, $10,000 · Forecast $1,400',
    );
  });

  it('follows the filters for every lead, not only the rendered cards', async () => {
    await renderBoard();
    act(() => useBoardUiStore.getState().setFilters({ agentId: BEN.id }));
    await waitFor(() => expect(header('New')).toHaveTextContent('60 leads · $3,000'));
    expect(header('New')).toHaveTextContent('Forecast $300 (10%)');
    expect(header('Negotiation')).toHaveTextContent('0 leads · $0');
    expect(screen.getByText(/^Open pipeline:/)).toHaveTextContent(
      'Open pipeline: 60 leads, $3,000 · Forecast $300',
    );
    act(() => useBoardUiStore.getState().setFilters({ agentId: null, search: 'Lead 1' }));
    // "Lead 1", "Lead 10"–"Lead 19", "Lead 100"–"Lead 119": 31 leads.
    await waitFor(() => expect(header('New')).toHaveTextContent('31 leads'));
    expect(screen.getByText(/^Open pipeline:/)).toHaveTextContent('Open pipeline: 31 leads');
  });

  it('marks a column over its WIP limit in words, whatever the filters, and says so on a move', async () => {
    const extra = lead({
      full_name: 'Ivy Chen',
      pipeline_id: sales.id,
      status_id: nego.id,
      position: 'a2',
    });
    await renderBoard([...many.slice(0, 3), noah, extra, zoe]);
    const column = () => screen.getByRole('region', { name: 'Negotiation' });
    expect(within(column()).getByText('WIP limit: 2 of 2')).toBeInTheDocument();
    expect(column()).not.toHaveClass('is-over-wip');

    const user = userEvent.setup();
    screen.getByRole('button', { name: 'Move Lead 0 to…' }).focus();
    await user.keyboard('{ArrowDown}');
    const menu = screen.getByRole('menu', { name: 'Move Lead 0 to' });
    await user.click(within(menu).getByRole('menuitem', { name: 'Negotiation' }));
    expect(
      await screen.findByText(
        /Moved Lead 0 to Negotiation\. Negotiation is over its WIP limit: 3 of 2\./,
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(within(column()).getByText(/Over WIP limit: 3 of 2/)).toBeInTheDocument(),
    );
    expect(column()).toHaveClass('is-over-wip');
    // A filter that hides the column's leads does not hide the overload.
    act(() => useBoardUiStore.getState().setFilters({ agentId: BEN.id }));
    await waitFor(() => expect(header('Negotiation')).toHaveTextContent('0 leads'));
    expect(within(column()).getByText(/Over WIP limit: 3 of 2/)).toBeInTheDocument();
  });

  it('asks for a lost reason when a lead moves into a lost stage; the reason travels with the move', async () => {
    const db = await renderBoard([noah, zoe]);
    const user = userEvent.setup();
    screen.getByRole('button', { name: 'Move Noah Harris to…' }).focus();
    await user.keyboard('{ArrowDown}');
    await user.click(
      within(screen.getByRole('menu', { name: 'Move Noah Harris to' })).getByRole('menuitem', {
        name: 'Lost',
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Why was Noah Harris lost?' });
    const field = within(dialog).getByRole('textbox', { name: 'Lost reason (optional)' });
    expect(field).toHaveFocus();
    // Not moved until answered.
    expect((await db.leads.get(noah.id))?.status_id).toBe(nego.id);
    await user.type(field, 'Price \u202Ehidden');
    await user.click(within(dialog).getByRole('button', { name: 'Move to Lost' }));
    expect(within(dialog).getByText(/text-direction control characters/)).toBeInTheDocument();
    expect(await db.outbox.count()).toBe(0);

    await user.clear(field);
    await user.type(field, '  Went with a cheaper insurer ');
    await user.click(within(dialog).getByRole('button', { name: 'Move to Lost' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [entry] = await db.outbox.toArray();
    expect(entry?.args).toMatchObject({
      id: noah.id,
      status_id: lost.id,
      lost_reason: 'Went with a cheaper insurer',
    });
    expect((await db.leads.get(noah.id))?.lost_reason).toBe('Went with a cheaper insurer');
  });

  it('skips the reason with Escape (the move still happens), and Cancel move keeps the lead', async () => {
    const db = await renderBoard([noah, zoe]);
    const user = userEvent.setup();
    const moveToLost = async (name: string) => {
      screen.getByRole('button', { name: `Move ${name} to…` }).focus();
      await user.keyboard('{ArrowDown}');
      await user.click(
        within(screen.getByRole('menu', { name: `Move ${name} to` })).getByRole('menuitem', {
          name: 'Lost',
        }),
      );
      return screen.findByRole('dialog', { name: `Why was ${name} lost?` });
    };
    const dialog = await moveToLost('Zoe Kim');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel move' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await db.outbox.count()).toBe(0);
    expect(await screen.findByText(/Move cancelled\. Zoe Kim stays where it was/)).toBeVisible();

    await moveToLost('Zoe Kim');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [entry] = await db.outbox.toArray();
    expect(entry?.args).toMatchObject({ id: zoe.id, status_id: lost.id });
    expect(entry?.args).not.toHaveProperty('lost_reason');
    expect(await screen.findByText(/Moved Zoe Kim to Lost/)).toBeInTheDocument();
  });
});
