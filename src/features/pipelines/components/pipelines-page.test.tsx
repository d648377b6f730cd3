import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { freshDb, queued, seedTwoPipelines } from '../testing/seed.ts';
import { PipelinesPage } from './pipelines-page.tsx';

async function renderPage(role: 'agent' | 'manager' = 'manager') {
  const db = await freshDb();
  const seed = await seedTwoPipelines(db);
  render(<PipelinesPage db={db} user={{ role }} />);
  await screen.findByRole('list', { name: 'Pipelines' });
  return { db, seed, user: userEvent.setup() };
}

const pipelineList = () => screen.getByRole('list', { name: 'Pipelines' });
const rowNames = () =>
  within(pipelineList())
    .getAllByRole('listitem')
    .map((li) => li.getAttribute('aria-label'));

describe('PipelinesPage (manager)', () => {
  it('lists pipelines in display order with lead and status counts, default marked', async () => {
    await renderPage();
    expect(rowNames()).toEqual(['Sales', 'Renewals']);
    const sales = within(pipelineList()).getByRole('listitem', { name: 'Sales' });
    expect(sales).toHaveTextContent('Default');
    expect(sales).toHaveTextContent('3 leads · 3 statuses');
    expect(within(pipelineList()).getByRole('listitem', { name: 'Renewals' })).toHaveTextContent(
      '2 leads · 3 statuses',
    );
    // The default pipeline is selected first, with its statuses.
    expect(await screen.findByRole('list', { name: 'Statuses of Sales' })).toBeInTheDocument();
  });

  it('creates an empty pipeline, prompts for the first status and adds it', async () => {
    const { db, user } = await renderPage();
    await user.click(screen.getByRole('button', { name: 'New pipeline' }));
    const dialog = screen.getByRole('dialog', { name: 'New pipeline' });
    await user.click(within(dialog).getByRole('button', { name: 'Create pipeline' }));
    expect(
      within(dialog).getByRole('textbox', { name: 'Pipeline name' }),
    ).toHaveAccessibleDescription('Pipeline name is required');
    await user.type(within(dialog).getByRole('textbox', { name: 'Pipeline name' }), 'Commercial');
    await user.click(within(dialog).getByRole('button', { name: 'Create pipeline' }));

    expect(await screen.findByText(/Commercial has no statuses yet/)).toBeInTheDocument();
    expect(rowNames()).toEqual(['Sales', 'Renewals', 'Commercial']);
    await user.click(screen.getByRole('button', { name: 'Add the first status' }));
    await user.type(screen.getByRole('textbox', { name: 'Status name' }), 'Prospect');
    await user.click(screen.getByRole('button', { name: 'Add status' }));
    const statuses = await screen.findByRole('list', { name: 'Statuses of Commercial' });
    expect(within(statuses).getByRole('listitem', { name: 'Prospect' })).toBeInTheDocument();
    expect((await queued(db)).map((m) => m.name)).toEqual([
      'create_pipeline',
      'create_pipeline_status',
    ]);
  });

  it('creates a pipeline from a template by copying its statuses', async () => {
    const { db, user } = await renderPage();
    await user.click(screen.getByRole('button', { name: 'New pipeline' }));
    await user.type(screen.getByRole('textbox', { name: 'Pipeline name' }), 'Sales EU');
    await user.type(screen.getByRole('textbox', { name: /Pipeline description/ }), 'Europe');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Start with' }),
      'Copy the statuses of Sales (3)',
    );
    await user.click(screen.getByRole('button', { name: 'Create pipeline' }));
    const statuses = await screen.findByRole('list', { name: 'Statuses of Sales EU' });
    expect(
      within(statuses)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('aria-label')),
    ).toEqual(['New', 'Quoted', 'Won']);
    const [created] = await queued(db);
    expect(created?.args).toMatchObject({ name: 'Sales EU', description: 'Europe' });
  });

  it('shows a duplicate status name inline and does not queue it', async () => {
    const { db, user } = await renderPage();
    await user.click(await screen.findByRole('button', { name: 'New status' }));
    await user.type(screen.getByRole('textbox', { name: 'Status name' }), 'WON');
    expect(screen.getByRole('alert')).toHaveTextContent('already has a status called “Won”');
    await user.click(screen.getByRole('button', { name: 'Add status' }));
    expect(await queued(db)).toEqual([]);
  });

  it('renames a pipeline, sending only the changed field', async () => {
    const { db, seed, user } = await renderPage();
    await user.click(screen.getByRole('button', { name: 'Edit pipeline' }));
    const name = screen.getByRole('textbox', { name: 'Pipeline name' });
    await user.clear(name);
    await user.type(name, 'New Business');
    await user.click(screen.getByRole('button', { name: 'Save pipeline' }));
    expect(
      await screen.findByRole('heading', { level: 2, name: /^New Business/ }),
    ).toBeInTheDocument();
    expect((await queued(db))[0]).toEqual({
      name: 'update_pipeline',
      args: { id: seed.sales.id, patch: { name: 'New Business' } },
    });
  });

  it('keeps the default first; making another the default moves it there', async () => {
    const { db, user } = await renderPage();
    expect(rowNames()).toEqual(['Sales', 'Renewals']);
    expect(screen.getByRole('button', { name: 'Move Renewals up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move Sales down' })).toBeDisabled();
    await user.click(within(pipelineList()).getByRole('button', { name: /^Renewals/ }));
    await user.click(screen.getByRole('button', { name: 'Make default' }));
    await waitFor(() => expect(rowNames()).toEqual(['Renewals', 'Sales']));
    expect((await db.pipelines.filter((p) => p.is_default).toArray()).map((p) => p.name)).toEqual([
      'Renewals',
    ]);
    expect((await queued(db)).map((m) => m.name)).toEqual(['set_default_pipeline']);
  });

  it('explains why the default pipeline cannot be deleted and how to change it', async () => {
    await renderPage();
    const button = screen.getByRole('button', { name: 'Delete pipeline' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(/default pipeline.*choose “Make default”/);
  });

  it('reorders statuses with the move buttons', async () => {
    const { db, user } = await renderPage();
    await user.click(await screen.findByRole('button', { name: 'Move Won up' }));
    const list = screen.getByRole('list', { name: 'Statuses of Sales' });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('listitem')
          .map((li) => li.getAttribute('aria-label')),
      ).toEqual(['New', 'Won', 'Quoted']),
    );
    expect((await queued(db))[0]?.name).toBe('reorder_pipeline_statuses');
  });
});

describe('PipelinesPage (agent)', () => {
  it('is read-only and says a manager is needed', async () => {
    await renderPage('agent');
    expect(screen.getByText(/only a manager can change them/)).toBeInTheDocument();
    expect(rowNames()).toEqual(['Sales', 'Renewals']);
    for (const name of [
      'New pipeline',
      'Edit pipeline',
      'Delete pipeline',
      'New status',
      'Make default',
    ]) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
    expect(screen.queryByRole('button', { name: /^(Edit|Delete) status/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Move / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Reorder / })).not.toBeInTheDocument();
  });
});
