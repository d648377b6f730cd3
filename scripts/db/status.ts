import { migrationStatus } from '../../server/db/migration-status.ts';
import { openTarget, resolveTarget } from './db-target.ts';
import { runCommand, withClosing } from './run-command.ts';

runCommand('status', async () => {
  const target = resolveTarget();
  console.log(`Status of ${target.label}\n`);
  const status = await withClosing(openTarget(target), (db) => migrationStatus(db));

  console.log('Migrations (supabase_migrations.schema_migrations):');
  for (const m of status.migrations) {
    const state = m.applied ? 'applied' : 'pending';
    console.log(
      `  ${state.padEnd(8)} ${m.fileName}${m.hasRollback ? '' : '  (no rollback file!)'}`,
    );
  }
  for (const version of status.unknownApplied) {
    console.log(`  applied  ${version}  (no file in supabase/migrations)`);
  }

  console.log('\nFeatures (public.schema_versions):');
  if (status.schemaVersions === null) console.log('  (table not created yet)');
  for (const v of status.schemaVersions ?? []) {
    const state = v.is_active
      ? `active since ${v.applied_at?.toISOString() ?? '?'}`
      : `rolled back at ${v.rolled_back_at?.toISOString() ?? '?'}`;
    console.log(`  ${v.version}: ${state}`);
  }
  console.log(`\n${status.pending.length} pending: ${status.pending.join(', ') || 'none'}`);
});
