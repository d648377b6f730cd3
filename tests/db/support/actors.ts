import type { Database, QueryResult, SqlExecutor } from '../../../server/db/database.ts';

/** Who a statement runs as: PostgREST's anon role, or a signed-in user (role authenticated). */
export type Actor = { role: 'anon' } | { role: 'authenticated'; userId: string };

export type Outcome =
  | { ok: true; rows: Record<string, unknown>[]; affectedRows: number | undefined }
  | { ok: false; code: string | undefined; message: string };

// Thrown to make the transaction roll back after a successful callback.
class RolledBack extends Error {}

/**
 * Runs `fn` as PostgREST would for this actor: JWT claims in request.jwt.claims and
 * `set local role`, inside a transaction that is always rolled back (cells stay independent).
 */
export async function asActor<T>(
  db: Database,
  actor: Actor,
  fn: (tx: SqlExecutor) => Promise<T>,
): Promise<T> {
  let result: { value: T } | undefined;
  await db
    .transaction(async (tx) => {
      const claims =
        actor.role === 'anon' ? { role: 'anon' } : { sub: actor.userId, role: 'authenticated' };
      await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
      await tx.exec(`set local role ${actor.role}`);
      result = { value: await fn(tx) };
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  if (!result) throw new Error('asActor: callback did not complete');
  return result.value;
}

/** One statement as the actor; a database error becomes an outcome instead of a throw. */
export async function tryAs(
  db: Database,
  actor: Actor,
  sql: string,
  params: unknown[] = [],
): Promise<Outcome> {
  try {
    const result: QueryResult<Record<string, unknown>> = await asActor(db, actor, (tx) =>
      tx.query(sql, params),
    );
    return { ok: true, rows: result.rows, affectedRows: result.affectedRows };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { ok: false, code, message: error instanceof Error ? error.message : String(error) };
  }
}
