import type { LocalDb } from '../local-db.ts';
import { queuedRowsOf, type QueuedRow } from '../queued-rows.ts';

const asText = ({ mutation_id, row }: QueuedRow) => `${mutation_id} ${row}`;

/**
 * The outbox's copy of its `touched` keys as stored, beside what the outbox itself says it
 * should be (both sorted, one "mutation_id row" string each): tests expect them equal.
 */
export async function queuedRowsCopy(
  db: LocalDb,
): Promise<{ stored: string[]; expected: string[] }> {
  const stored = (await db.queued_rows.toArray()).map(asText).sort();
  const expected = [...new Set(queuedRowsOf(await db.outbox.toArray()).map(asText))].sort();
  return { stored, expected };
}
