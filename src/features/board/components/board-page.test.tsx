import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
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
import { useBoardUiStore } from '../store/board-ui-store.ts';
import { BoardPage } from './board-page.tsx';

const sales = pipeline({ name: 'Sales', is_default: true, display_order: 2 });
const renewals = pipeline({ name: 'Renewals', display_order: 1 });
const empty = pipeline({ name: 'Empty one', display_order: 3 });
const fresh = status({ name: 'New', pipeline_id: sales.id, display_order: 1 });
const won = status({ name: 'Won', pipeline_id: sales.id, display_order: 2, is_final: true });
const due = status({ name: 'Due', pipeline_id: renewals.id });

function seed() {
  return seedDb({
    pipelines: [renewals, empty, sales],
    statuses: [won, fresh, due],
    leads: [
      lead({
        full_name: 'Jane Doe',
        pipeline_id: sales.id,
        status_id: fresh.id,
        estimated_premium: 1200,
        assigned_to: ANA.id,
        email: 'jane@example.com',
        position: 'a1',
      }),
      lead({
        full_name: 'Omar Li',
        pipeline_id: sales.id,
        status_id: fresh.id,
        estimated_premium: 800,
        assigned_to: BEN.id,
        product: 'home',
        phone: '+1 (555) 010-2030',
        position: 'a2',
      }),
      lead({
        full_name: 'Zoe Kim',
        pipeline_id: sales.id,
        status_id: won.id,
        estimated_premium: 5000,
        assigned_to: ANA.id,
        product: 'life',
      }),
      lead({
        full_name: 'Rita Renew',
        pipeline_id: renewals.id,
        status_id: due.id,
        estimated_premium: 300,
      }),
    ],
  });
}

function column(name: string) {
  return screen.getByRole('region', { name });
}

describe('BoardPage', () => {
  beforeEach(resetBoardStores);

  it('lists pipelines default first, then by display order, and keeps the choice in the URL', async () => {
    const db = await seed();
    renderAt('/dashboard/leads', <BoardPage db={db} user={ANA} engine={staticEngine()} />);
    const selector = await screen.findByRole('combobox', { name: 'Pipeline' });
    await waitFor(() => expect(within(selector).getAllByRole('option')).toHaveLength(3));
    expect(
      within(selector)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Sales (default)', 'Renewals', 'Empty one']);
    expect(await screen.findByRole('list', { name: 'New' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Current URL' })).toHaveTextContent(
        `?pipeline=${sales.id}`,
      ),
    );

    await userEvent.selectOptions(selector, renewals.id);
    expect(await screen.findByRole('list', { name: 'Due' })).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'New' })).not.toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Current URL' })).toHaveTextContent(
      `?pipeline=${renewals.id}`,
    );
    expect(useBoardUiStore.getState().lastPipelineByUser[ANA.id]).toBe(renewals.id);
  });

  it('opens the pipeline named in the URL, and falls back to the remembered one', async () => {
    const db = await seed();
    const first = renderAt(
      `/dashboard/leads?pipeline=${renewals.id}`,
      <BoardPage db={db} user={ANA} engine={staticEngine()} />,
    );
    expect(await screen.findByRole('listitem', { name: 'Rita Renew' })).toBeInTheDocument();
    first.unmount();

    renderAt('/dashboard/leads', <BoardPage db={db} user={ANA} engine={staticEngine()} />);
    expect(await screen.findByRole('listitem', { name: 'Rita Renew' })).toBeInTheDocument();
  });

  it('replaces an unknown pipeline id in the URL with the default pipeline', async () => {
    const db = await seed();
    renderAt(
      '/dashboard/leads?pipeline=00000000-0000-4000-8000-00000000dead',
      <BoardPage db={db} user={ANA} engine={staticEngine()} />,
    );
    expect(await screen.findByRole('list', { name: 'New' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Current URL' })).toHaveTextContent(
        `?pipeline=${sales.id}`,
      ),
    );
  });

  it('shows the default pipeline without a selector when pipeline management is off', async () => {
    const db = await seed();
    renderAt(
      `/dashboard/leads?pipeline=${renewals.id}`,
      <BoardPage db={db} user={ANA} engine={staticEngine()} showPipelineSelector={false} />,
    );
    expect(await screen.findByRole('list', { name: 'New' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Pipeline' })).not.toBeInTheDocument();
  });

  it('renders one column per status in display order with counts and premium sums', async () => {
    const db = await seed();
    renderAt('/dashboard/leads', <BoardPage db={db} user={ANA} engine={staticEngine()} />);
    await screen.findByRole('list', { name: 'New' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'New',
      'Won',
    ]);
    expect(column('New')).toHaveTextContent('2 leads');
    expect(column('New')).toHaveTextContent('$2,000');
    expect(column('Won')).toHaveTextContent('1 lead');
    expect(column('Won')).toHaveTextContent('$5,000');
    const newList = screen.getByRole('list', { name: 'New' });
    expect(
      within(newList)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('aria-label')),
    ).toEqual(['Jane Doe', 'Omar Li']);
  });

  it('applies search, agent, product and "only mine" filters to cards, counts and sums', async () => {
    const db = await seed();
    const user = userEvent.setup();
    renderAt('/dashboard/leads', <BoardPage db={db} user={ANA} engine={staticEngine()} />);
    await screen.findByRole('list', { name: 'New' });

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'jane@');
    expect(column('New')).toHaveTextContent('1 lead');
    expect(column('New')).toHaveTextContent('$1,200');
    expect(column('Won')).toHaveTextContent('0 leads');

    await user.clear(screen.getByRole('searchbox', { name: 'Search' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), '555 010');
    expect(screen.getByRole('listitem', { name: 'Omar Li' })).toBeInTheDocument();
    expect(screen.queryByRole('listitem', { name: 'Jane Doe' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Agent' }), BEN.id);
    expect(column('New')).toHaveTextContent('1 lead');
    expect(column('New')).toHaveTextContent('$800');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Agent' }), '');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Product' }), 'life');
    expect(column('New')).toHaveTextContent('0 leads');
    expect(column('Won')).toHaveTextContent('1 lead');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Product' }), '');

    await user.click(screen.getByRole('checkbox', { name: 'Only mine' }));
    expect(column('New')).toHaveTextContent('1 lead');
    expect(column('Won')).toHaveTextContent('$5,000');
    expect(screen.queryByRole('listitem', { name: 'Omar Li' })).not.toBeInTheDocument();
  });

  it('says a pipeline has no statuses, with a link to manage them for managers only', async () => {
    const db = await seed();
    const view = renderAt(
      `/dashboard/leads?pipeline=${empty.id}`,
      <BoardPage db={db} user={MAYA} engine={staticEngine()} />,
    );
    expect(await screen.findByText('Empty one has no statuses yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Manage pipelines' })).toHaveAttribute(
      'href',
      '/dashboard/pipelines',
    );
    view.unmount();

    renderAt(
      `/dashboard/leads?pipeline=${empty.id}`,
      <BoardPage db={db} user={ANA} engine={staticEngine()} />,
    );
    expect(await screen.findByText('Empty one has no statuses yet')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Manage pipelines' })).not.toBeInTheDocument();
  });

  it('collapses any column, keeps its count and sum in view, and remembers the choice', async () => {
    const db = await seed();
    const user = userEvent.setup();
    const view = renderAt(
      '/dashboard/leads',
      <BoardPage db={db} user={ANA} engine={staticEngine()} />,
    );
    const toggle = await screen.findByRole('button', { name: 'Collapse Won' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('button', { name: 'Collapse New' }));
    await user.click(toggle);
    expect(screen.queryByRole('list', { name: 'Won' })).not.toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'New' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Expand Won' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    expect(column('Won')).toHaveTextContent('1 lead');
    expect(column('Won')).toHaveTextContent('$');
    view.unmount();

    // A new visit (the store reads back what it persisted) shows the same columns collapsed.
    expect(JSON.parse(localStorage.getItem('leadlanes-board-ui') ?? '{}')).toMatchObject({
      state: { collapsed: { [won.id]: true, [fresh.id]: true } },
    });
    await useBoardUiStore.persist.rehydrate();
    renderAt('/dashboard/leads', <BoardPage db={db} user={ANA} engine={staticEngine()} />);
    expect(await screen.findByRole('button', { name: 'Expand Won' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Expand New' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Expand New' }));
    expect(await screen.findByRole('list', { name: 'New' })).toBeInTheDocument();
  });
});
