import { fileURLToPath } from 'node:url';

// Resolved from this file, so the backend finds its files whatever the current directory is.
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.data/pglite', import.meta.url));
export const DEFAULT_SECRET_FILE = fileURLToPath(new URL('../.data/jwt-secret', import.meta.url));
export const SEED_SQL = fileURLToPath(new URL('../supabase/seed.sql', import.meta.url));
