import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

// PGlite is a single-process database: a second process opening the same directory (a db:*
// command while `npm run dev` runs) can corrupt it. A lock file holding the owner's pid turns
// that into a clear refusal. A lock left by a process that no longer exists is taken over.

const LOCK_FILE = 'leadlanes.lock';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockOwner(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the directory's lock or throws naming the process that holds it; returns the release. */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (lockOwner(path) === process.pid) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = lockOwner(path);
      if (owner !== null && owner !== process.pid && processAlive(owner)) {
        throw new Error(
          `The database in ${dataDir} is in use by process ${owner} (is \`npm run dev\` running?). Stop it first.`,
        );
      }
      if (owner === process.pid) {
        throw new Error(`The database in ${dataDir} is already open in this process.`);
      }
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock the database in ${dataDir}`);
}
