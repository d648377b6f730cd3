import { spawnSync } from 'node:child_process';
import { resolveTarget } from './db-target.ts';
import { runCommand } from './run-command.ts';

// `supabase db advisors` runs Supabase's database linter (security and performance) over a
// connection string. It needs a real PostgreSQL: the CLI cannot reach an embedded PGlite.
runCommand('advisors', () => {
  const target = resolveTarget();
  if (target.kind !== 'postgres') {
    throw new Error(
      'db:advisors needs a real PostgreSQL: set DATABASE_URL (the Supabase CLI cannot open PGlite)',
    );
  }
  const extra = process.argv.slice(2);
  console.log(`Running Supabase advisors on ${target.label}`);
  const result = spawnSync(
    'npx',
    [
      '--no-install',
      'supabase',
      'db',
      'advisors',
      '--db-url',
      target.url,
      '--type',
      'all',
      '--fail-on',
      'warn',
      ...extra,
    ],
    { stdio: 'inherit' },
  );
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(
      `supabase db advisors exited with ${result.status ?? 'a signal'} (a WARN or ERROR lint, or no connection)`,
    );
});
