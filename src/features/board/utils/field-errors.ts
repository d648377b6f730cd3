/**
 * MutationValidationError keys its messages by argument path ('patch.email', 'full_name', '').
 * Forms show them next to the input they belong to: the last path segment is the field name.
 */
export function errorsByField(fieldErrors: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const field = path.split('.').at(-1) ?? '';
    const message = messages.join(' ');
    out[field] = out[field] ? `${out[field]} ${message}` : message;
  }
  return out;
}

/** Messages that match none of `fields` (shown once, above the form). */
export function otherErrors(errors: Record<string, string>, fields: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([field]) => !fields.includes(field))
    .map(([, message]) => message);
}
