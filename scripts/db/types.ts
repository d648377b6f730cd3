import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTypes } from './generate-types.ts';
import { openTarget, resolveTarget } from './db-target.ts';
import { runCommand, withClosing } from './run-command.ts';

const OUTPUT = fileURLToPath(new URL('../../src/lib/database.types.ts', import.meta.url));

// On PostgreSQL: `supabase gen types typescript --db-url`, the reference generator. The CLI reads
// the schema through postgres-meta, which it runs in Docker; without Docker (and on PGlite, which
// the CLI cannot reach) the built-in catalog generator writes the same shape.
function generateWithCli(url: string): { types: string } | { problem: string } {
  const result = spawnSync(
    'npx',
    [
      '--no-install',
      'supabase',
      'gen',
      'types',
      'typescript',
      '--db-url',
      url,
      '--schema',
      'public',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status === 0 && result.stdout.includes('export type Database'))
    return { types: result.stdout };
  const output = `${result.stderr}\n${result.stdout}`.split('\n');
  const line = output.find((l) => /docker|error|fail/i.test(l))?.trim() ?? 'no output';
  return { problem: line };
}

runCommand('types', async () => {
  const target = resolveTarget();
  console.log(`Generating TypeScript types from ${target.label}`);
  let types: string | undefined;
  if (target.kind === 'postgres') {
    const cli = generateWithCli(target.url);
    if ('types' in cli) types = cli.types;
    else
      console.log(
        `  supabase gen types could not run (${cli.problem}); using the built-in generator`,
      );
  } else {
    console.log('  PGlite: the Supabase CLI cannot connect to it; using the built-in generator');
  }
  types ??= await withClosing(openTarget(target), (db) => generateTypes(db));
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, types);
  console.log(`Wrote ${OUTPUT}`);
});
