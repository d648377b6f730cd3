/**
 * Only the fields that differ from `before`: updates are field-level on the server, so sending
 * unchanged fields would overwrite another manager's concurrent edit of those fields.
 */
export function changedFields<T extends Record<string, unknown>>(
  before: Partial<Record<keyof T, unknown>>,
  after: T,
): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (before[key] !== after[key]) patch[key] = after[key];
  }
  return patch;
}
