import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PipelineStatus } from '../../../sync/types.ts';
import { MutationValidationError } from '../../../sync/validation-error.ts';
import { StatusForm } from './status-form.tsx';

function status(id: string, name: string): PipelineStatus {
  return {
    id,
    pipeline_id: 'p1',
    name,
    description: null,
    is_final: false,
    display_order: 1,
    color_hex: '#1E40AF',
    icon_name: 'phone',
    ai_action_template: null,
    outcome: 'open',
    win_probability: 0,
    wip_limit: null,
    created_at: '2025-01-01T00:00:00Z',
    updated_at: '2025-01-01T00:00:00Z',
  };
}

const siblings = [status('s1', 'New'), status('s2', 'Quoted')];

function setup(props: Partial<Parameters<typeof StatusForm>[0]> = {}) {
  const onSubmit = vi.fn(() => Promise.resolve());
  const onCancel = vi.fn();
  render(<StatusForm siblings={siblings} onSubmit={onSubmit} onCancel={onCancel} {...props} />);
  return { onSubmit, onCancel, user: userEvent.setup() };
}

describe('StatusForm', () => {
  it('requires a name', async () => {
    const { onSubmit, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add status' }));
    expect(screen.getByRole('textbox', { name: 'Status name' })).toHaveAccessibleDescription(
      'Status name is required',
    );
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('flags a duplicate name inline while typing, ignoring case and spaces', async () => {
    const { onSubmit, user } = setup();
    await user.type(screen.getByRole('textbox', { name: 'Status name' }), ' quoted ');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'This pipeline already has a status called “Quoted”',
    );
    await user.click(screen.getByRole('button', { name: 'Add status' }));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('lets a status keep its own name when edited', async () => {
    const { onSubmit, user } = setup({ status: siblings[0] });
    await user.click(screen.getByRole('button', { name: 'Save status' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ name: 'New' }));
  });

  it('refuses a color that is not #RRGGBB and accepts a valid one', async () => {
    const { onSubmit, user } = setup();
    await user.type(screen.getByRole('textbox', { name: 'Status name' }), 'Won');
    const hex = screen.getByRole('textbox', { name: 'Color hex' });
    await user.type(hex, '#12345');
    await user.click(screen.getByRole('button', { name: 'Add status' }));
    expect(hex).toHaveAccessibleDescription('Color must look like #RRGGBB, e.g. #1E40AF');
    expect(onSubmit).not.toHaveBeenCalled();
    await user.type(hex, 'f');
    await user.click(screen.getByRole('button', { name: 'Add status' }));
    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Won',
      description: null,
      color_hex: '#12345F',
      icon_name: null,
      is_final: false,
      ai_action_template: null,
    });
  });

  it('shows field messages from the mutation validation', async () => {
    const onSubmit = vi.fn(() =>
      Promise.reject(MutationValidationError.single('create_pipeline_status', 'name', 'Taken')),
    );
    const { user } = setup({ onSubmit });
    await user.type(screen.getByRole('textbox', { name: 'Status name' }), 'Won');
    await user.click(screen.getByRole('button', { name: 'Add status' }));
    expect(await screen.findByText('Taken')).toBeInTheDocument();
  });

  it('submits every field', async () => {
    const { onSubmit, user } = setup();
    await user.type(screen.getByRole('textbox', { name: 'Status name' }), '  Won  ');
    await user.type(screen.getByRole('textbox', { name: 'Status description' }), 'Signed');
    await user.click(screen.getByRole('checkbox', { name: /Final status/ }));
    const icon = screen.getByRole('combobox', { name: 'Icon' });
    await user.clear(icon);
    await user.type(icon, 'trophy');
    await user.click(screen.getByRole('option', { name: 'trophy' }));
    await user.click(screen.getByRole('button', { name: '{{full_name}}' }));
    await user.click(screen.getByRole('button', { name: 'Add status' }));
    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Won',
      description: 'Signed',
      color_hex: null,
      icon_name: 'trophy',
      is_final: true,
      ai_action_template: '{{full_name}}',
    });
  });

  it('cancels', async () => {
    const { onCancel, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });
});
