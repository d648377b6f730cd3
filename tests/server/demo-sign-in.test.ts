import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import type { DemoSignIn } from '../../server/auth/sign-in-policy.ts';
import { demoSignInFromEnv } from '../../server/auth/sign-in-policy.ts';
import { listen } from '../../server/listen.ts';
import type { RunningServer } from '../../server/listen.ts';
import type { Backend } from '../../server/start-backend.ts';
import { DEMO, createTestLocation, engineName, openTestBackend } from './support/test-backend.ts';
import type { TestDatabaseLocation } from './support/test-backend.ts';

// The passwordless sign-in, reached from this machine and from the LAN (this machine's own
// non-loopback address: the request then arrives from a non-loopback source, as a neighbour's).
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;

let location: TestDatabaseLocation;
let backend: Backend;
const servers: RunningServer[] = [];

beforeAll(async () => {
  location = await createTestLocation();
  backend = await openTestBackend(location);
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await backend.close();
  await location.drop();
});

/** The same backend (same database) with another sign-in policy, on every interface. */
async function serveWith(demoSignIn: DemoSignIn): Promise<number> {
  const handler = createApp({
    ...backend,
    apiKeys: [backend.anonKey, backend.serviceRoleKey],
    demoSignIn,
  });
  const server = await listen({ ...backend, handler }, 0, '0.0.0.0');
  servers.push(server);
  return Number(new URL(server.url).port);
}

async function signIn(host: string, port: number): Promise<number> {
  const res = await fetch(`http://${host}:${port}/auth/v1/local/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: DEMO.maya.email }),
  });
  await res.arrayBuffer();
  return res.status;
}

describe(`passwordless demo sign-in guard (${engineName})`, () => {
  it('has a LAN address to test from', () => {
    expect(lanAddress).toBeDefined();
  });

  it('answers on loopback by default, and refuses a LAN neighbour', async () => {
    const port = await serveWith(demoSignInFromEnv({}));
    expect(await signIn('127.0.0.1', port)).toBe(200);
    expect(await signIn(lanAddress ?? '', port)).toBe(403);
    const users = await fetch(`http://${lanAddress ?? ''}:${port}/auth/v1/local/users`);
    expect(users.status).toBe(403);
    expect(await users.text()).not.toContain(DEMO.maya.email);
  });

  it('answers a LAN neighbour only when opted in with LEADLANES_DEMO_SIGN_IN=anywhere', async () => {
    const port = await serveWith(demoSignInFromEnv({ LEADLANES_DEMO_SIGN_IN: 'anywhere' }));
    expect(await signIn(lanAddress ?? '', port)).toBe(200);
  });

  it('is off under NODE_ENV=production, even on loopback, unless opted in', async () => {
    const production = await serveWith(demoSignInFromEnv({ NODE_ENV: 'production' }));
    expect(await signIn('127.0.0.1', production)).toBe(403);
    const optedIn = await serveWith(
      demoSignInFromEnv({ NODE_ENV: 'production', LEADLANES_DEMO_SIGN_IN: 'loopback' }),
    );
    expect(await signIn('127.0.0.1', optedIn)).toBe(200);
    expect(() => demoSignInFromEnv({ LEADLANES_DEMO_SIGN_IN: 'yes' })).toThrow(/loopback/);
  });

  it('a backend started under NODE_ENV=production has it off', async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    let other: Backend;
    const otherLocation = await createTestLocation();
    try {
      other = await openTestBackend(otherLocation);
    } finally {
      process.env.NODE_ENV = before;
    }
    const server = await listen(other, 0);
    try {
      expect(other.demoSignIn).toBe('off');
      expect(await signIn('127.0.0.1', Number(new URL(server.url).port))).toBe(403);
    } finally {
      await server.close();
      await other.close();
      await otherLocation.drop();
    }
  });
});
