import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AwaySummary } from '../../../sync/conflicts/away-changes.ts';
import type { ConflictNotice } from '../../../sync/conflicts/types.ts';
import { META_KEYS } from '../../../sync/local-db.ts';
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
import { BoardPage } from './board-page.tsx';

const sales = pipeline({ name: 'Sales', is_default: true });
const fresh = status({ name: 'New', pipeline_id: sales.id, display_order: 1 });
const won = status({ name: 'Won', pipeline_id: sales.id, display_order: 2 });
const noah = lead({
  full_name: 'Noah Harris',
  pipeline_id: sales.id,
  status_id: fresh.id,
  assigned_to: ANA.id,
});
const jane = lead({
  full_name: 'Jane Doe',
  pipeline_id: sales.id,
  status_id: won.id,
  assigned_to: BEN.id,
});
const omar = lead({
  full_name: 'Omar Li',
  pipeline_id: sales.id,
  status_id: fresh.id,
  assigned_to: BEN.id,
});

const MOVED =
  'Ben Agent moved Noah Harris to Won while you were offline; your move to New was applied after it.';

function notice(fields: Partial<ConflictNotice> = {}): ConflictNotice {
  return {
    id: `moved_elsewhere:${noah.id}:7:h1`,
    kind: 'moved_elsewhere',
    lead_id: noah.id,
    lead_name: noah.full_name,
    message: MOVED,
    mutation_id: 7,
    created_at: new Date().toISOString(),
    settles: null,
    dismissed_at: null,
    ...fields,
  };
}

async function board(setup: { notices?: ConflictNotice[]; summary?: AwaySummary } = {}) {
  const db = await seedDb({
    pipelines: [sales],
    statuses: [fresh, won],
    leads: [noah, jane, omar],
  });
  await db.conflicts.bulkPut(setup.notices ?? []);
  if (setup.summary) await db.meta.put({ key: META_KEYS.awaySummary, value: setup.summary });
  renderAt('/dashboard/leads', <BoardPage db={db} user={ANA} engine={staticEngine()} />);
  await screen.findByRole('listitem', { name: 'Noah Harris' });
  return db;
}

describe('changes while you were away: the header list and the card', () => {
  beforeEach(resetBoardStores);

  it('lists each notice in words; Show opens the lead, Dismiss removes it for good', async () => {
    const user = userEvent.setup();
    const db = await board({ notices: [notice()] });
    const toggle = screen.getByRole('button', { name: '1 change while you were away' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const list = screen.getByRole('list', { name: 'Changes while you were away' });
    expect(within(list).getByRole('listitem')).toHaveTextContent(MOVED);

    // Keyboard: Escape closes it and gives focus back to the toggle.
    within(list).getByRole('button', { name: 'Show Noah Harris' }).focus();
    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();

    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Show Noah Harris' }));
    expect(await screen.findByRole('dialog', { name: 'Noah Harris' })).toBeInTheDocument();
    await user.keyboard('{Escape}');

    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: `Dismiss: ${MOVED}` }));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /while you were away$/ })).toBeNull(),
    );
    expect((await db.conflicts.get(notice().id))?.dismissed_at).not.toBeNull();
  });

  it('shows the notice on the card, named by its sentence, and dismisses it from there', async () => {
    const user = userEvent.setup();
    const db = await board({ notices: [notice()] });
    const card = screen.getByRole('listitem', { name: 'Noah Harris' });
    const note = within(card).getByRole('note', { name: MOVED });
    expect(note).toBeVisible();
    expect(
      within(screen.getByRole('listitem', { name: 'Jane Doe' })).queryByRole('note'),
    ).toBeNull();
    await user.click(
      within(card).getByRole('button', { name: 'Dismiss the notice about Noah Harris' }),
    );
    await waitFor(() => expect(within(card).queryByRole('note')).toBeNull());
    expect((await db.conflicts.get(notice().id))?.dismissed_at).not.toBeNull();
  });

  it('announces a notice that arrives while the board is open, not the ones it opened with', async () => {
    const db = await board({ notices: [notice()] });
    const live = screen.getAllByRole('status').find((el) => el.classList.contains('board-notice'));
    expect(live).toHaveTextContent('');
    const later = notice({
      id: 'same_field:x',
      kind: 'same_field',
      lead_id: jane.id,
      lead_name: jane.full_name,
      message:
        'Another user changed the phone of Jane Doe to “555” after your edit; their value is kept (yours was “556”).',
    });
    await db.conflicts.put(later);
    await waitFor(() =>
      expect(live).toHaveTextContent(`Changed while you were away: ${later.message}`),
    );
    expect(live).toHaveAttribute('aria-live', 'polite');
    expect(
      screen.getByRole('button', { name: '2 changes while you were away' }),
    ).toBeInTheDocument();
  });
});

describe('since you were away: the summary filters the board', () => {
  beforeEach(resetBoardStores);

  const summary: AwaySummary = {
    since: '2026-12-01T09:00:00.000Z',
    until: '2026-12-01T10:00:00.000Z',
    changed: [noah.id, jane.id],
    mine: [noah.id],
  };

  it('narrows the board to the leads that changed, with a chip that clears it', async () => {
    const user = userEvent.setup();
    await board({ summary });
    const show = screen.getByRole('button', {
      name: 'Since you were away: 2 leads changed, 1 of yours',
    });
    expect(show).toHaveAttribute('aria-pressed', 'false');
    await user.click(show);
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Omar Li' })).toBeNull());
    expect(screen.getByRole('listitem', { name: 'Noah Harris' })).toBeInTheDocument();
    expect(screen.getByRole('listitem', { name: 'Jane Doe' })).toBeInTheDocument();
    expect(show).toHaveAttribute('aria-pressed', 'true');
    expect(
      screen.getByText(/Showing 2 of 3 leads: changed while you were away\./),
    ).toBeInTheDocument();

    await user.click(
      screen.getByRole('button', { name: 'Clear the filter: changed while you were away' }),
    );
    expect(await screen.findByRole('listitem', { name: 'Omar Li' })).toBeInTheDocument();
    expect(show).toHaveAttribute('aria-pressed', 'false');
    expect(
      screen.queryByRole('button', { name: 'Clear the filter: changed while you were away' }),
    ).toBeNull();
  });

  it('dismissing the summary clears its filter and forgets it', async () => {
    const user = userEvent.setup();
    const db = await board({ summary });
    await user.click(screen.getByRole('button', { name: /^Since you were away/ }));
    await user.click(
      screen.getByRole('button', { name: 'Dismiss the summary of changes while you were away' }),
    );
    expect(await screen.findByRole('listitem', { name: 'Omar Li' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /^Since you were away/ })).toBeNull(),
    );
    expect(await db.meta.get(META_KEYS.awaySummary)).toBeUndefined();
  });
});
