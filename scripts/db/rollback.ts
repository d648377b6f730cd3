import { migrationStatus } from '../../server/db/migration-status.ts';
import { rollbackMigration } from '../../server/db/rollback-migration.ts';
import { backupTarget } from './backup-target.ts';
import { openTarget, resolveTarget } from './db-target.ts';
import { runCommand, withClosing } from './run-command.ts';

runCommand('rollback', async () => {
  const version = process.argv[2];
  if (!version) throw new Error('usage: npm run db:rollback -- <version, e.g. 20250501000000>');
  const target = resolveTarget();

  // Check before the (possibly long) backup; rollbackMigration checks again under the lock.
  const status = await withClosing(openTarget(target), (db) => migrationStatus(db));
  const wanted = status.migrations.find((m) => version.startsWith(m.version));
  if (!wanted) throw new Error(`no migration file for version ${version}`);
  if (!wanted.applied) throw new Error(`${wanted.fileName} is not applied; nothing to roll back`);
  if (!wanted.hasRollback) throw new Error(`${wanted.fileName} has no file in supabase/rollbacks/`);
  const later = status.migrations.filter((m) => m.applied && m.version > wanted.version);
  if (later.length > 0) {
    throw new Error(
      `later migration ${later.map((m) => m.fileName).join(', ')} is still applied; roll it back first`,
    );
  }

  console.log(`Backing up ${target.label} first`);
  const backup = await backupTarget(target);
  console.log(`  backup written: ${backup}`);
  console.log(`Rolling back ${wanted.fileName}`);
  await withClosing(openTarget(target), (db) => rollbackMigration(db, wanted.version));
  console.log(`Rolled back ${wanted.fileName}; its history row is removed.`);
  console.log(`To undo this rollback: npm run db:restore -- ${backup} --yes`);
});
