import { useId, useRef } from 'react';
import {
  TEMPLATE_FIELDS,
  parseTemplate,
  unknownPlaceholders,
  type TemplateValues,
} from '../../../lib/action-template.ts';

type ActionTemplateEditorProps = {
  value: string;
  onChange: (value: string) => void;
  statusName: string;
  error?: string | undefined;
};

const SAMPLE_LEAD: TemplateValues = {
  full_name: 'Jane Doe',
  first_name: 'Jane',
  email: 'jane.doe@example.com',
  phone: '+1 555 0100',
  product: 'home',
  estimated_premium: 1200,
  source: 'Website',
  agent_name: 'Ana Agent',
};

/** Textarea with insertable field chips, unknown-placeholder warnings and a sample preview. */
export function ActionTemplateEditor(props: ActionTemplateEditorProps) {
  const { value, onChange, statusName, error } = props;
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const unknown = [...new Set(unknownPlaceholders(value))];
  const segments = parseTemplate(value, { ...SAMPLE_LEAD, status_name: statusName || 'New' });

  const insert = (field: string) => {
    const el = ref.current;
    const token = `{{${field}}}`;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <fieldset className="pl-action-template-editor">
      <legend>AI action template</legend>
      <label htmlFor={`${id}-text`}>Action template</label>
      <textarea
        id={`${id}-text`}
        ref={ref}
        value={value}
        rows={3}
        aria-invalid={error || unknown.length > 0 ? true : undefined}
        aria-describedby={`${id}-fields ${id}-problems`}
        onChange={(event) => onChange(event.target.value)}
      />
      <div id={`${id}-fields`} role="group" aria-label="Insert a lead field">
        {TEMPLATE_FIELDS.map((field) => (
          <button key={field} type="button" className="pl-chip" onClick={() => insert(field)}>
            {`{{${field}}}`}
          </button>
        ))}
      </div>
      <div id={`${id}-problems`} aria-live="polite">
        {unknown.length > 0 ? (
          <p className="pl-field-warning">
            Unknown placeholder{unknown.length > 1 ? 's' : ''}:{' '}
            {unknown.map((u) => `{{${u}}}`).join(', ')}. Use one of the fields above.
          </p>
        ) : null}
        {error ? <p className="pl-field-error">{error}</p> : null}
      </div>
      <p className="pl-template-preview">
        <span>Preview for a sample lead: </span>
        <output aria-label="Action preview">
          {segments.map((s, i) =>
            s.kind === 'text' || s.kind === 'value' ? (
              <span key={i}>{s.text}</span>
            ) : s.kind === 'missing' ? (
              <mark key={i}>[no {s.field}]</mark>
            ) : (
              <mark key={i} className="pl-unknown">
                [unknown field: {s.placeholder || 'empty'}]
              </mark>
            ),
          )}
        </output>
      </p>
    </fieldset>
  );
}
