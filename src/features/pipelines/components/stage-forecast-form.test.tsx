import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { freshDb, queued, seedTwoPipelines } from '../testing/seed.ts';
import { PipelinesPage } from './pipelines-page.tsx';

// Managers set a stage's outcome, win probability and WIP limit on the pipelines page; the form
// checks with the mutation's own rules and queues only the fields that changed.

async function openForecast(statusName: string) {
  const db = await freshDb();
  await seedTwoPipelines(db);
  render(<PipelinesPage db={db} user={{ role: 'manager' }} />);
  const list = await screen.findByRole('list', { name: 'Statuses of Sales' });
  const user = userEvent.setup();
  await user.click(within(list).getByRole('button', { name: `Forecast of status ${statusName}` }));
  const dialog = screen.getByRole('dialog', { name: `Forecast of ${statusName}` });
  return { db, user, dialog };
}

describe('stage forecast form', () => {
  it('saves a probability and a WIP limit, refusing values outside the rules first', async () => {
    const { db, user, dialog } = await openForecast('Quoted');
    const probability = within(dialog).getByRole('spinbutton', { name: 'Win probability (%)' });
    const wip = within(dialog).getByRole('spinbutton', { name: /WIP limit/ });
    await user.clear(probability);
    await user.type(probability, '150');
    await user.type(wip, '0');
    await user.click(within(dialog).getByRole('button', { name: 'Save forecast' }));
    expect(probability).toHaveAccessibleDescription('Win probability must be between 0 and 100');
    expect(wip).toHaveAccessibleDescription('WIP limit must be at least 1 (or none)');
    expect(await queued(db)).toEqual([]);

    await user.clear(probability);
    await user.type(probability, '60');
    await user.clear(wip);
    await user.type(wip, '5');
    await user.click(within(dialog).getByRole('button', { name: 'Save forecast' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [entry] = await queued(db);
    expect(entry?.name).toBe('update_pipeline_status_forecast');
    expect(entry?.args).toMatchObject({ patch: { win_probability: 60, wip_limit: 5 } });
    // The row follows the local store (a live query), a moment after the write.
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Statuses of Sales' })).getByRole('listitem', {
          name: 'Quoted',
        }),
      ).toHaveTextContent('Open · 60% · WIP limit 5'),
    );
  });

  it('a won stage counts 100 %: the probability is fixed and saved with the outcome', async () => {
    const { db, user, dialog } = await openForecast('Won');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Outcome' }), 'won');
    const probability = within(dialog).getByRole('spinbutton', { name: 'Win probability (%)' });
    expect(probability).toBeDisabled();
    expect(probability).toHaveValue(100);
    await user.click(within(dialog).getByRole('button', { name: 'Save forecast' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [entry] = await queued(db);
    expect(entry?.args).toMatchObject({ patch: { outcome: 'won', win_probability: 100 } });
    expect(entry?.args).not.toHaveProperty('patch.wip_limit');
  });
});
