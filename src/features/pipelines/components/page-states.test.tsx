import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Pipeline, PipelineStatus } from '../../../sync/types.ts';
import { freshDb, pipeline, seedTwoPipelines, status } from '../testing/seed.ts';
import { PipelineForm } from './pipeline-form.tsx';
import { PipelinesPage } from './pipelines-page.tsx';

describe('refused changes', () => {
  it('shows pipeline and status changes the server refused, in words, until dismissed', async () => {
    const db = await freshDb();
    const { salesStatuses } = await seedTwoPipelines(db);
    await db.rejected.bulkPut([
      {
        mutation_id: 7,
        name: 'create_pipeline_status',
        args: { id: crypto.randomUUID(), name: 'Won' },
        code: '23505',
        message: 'duplicate key value violates unique constraint',
        rejected_at: '2025-05-01T10:00:00Z',
      },
      {
        mutation_id: 8,
        name: 'update_pipeline_status',
        args: { id: salesStatuses[0]!.id, patch: { color_hex: '#000000' } },
        code: '42501',
        message: 'permission denied',
        rejected_at: '2025-05-01T10:01:00Z',
      },
      {
        mutation_id: 9,
        name: 'update_lead',
        args: { id: crypto.randomUUID() },
        code: '42501',
        message: 'lead change, shown on the board instead',
        rejected_at: '2025-05-01T10:02:00Z',
      },
    ]);
    render(<PipelinesPage db={db} user={{ role: 'manager' }} />);
    const region = await screen.findByRole('region', { name: 'Changes the server refused' });
    const items = within(region).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Changing status “New”: Only managers can change');
    expect(items[1]).toHaveTextContent(
      'Adding status “Won”: This pipeline already has a status with that name',
    );
    await userEvent
      .setup()
      .click(within(region).getByRole('button', { name: 'Dismiss: Adding status “Won”' }));
    await waitFor(() => expect(within(region).getAllByRole('listitem')).toHaveLength(1));
  });
});

describe('many pipelines', () => {
  // As an agent: the read-only list is the same rows and counts without drag handles. (In jsdom,
  // @hello-pangea/dnd's development-mode checks make 200 draggables take seconds; the manager's
  // sortable list at this size is exercised in Chromium by tests/e2e/pipelines.spec.ts.)
  it('lists 200 pipelines × 30 statuses with their counts', { timeout: 20_000 }, async () => {
    const db = await freshDb();
    const pipelines: Pipeline[] = [];
    const statuses: PipelineStatus[] = [];
    for (let i = 1; i <= 200; i++) {
      const p = pipeline(`Pipeline ${i}`, i, { is_default: i === 1 });
      pipelines.push(p);
      for (let j = 1; j <= 30; j++) statuses.push(status(p, `Status ${j}`, j));
    }
    await db.pipelines.bulkPut(pipelines);
    await db.pipeline_statuses.bulkPut(statuses);
    render(<PipelinesPage db={db} user={{ role: 'agent' }} />);

    const list = await screen.findByRole('list', { name: 'Pipelines' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(200);
    expect(rows[199]).toHaveAccessibleName('Pipeline 200');
    expect(rows[199]).toHaveTextContent('0 leads · 30 statuses');
    expect(screen.getByRole('heading', { name: 'All pipelines (200)' })).toBeInTheDocument();
    expect(
      within(await screen.findByRole('list', { name: 'Statuses of Pipeline 1' })).getAllByRole(
        'listitem',
      ),
    ).toHaveLength(30);
  });
});

describe('PipelineForm', () => {
  it('edits name and description, with the database limits', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(() => Promise.resolve());
    const p = pipeline('Sales', 1, { description: 'Old' });
    render(<PipelineForm pipeline={p} onSubmit={onSubmit} onCancel={() => {}} />);
    expect(screen.queryByRole('combobox', { name: 'Start with' })).not.toBeInTheDocument();
    const description = screen.getByRole('textbox', { name: /Pipeline description/ });
    await user.clear(description);
    await user.click(description);
    await user.paste('x'.repeat(2001));
    await user.click(screen.getByRole('button', { name: 'Save pipeline' }));
    expect(description).toHaveAccessibleDescription('Description must be at most 2000 characters');
    expect(onSubmit).not.toHaveBeenCalled();
    await user.clear(description);
    await user.click(screen.getByRole('button', { name: 'Save pipeline' }));
    expect(onSubmit).toHaveBeenCalledWith({ name: 'Sales', description: null });
  });

  it('shows a failure to save as a form error', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(() => Promise.reject(new Error('Storage is full')));
    render(<PipelineForm onSubmit={onSubmit} onCancel={() => {}} />);
    await user.type(screen.getByRole('textbox', { name: 'Pipeline name' }), 'Sales');
    await user.click(screen.getByRole('button', { name: 'Create pipeline' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Storage is full');
  });
});

describe('Dialog', () => {
  it('moves focus inside, keeps Tab inside and closes on Escape', async () => {
    const user = userEvent.setup();
    const db = await freshDb();
    await seedTwoPipelines(db);
    render(<PipelinesPage db={db} user={{ role: 'manager' }} />);
    const open = await screen.findByRole('button', { name: 'New pipeline' });
    await user.click(open);
    const dialog = screen.getByRole('dialog', { name: 'New pipeline' });
    expect(within(dialog).getByRole('textbox', { name: 'Pipeline name' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(open);
    // From the first field back to the header's Close button, then wrapping to the last control.
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('textbox', { name: 'Pipeline name' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(open).toHaveFocus();
  });
});
