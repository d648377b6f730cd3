// Who may use the passwordless demo sign-in (/auth/v1/local/users and /sign-in). It hands out a
// manager's session to anyone who asks, so by default only this machine may ask, and nobody
// under NODE_ENV=production. LEADLANES_DEMO_SIGN_IN overrides: loopback | anywhere | off.

export type DemoSignIn = 'loopback' | 'anywhere' | 'off';

const MODES: readonly DemoSignIn[] = ['loopback', 'anywhere', 'off'];

export function demoSignInFromEnv(env: NodeJS.ProcessEnv = process.env): DemoSignIn {
  const value = env.LEADLANES_DEMO_SIGN_IN?.trim().toLowerCase();
  if (value === undefined || value === '') {
    return env.NODE_ENV === 'production' ? 'off' : 'loopback';
  }
  if ((MODES as readonly string[]).includes(value)) return value as DemoSignIn;
  throw new Error(
    `LEADLANES_DEMO_SIGN_IN must be one of ${MODES.join(', ')} (got ${JSON.stringify(value)})`,
  );
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (a dual-stack socket reports those). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

export function signInAllowed(mode: DemoSignIn, remoteAddress: string | undefined): boolean {
  if (mode === 'anywhere') return true;
  return mode === 'loopback' && isLoopbackAddress(remoteAddress);
}
