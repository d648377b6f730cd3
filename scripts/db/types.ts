import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveTarget } from './db-target.ts';
import { runCommand } from './run-command.ts';

const OUTPUT = fileURLToPath(new URL('../../src/lib/database.types.ts', import.meta.url));

// `supabase gen types typescript --db-url` reads the schema through postgres-meta, which the CLI
// runs as a Docker container: it needs a real PostgreSQL reachable by URL and a Docker daemon.
runCommand('types', () => {
  const target = resolveTarget();
  if (target.kind !== 'postgres') {
    throw new Error(
      'db:types needs a real PostgreSQL: set DATABASE_URL (the Supabase CLI cannot open PGlite); ' +
        'e.g. DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres npm run db:types',
    );
  }
  console.log(`Generating TypeScript types from ${target.label}`);
  const result = spawnSync(
    'npx',
    [
      '--no-install',
      'supabase',
      'gen',
      'types',
      'typescript',
      '--db-url',
      target.url,
      '--schema',
      'public',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error) throw result.error;
  if (result.status !== 0 || !result.stdout.includes('export type Database')) {
    const reason = (result.stderr || result.stdout)
      .trim()
      .split('\n')
      .find((l) => /error|fail|docker/i.test(l));
    throw new Error(
      `supabase gen types failed${reason ? `: ${reason.trim()}` : ''} (the CLI runs postgres-meta in Docker; start Docker and retry)`,
    );
  }
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, result.stdout);
  console.log(`Wrote ${OUTPUT}`);
});
