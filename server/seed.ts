import { readFileSync } from 'node:fs';
import type { Database } from './db/database.ts';
import { SEED_SQL } from './paths.ts';

/**
 * Loads supabase/seed.sql once, on a database nobody has used yet (no profiles). In one
 * transaction: a half-seeded database would look "used" and never be completed.
 */
export async function seedIfNew(db: Database, seedFile = SEED_SQL): Promise<boolean> {
  const sql = readFileSync(seedFile, 'utf8');
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ used: boolean }>(
      `select exists (select 1 from public.profiles) as used`,
    );
    if (rows[0]?.used) return false;
    await tx.exec(sql);
    return true;
  });
}
