// Status names are unique per pipeline, case-insensitively and ignoring outer spaces — the same
// rule the database enforces (unique index on (pipeline_id, lower(name)), names stored trimmed).
// Checking it here gives the inline error before the change ever reaches the server.

export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** The other status already called `name` in this pipeline, if any. */
export function findDuplicateName<T extends { id: string; name: string }>(
  siblings: readonly T[],
  name: string,
  exceptId?: string,
): T | undefined {
  const key = nameKey(name);
  if (key === '') return undefined;
  return siblings.find((s) => s.id !== exceptId && nameKey(s.name) === key);
}
