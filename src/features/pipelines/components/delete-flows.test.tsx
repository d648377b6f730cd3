import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { freshDb, pipeline, queued, seedTwoPipelines } from '../testing/seed.ts';
import { PipelinesPage } from './pipelines-page.tsx';

async function setup() {
  const db = await freshDb();
  const seed = await seedTwoPipelines(db);
  render(<PipelinesPage db={db} user={{ role: 'manager' }} />);
  const user = userEvent.setup();
  const list = await screen.findByRole('list', { name: 'Pipelines' });
  const select = async (name: string) =>
    user.click(await within(list).findByRole('button', { name: new RegExp(`^${name}`) }));
  return { db, seed, user, select };
}

describe('deleting a pipeline that has leads (guided move)', () => {
  it('pre-fills the mapping by name, requires the rest, and moves and deletes in one mutation', async () => {
    const { db, seed, user, select } = await setup();
    await select('Renewals');
    await user.click(await screen.findByRole('button', { name: 'Delete pipeline' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete pipeline Renewals' });
    expect(
      await within(dialog).findByRole('combobox', { name: 'Move leads to pipeline' }),
    ).toHaveValue(seed.sales.id);
    // "quoted" matches Sales' "Quoted" ignoring case; "Contacted" has no namesake.
    const [sNew, sQuoted] = seed.salesStatuses;
    const quoted = await within(dialog).findByRole('combobox', { name: 'Move leads in quoted to' });
    expect(quoted).toHaveValue(sQuoted?.id);
    const contacted = within(dialog).getByRole('combobox', { name: 'Move leads in Contacted to' });
    expect(contacted).toHaveValue('');
    // Lost has no leads: nothing to choose.
    expect(within(dialog).getByRole('row', { name: /Lost/ })).toHaveTextContent('No leads to move');
    const confirm = within(dialog).getByRole('button', {
      name: 'Move 2 leads and delete Renewals',
    });
    expect(confirm).toBeDisabled();
    expect(dialog).toHaveTextContent('Choose a status in Sales for: Contacted.');

    await user.selectOptions(contacted, 'New');
    expect(dialog).toHaveTextContent('2 leads will move to Sales.');
    await user.click(confirm);

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [contactedId, quotedId] = seed.renewalStatuses.map((s) => s.id);
    expect(await queued(db)).toEqual([
      {
        name: 'delete_pipeline',
        args: {
          id: seed.renewals.id,
          move_to: {
            pipeline_id: seed.sales.id,
            status_map: { [contactedId!]: sNew!.id, [quotedId!]: sQuoted!.id },
          },
        },
      },
    ]);
    // Applied locally at once: the leads are in Sales, Renewals is gone from the list.
    expect(await db.leads.where('pipeline_id').equals(seed.sales.id).count()).toBe(5);
    await waitFor(() =>
      expect(screen.queryByRole('listitem', { name: 'Renewals' })).not.toBeInTheDocument(),
    );
  });

  it('says when the target pipeline has no statuses', async () => {
    const { db, user, select } = await setup();
    await db.pipelines.put(pipeline('Empty', 3));
    await select('Renewals');
    await user.click(await screen.findByRole('button', { name: 'Delete pipeline' }));
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Move leads to pipeline' }),
      'Empty',
    );
    expect(await screen.findByText(/Empty has no statuses yet/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Move 2 leads/ })).toBeDisabled();
  });
});

describe('deleting a pipeline without leads', () => {
  it('asks for confirmation, then deletes', async () => {
    const { db, user, select } = await setup();
    const empty = pipeline('Empty', 3);
    await db.pipelines.put(empty);
    await select('Empty');
    await user.click(await screen.findByRole('button', { name: 'Delete pipeline' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete pipeline Empty' });
    expect(dialog).toHaveTextContent('Empty has no leads.');
    await user.click(within(dialog).getByRole('button', { name: 'Delete Empty' }));
    await waitFor(async () => expect(await db.pipelines.get(empty.id)).toBeUndefined());
    expect((await queued(db)).map((m) => m.name)).toEqual(['delete_pipeline']);
  });
});

describe('deleting a status', () => {
  it('with leads requires choosing the status they move to', async () => {
    const { db, seed, user } = await setup();
    await user.click(await screen.findByRole('button', { name: 'Delete status New' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete status New' });
    const confirm = within(dialog).getByRole('button', { name: 'Move 3 leads and delete' });
    expect(confirm).toBeDisabled();
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Move its leads to' }),
      'Quoted',
    );
    await user.click(confirm);
    await waitFor(async () =>
      expect(await db.pipeline_statuses.get(seed.salesStatuses[0]!.id)).toBeUndefined(),
    );
    expect((await queued(db))[0]).toEqual({
      name: 'delete_pipeline_status',
      args: { id: seed.salesStatuses[0]!.id, move_leads_to_status_id: seed.salesStatuses[1]!.id },
    });
  });

  it('without leads just asks for confirmation', async () => {
    const { db, user } = await setup();
    await user.click(await screen.findByRole('button', { name: 'Delete status Won' }));
    await user.click(screen.getByRole('button', { name: 'Delete status' }));
    await waitFor(async () =>
      expect((await queued(db)).map((m) => m.name)).toEqual(['delete_pipeline_status']),
    );
  });
});
