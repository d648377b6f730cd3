import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

// Which engine the database tests run on. With TEST_DATABASE_URL: plain PostgreSQL, or — with
// TEST_DATABASE_FLAVOR=hosted-supabase — a PostgreSQL database first prepared the way a hosted
// Supabase project is (supabase/bootstrap/hosted-supabase-defaults.sql: default grants to the API
// roles, the Realtime publication, extensions). Without it: embedded PGlite.

const HOSTED_FLAVOR = 'hosted-supabase';

function flavor(): 'pglite' | 'postgres' | 'hosted-supabase' {
  if (!process.env.TEST_DATABASE_URL) return 'pglite';
  const requested = process.env.TEST_DATABASE_FLAVOR;
  if (requested === undefined || requested === '' || requested === 'postgres') return 'postgres';
  if (requested === HOSTED_FLAVOR) return HOSTED_FLAVOR;
  throw new Error(`TEST_DATABASE_FLAVOR must be postgres or ${HOSTED_FLAVOR}, not "${requested}"`);
}

export const engineName = flavor();

const bootstrap = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../supabase/bootstrap/${name}`, import.meta.url)), 'utf8');

/** Prepares a freshly created, empty database for the selected flavor (no-op unless hosted). */
export async function prepareDatabase(url: string): Promise<void> {
  if (engineName !== HOSTED_FLAVOR) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(bootstrap('supabase-compat.sql'));
    await client.query(bootstrap('hosted-supabase-defaults.sql'));
  } finally {
    await client.end();
  }
}
