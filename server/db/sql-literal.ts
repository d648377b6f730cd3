import pg from 'pg';

// A value as an SQL string literal, for the one place that must send values inside the SQL text:
// `Database.batch` (the simple query protocol, which has no parameters, is what lets several
// statements go in one round trip). node-postgres' escapeLiteral doubles quotes and, when the
// value has a backslash, writes an E'' literal with backslashes doubled, so the text means the
// same whatever standard_conforming_strings says. NUL cannot be in a Postgres text value at all.

export function sqlLiteral(value: string): string {
  if (value.includes('\u0000')) throw new Error('a text value cannot contain NUL (\\u0000)');
  return pg.escapeLiteral(value);
}
