import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ActionTemplateEditor } from './action-template-editor.tsx';
import { ColorField } from './color-field.tsx';
import { ICON_NAMES } from '../../../components/icon-catalogue.ts';
import { IconPicker, searchIcons } from './icon-picker.tsx';

// The widgets are controlled; these harnesses hold the value the way the status form does.
function Color({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return <ColorField value={value} onChange={setValue} previewText="Won" />;
}
function Icon() {
  const [value, setValue] = useState('');
  return (
    <>
      <IconPicker value={value} onChange={setValue} />
      <output aria-label="Chosen icon">{value}</output>
    </>
  );
}
function Template({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return <ActionTemplateEditor value={value} onChange={setValue} statusName="Quoted" />;
}

describe('ColorField', () => {
  it('previews the status with readable text and its contrast ratio', () => {
    render(<Color initial="#FEF08A" />);
    const chip = screen.getByText(/^Won/);
    expect(chip).toHaveStyle({ color: '#000000' });
    expect(chip).toHaveTextContent(/contrast \d+\.\d:1/);
  });

  it('keeps picker and text input in step', async () => {
    const user = userEvent.setup();
    render(<Color initial="#1E40AF" />);
    const hex = screen.getByRole('textbox', { name: 'Color hex' });
    await user.clear(hex);
    await user.type(hex, '#FFFFFF');
    expect(screen.getByLabelText('Color picker')).toHaveValue('#ffffff');
    expect(screen.getByText(/^Won/)).toHaveStyle({ color: '#000000' });
  });

  it('shows "no color" while the text is not a color', async () => {
    const user = userEvent.setup();
    render(<Color initial="" />);
    await user.type(screen.getByRole('textbox', { name: 'Color hex' }), '#12');
    expect(screen.getByText(/^Won/)).toHaveTextContent('(no color)');
  });
});

describe('IconPicker', () => {
  it('limits results and ranks prefix matches first', () => {
    expect(searchIcons('', ICON_NAMES).length).toBe(40);
    const results = searchIcons('phone', ICON_NAMES);
    expect(results[0]).toMatch(/^phone/);
    expect(results.every((n) => n.includes('phone'))).toBe(true);
  });

  it('is a combobox: type to filter, arrows to move, Enter to pick', async () => {
    const user = userEvent.setup();
    render(<Icon />);
    const input = screen.getByRole('combobox', { name: 'Icon' });
    await user.type(input, 'troph');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    const options = await screen.findAllByRole('option'); // the catalogue loads on demand
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    expect(input).toHaveAttribute('aria-activedescendant', options[0]?.id);
    await user.keyboard('{ArrowDown}{ArrowUp}{Enter}');
    expect(screen.getByRole('status', { name: 'Chosen icon' })).toHaveTextContent('trophy');
    await user.clear(input);
    await user.type(input, 'phone');
    const second = screen.getAllByRole('option')[1]?.textContent?.trim();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByRole('status', { name: 'Chosen icon' })).toHaveTextContent(second ?? '-');
    expect(input).toHaveAttribute('aria-expanded', 'false');
  });

  it('says when nothing matches', async () => {
    const user = userEvent.setup();
    render(<Icon />);
    await user.type(screen.getByRole('combobox', { name: 'Icon' }), 'zzzz-nothing');
    await waitFor(() =>
      expect(screen.getByRole('listbox', { name: 'Icons' })).toHaveTextContent('No icon matches'),
    );
  });
});

describe('ActionTemplateEditor', () => {
  it('previews the action for a sample lead', () => {
    render(<Template initial="Call {{full_name}} about {{product}} ({{status_name}})" />);
    expect(screen.getByRole('status', { name: 'Action preview' })).toHaveTextContent(
      'Call Jane Doe about home (Quoted)',
    );
  });

  it('flags unknown placeholders and shows them in the preview', () => {
    render(<Template initial="Call {{fullname}}" />);
    expect(screen.getByText(/Unknown placeholder: \{\{fullname\}\}/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Action template' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByRole('status', { name: 'Action preview' })).toHaveTextContent(
      '[unknown field: fullname]',
    );
  });

  it('inserts a field chip at the cursor', async () => {
    const user = userEvent.setup();
    render(<Template initial="Call  now" />);
    const text = screen.getByRole('textbox', { name: 'Action template' });
    await user.click(text);
    (text as HTMLTextAreaElement).setSelectionRange(5, 5);
    await user.click(screen.getByRole('button', { name: '{{first_name}}' }));
    expect(text).toHaveValue('Call {{first_name}} now');
  });
});
