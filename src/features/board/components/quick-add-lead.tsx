import { useId, useState, type FormEvent } from 'react';
import { PRODUCTS } from '../../../sync/types.ts';
import { errorsByField, otherErrors } from '../utils/field-errors.ts';

type QuickAddLeadProps = {
  statusName: string;
  /** Resolves to field errors (by argument path) when the lead was refused, else null. */
  onAdd: (values: {
    full_name: string;
    product: string;
  }) => Promise<Record<string, string[]> | null>;
};

/** "Add lead" at the top of a column: a name and a product are enough to start. */
export function QuickAddLead({ statusName, onAdd }: QuickAddLeadProps) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [product, setProduct] = useState<string>('auto');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const ids = { form: useId(), name: useId(), product: useId(), nameError: useId() };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await onAdd({ full_name: name, product });
    if (result) {
      setErrors(errorsByField(result));
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
