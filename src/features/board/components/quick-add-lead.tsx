import { useId, useState, type FormEvent } from 'react';
import { leadFields } from '../../../sync/mutations/fields.ts';
import { maxLengthOf } from '../../../sync/schema-limits.ts';
import { PRODUCTS } from '../../../sync/types.ts';
import { otherErrors, type FormErrors } from '../../../sync/form-errors.ts';

type QuickAddLeadProps = {
  statusName: string;
  /** Resolves to messages by field when the lead was refused, else null. */
  onAdd: (values: { full_name: string; product: string }) => Promise<FormErrors | null>;
};

/** "Add lead" at the top of a column: a name and a product are enough to start. */
export function QuickAddLead({ statusName, onAdd }: QuickAddLeadProps) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [product, setProduct] = useState<string>('auto');
  const [errors, setErrors] = useState<FormErrors>({});
  const ids = { form: useId(), name: useId(), product: useId(), nameError: useId() };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await onAdd({ full_name: name, product });
    if (result) {
      setErrors(result);
      return;
    }
    setErrors({});
    setName('');
  }

  if (!open) {
    return (
      <button
        type="button"
        className="quick-add-toggle"
        aria-label={`Add lead to ${statusName}`}
        onClick={() => setOpen(true)}
      >
        + Add lead
      </button>
    );
  }

  const general = otherErrors(errors, ['full_name', 'product']);
  return (
    // Escape anywhere in the form closes it (a keyboard shortcut, not the form's only control).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form
      className="quick-add"
      aria-label={`Add lead to ${statusName}`}
      noValidate
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
    >
      <label htmlFor={ids.name}>Full name</label>
      <input
        id={ids.name}
        value={name}
        maxLength={maxLengthOf(leadFields.full_name)}
        // Opening the form is an explicit request to type a name.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus
        aria-invalid={errors.full_name ? true : undefined}
        aria-describedby={errors.full_name ? ids.nameError : undefined}
        onChange={(e) => setName(e.target.value)}
      />
      {errors.full_name && (
        <p id={ids.nameError} className="field-error">
          {errors.full_name}
        </p>
      )}
      <label htmlFor={ids.product}>Product</label>
      <select id={ids.product} value={product} onChange={(e) => setProduct(e.target.value)}>
        {PRODUCTS.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
      {errors.product && <p className="field-error">{errors.product}</p>}
      {general.map((message) => (
        <p key={message} className="field-error" role="alert">
          {message}
        </p>
      ))}
      <div className="quick-add-actions">
        <button type="submit">Add</button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
