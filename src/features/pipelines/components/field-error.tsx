/** An inline message tied to its input with aria-describedby (id = `${inputId}-error`). */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="pl-field-error" role="alert">
      {message}
    </p>
  );
}

/** Props that connect an input to its FieldError. */
export function errorProps(id: string, message: string | undefined) {
  return message
    ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` }
    : { 'aria-invalid': undefined };
}
