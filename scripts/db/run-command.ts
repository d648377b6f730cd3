/**
 * Runs one db:* command: progress goes to stdout, a failure becomes one clear line on stderr
 * and a non-zero exit code.
 */
export function runCommand(name: string, main: () => Promise<void> | void): void {
  Promise.resolve()
    .then(main)
    .then(
      () => undefined,
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        console.error(`db:${name} failed: ${message.replace(/\s*\n\s*/g, ' ')}`);
        process.exitCode = 1;
      },
    );
}

/** Opens, runs, and always closes (a pool left open would keep the process alive). */
export async function withClosing<D extends { close(): Promise<void> }, T>(
  open: Promise<D>,
  fn: (db: D) => Promise<T>,
): Promise<T> {
  const db = await open;
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
