import { useId } from 'react';

type FormFieldProps = {
  name: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'tel';
  inputMode?: 'decimal';
  required?: boolean;
  /** From the mutation's schema (maxLengthOf), never typed in by hand. */
  maxLength?: number | undefined;
  multiline?: boolean;
  options?: readonly { value: string; label: string }[];
};

/** A labelled input, select or textarea whose error is shown below it and announced with it. */
export function FormField(props: FormFieldProps) {
  const { name, label, value, error, onChange } = props;
  const id = useId();
  const errorId = `${id}-error`;
  const common = {
    id,
    name,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    required: props.required,
    maxLength: props.maxLength,
  } as const;
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {props.options ? (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : props.multiline ? (
        <textarea {...common} rows={4} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
