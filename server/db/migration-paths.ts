import { fileURLToPath } from 'node:url';

// Resolved from this file so the runner works whatever the current directory is (scripts, tests,
// the dev server).
export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(
  new URL('../../supabase/migrations', import.meta.url),
);
export const DEFAULT_ROLLBACKS_DIR = fileURLToPath(
  new URL('../../supabase/rollbacks', import.meta.url),
);
export const SUPABASE_COMPAT_SQL = fileURLToPath(
  new URL('../../supabase/bootstrap/supabase-compat.sql', import.meta.url),
);
