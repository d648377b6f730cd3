import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

// The local backend signs and verifies every token with one HS256 secret, as a Supabase project
// does. Taken from LEADLANES_JWT_SECRET when set; otherwise a random one is made on first run and
// kept beside the local database, so tokens survive a restart without any setup.

const MIN_SECRET_LENGTH = 32;

export function loadJwtSecret(
  secretFile: string,
  fromEnv = process.env.LEADLANES_JWT_SECRET,
): string {
  if (fromEnv !== undefined && fromEnv !== '') return checked(fromEnv, 'LEADLANES_JWT_SECRET');
  try {
    return checked(readFileSync(secretFile, 'utf8').trim(), secretFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(secretFile), { recursive: true });
  // `wx`: if two processes start at once, the second fails here instead of overwriting.
  writeFileSync(secretFile, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

function checked(secret: string, source: string): string {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `The JWT secret from ${source} must be at least ${MIN_SECRET_LENGTH} characters`,
    );
  }
  return secret;
}
