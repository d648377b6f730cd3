import { readBackupFile } from './backup-file.ts';
import { openTarget, resolveTarget } from './db-target.ts';
import { restoreDatabase } from './restore-database.ts';
import { runCommand, withClosing } from './run-command.ts';

runCommand('restore', async () => {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new Error('usage: npm run db:restore -- <backups/file.sql> --yes');
  const dump = readBackupFile(file);
  const target = resolveTarget();
  if (!args.includes('--yes')) {
    throw new Error(
      `restoring ${file} into ${target.label} REPLACES the schemas in the backup (their tables and ` +
        'all data written since the backup are dropped); run again with --yes to do it',
    );
  }
  console.log(`Restoring ${file} into ${target.label}`);
  const { schemas } = await withClosing(openTarget(target), (db) => restoreDatabase(db, dump));
  console.log(
    `Restored schemas ${schemas.join(', ')}. Run \`npm run db:status\` to see where it stands.`,
  );
});
