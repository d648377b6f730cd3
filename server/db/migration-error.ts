/** A migration or rollback file failed; nothing of it was kept (its transaction rolled back). */
export class MigrationError extends Error {
  readonly fileName: string;
  readonly code: string | undefined;

  constructor(fileName: string, sql: string, cause: unknown) {
    super(`${fileName}: ${describeDatabaseError(cause, sql)}`, { cause });
    this.name = 'MigrationError';
    this.fileName = fileName;
    this.code = errorField(cause, 'code');
  }
}

function errorField(error: unknown, field: string): string | undefined {
  if (typeof error !== 'object' || error === null || !(field in error)) return undefined;
  const value = (error as Record<string, unknown>)[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** One line: message, SQLSTATE, line in the file, and Postgres' detail/hint/context when present. */
export function describeDatabaseError(error: unknown, sql?: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const parts = [message];
  const code = errorField(error, 'code');
  const position = Number(errorField(error, 'position'));
  const facts: string[] = [];
  if (code) facts.push(`SQLSTATE ${code}`);
  if (sql !== undefined && Number.isInteger(position) && position > 0) {
    facts.push(`line ${sql.slice(0, position - 1).split('\n').length}`);
  }
  if (facts.length > 0) parts.push(`(${facts.join(', ')})`);
  const detail = errorField(error, 'detail');
  const hint = errorField(error, 'hint');
  const where = errorField(error, 'where')?.split('\n')[0];
  if (detail) parts.push(`— detail: ${detail}`);
  if (hint) parts.push(`— hint: ${hint}`);
  if (where) parts.push(`— at: ${where}`);
  return parts.join(' ');
}
