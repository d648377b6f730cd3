import { backupDatabase } from './backup-database.ts';
import { openPgliteTarget, openTarget } from './db-target.ts';
import type { DbTarget } from './db-target.ts';
import { withClosing } from './run-command.ts';

/** Shared by db:backup and db:rollback (which backs up first). */
export async function backupTarget(target: DbTarget): Promise<string> {
  if (target.kind === 'postgres') {
    return withClosing(openTarget(target), (db) =>
      backupDatabase({ kind: 'postgres', url: target.url, db }, target.name),
    );
  }
  return withClosing(openPgliteTarget(target), (db) =>
    backupDatabase({ kind: 'pglite', db }, target.name),
  );
}
