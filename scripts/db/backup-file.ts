import { readFileSync, statSync } from 'node:fs';

// What a complete plain-format pg_dump looks like: a header, and a footer written only at the end
// (a dump cut short by a full disk or a killed process has no footer).
const HEADER = '-- PostgreSQL database dump';
const FOOTER = '-- PostgreSQL database dump complete';

/** Reads a backup and refuses anything that is not a complete pg_dump plain-text file. */
export function readBackupFile(path: string): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new Error(`Backup file not found: ${path}`);
  }
  if (size === 0) throw new Error(`Backup file is empty: ${path}`);
  const text = readFileSync(path, 'utf8');
  assertCompleteDump(text, path);
  return text;
}

export function assertCompleteDump(text: string, label: string): void {
  if (!text.slice(0, 200).includes(HEADER)) {
    throw new Error(`${label} is not a pg_dump plain-text backup (no "${HEADER}" header)`);
  }
  if (!text.includes(FOOTER)) {
    throw new Error(`${label} is incomplete: it lacks pg_dump's "dump complete" footer`);
  }
}

/** Schemas the dump creates; a restore drops these first so the backup replaces them exactly. */
export function schemasInDump(text: string): string[] {
  return [...text.matchAll(/^CREATE SCHEMA ([a-z_][a-z0-9_]*);$/gm)].map((m) => m[1] ?? '');
}
