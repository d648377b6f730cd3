import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestFunctions } from './support/test-functions.ts';
import { DEMO, createTestLocation, engineName, startTestBackend } from './support/test-backend.ts';
import type { TestBackend, TestDatabaseLocation } from './support/test-backend.ts';

let location: TestDatabaseLocation;
let t: TestBackend;

beforeAll(async () => {
  location = await createTestLocation();
  t = await startTestBackend(location);
  await createTestFunctions(t.backend.db);
});
afterAll(async () => {
  await t.stop();
  await location.drop();
});

interface SseEvent {
  event: string;
  id: string | undefined;
  data: string;
}

/** Reads server-sent events from a fetch body, one parsed event per `next()`. */
async function openEvents(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    res,
    async next(): Promise<SseEvent> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = block
            .split('\n')
            .filter((line) => !line.startsWith(':') && line.includes(':'));
          if (fields.length === 0 || fields.every((f) => f.startsWith('retry:'))) continue;
          const get = (name: string) =>
            fields
              .find((f) => f.startsWith(`${name}:`))
              ?.slice(name.length + 1)
              .trim();
          return { event: get('event') ?? 'message', id: get('id'), data: get('data') ?? '' };
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('event stream ended');
        buffer += value;
      }
    },
    close: () => controller.abort(),
  };
}

describe(`change events (${engineName})`, () => {
  it('refuses a stream without the anon key, with a forged one, or with a user token as key', async () => {
    const keyless = await fetch(`${t.url}/realtime/v1/local/changes`);
    expect(keyless.status).toBe(401);
    await keyless.body?.cancel();
    const forged = await fetch(`${t.url}/realtime/v1/local/changes?apikey=forged`);
    expect(forged.status).toBe(401);
    const token = await t.signIn(DEMO.maya.email);
    const userToken = await fetch(`${t.url}/realtime/v1/local/changes?apikey=${token}`);
    expect(userToken.status).toBe(401);
    const anon = await openEvents(`${t.url}/realtime/v1/local/changes?apikey=${t.backend.anonKey}`);
    expect(anon.res.status).toBe(200);
    expect((await anon.next()).event).toBe('ready');
    anon.close();
  });

  it('sends a change after each committed mutating call, and none for reads or failures', async () => {
    const stream = await openEvents(
      `${t.url}/realtime/v1/local/changes?apikey=${t.backend.anonKey}`,
    );
    expect(stream.res.headers.get('content-type')).toContain('text/event-stream');
    const ready = await stream.next();
    expect(ready.event).toBe('ready');
    const start = (JSON.parse(ready.data) as { seq: number }).seq;

    const ana = t.client(await t.signIn(DEMO.ana.email));
    await ana.rpc('whoami'); // stable: no event
    await ana.rpc('test_refuse', { reason: 'rolled back' }); // volatile but failed: no event
    await ana.rpc('test_add_item', { item_id: 1 }); // volatile, committed: one event

    const change = await stream.next();
    expect(change.event).toBe('change');
    expect(change.id).toBe(String(start + 1));
    // Only the counter: which function ran (and so what a colleague is doing) is not broadcast.
    expect(JSON.parse(change.data)).toEqual({ seq: start + 1 });

    await ana.rpc('test_nothing');
    const second = await stream.next();
    expect(second.id).toBe(String(start + 2));
    stream.close();
  });

  it('tells a client that reconnects with an old Last-Event-ID to pull at once', async () => {
    const current = t.backend.changes.seq;
    const stream = await openEvents(`${t.url}/realtime/v1/local/changes`, {
      apikey: t.backend.anonKey,
      'Last-Event-ID': String(current - 1),
    });
    expect((await stream.next()).event).toBe('ready');
    const catchUp = await stream.next();
    expect(catchUp).toMatchObject({ event: 'change', id: String(current) });
    stream.close();
  });
});
