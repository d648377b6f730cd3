// Where a measured stretch's time goes, for reading beside a figure (never part of it): each
// sync call the page makes (STDERR, ms after the stretch began), and with BENCH_PROFILE=<dir>
// a CPU profile of the page (.cpuprofile, for Chrome DevTools or speedscope).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Request } from '@playwright/test';
import { say } from './figure.ts';

export interface PageTrace {
  /** Prints the calls and writes the profile; call once, when the stretch ends. */
  stop(): Promise<void>;
}

/** Starts tracing `page` now; `name` prefixes the profile's file name. */
export async function tracePage(
  context: BrowserContext,
  page: Page,
  name: string,
): Promise<PageTrace> {
  const dir = process.env.BENCH_PROFILE;
  const profiler = dir ? await context.newCDPSession(page) : null;
  await profiler?.send('Profiler.enable');
  await profiler?.send('Profiler.start');
  const t0 = Date.now();
  const calls: string[] = [];
  const logCall = (request: Request) => {
    const match = /rpc\/(sync_\w+)/.exec(request.url());
    if (!match) return;
    const t = request.timing();
    const at = t.startTime - t0;
    calls.push(`${match[1]} at ${at.toFixed(0)} ms, answered in ${t.responseEnd.toFixed(0)} ms`);
  };
  page.on('requestfinished', logCall);
  return {
    async stop() {
      page.off('requestfinished', logCall);
      for (const call of calls) say(`  ${call}`);
      if (profiler && dir) {
        const { profile } = await profiler.send('Profiler.stop');
        mkdirSync(dir, { recursive: true });
        const file = join(dir, `${name}-${Date.now()}.cpuprofile`);
        writeFileSync(file, JSON.stringify(profile));
        say(`profile: ${file}`);
      }
    },
  };
}
