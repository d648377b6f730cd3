import type { QueryResult } from './database.ts';

// Commands whose row count means "rows changed"; for anything else (SELECT, DDL) both engines
// report a number that is not an affected-row count, so we leave affectedRows out.
const DML_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'COPY']);

export function toQueryResult<Row>(
  rows: Row[],
  command: string | null | undefined,
  rowCount: number | null | undefined,
): QueryResult<Row> {
  if (command && DML_COMMANDS.has(command.toUpperCase()) && typeof rowCount === 'number') {
    return { rows, affectedRows: rowCount };
  }
  return { rows };
}
