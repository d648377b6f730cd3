import { backupTarget } from './backup-target.ts';
import { resolveTarget } from './db-target.ts';
import { runCommand } from './run-command.ts';

runCommand('backup', async () => {
  const target = resolveTarget();
  console.log(`Backing up ${target.label}`);
  const path = await backupTarget(target);
  console.log(`Backup written: ${path}`);
});
