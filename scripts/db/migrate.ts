import { applyMigrations } from '../../server/db/apply-migrations.ts';
import { openTarget, resolveTarget } from './db-target.ts';
import { runCommand, withClosing } from './run-command.ts';

runCommand('migrate', async () => {
  const target = resolveTarget();
  console.log(`Migrating ${target.label}`);
  const { applied } = await withClosing(openTarget(target), (db) =>
    applyMigrations(db, { onApply: (file) => console.log(`  applying ${file.fileName}`) }),
  );
  console.log(
    applied.length > 0 ? `Applied ${applied.length} migration(s).` : 'Already up to date.',
  );
});
