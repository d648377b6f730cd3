// Board figures in Chromium that need one pipeline with 2,000 cards per column (issue 12):
// a mouse drag over a 2,000-card column (fps, beside the idle page's fps), the cost of a move
// made with 900+ changes queued (beside the first 100 moves), and 1,000 moves made offline →
// back online → all confirmed (beside the same 1,000 mutations sent straight to sync_push with
// supabase-js). Same production build and local backend as board-chromium.ts.
// BENCH_QUEUE_MOVES (default 1000) and BENCH_QUEUE_COLUMN (default 2000) change the sizes.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createClient, type SupabaseClientOptions } from '@supabase/supabase-js';
import pg from 'pg';
import ws from 'ws';
import type { BenchHooks, MovedLead } from '../../../src/features/board/bench/use-bench-hooks.ts';
import { build, databaseUrl, startServer, type BenchPipeline } from '../lib/app-server.ts';
import {
  allSaved,
  boardReady,
  figure as boardFigure,
  launch,
  MANAGER,
  skipped as skippedFigure,
} from '../lib/board-browser.ts';
import { round, say } from '../lib/figure.ts';
import { tracePage } from '../lib/page-trace.ts';

const SUITE = 'board';
const MOVES = Number(process.env.BENCH_QUEUE_MOVES ?? 1000);
const COLUMN = Number(process.env.BENCH_QUEUE_COLUMN ?? 2000);
const PORT = Number(process.env.BENCH_PORT ?? 4322);
/** What the app's push sends per request (src/sync/push.ts PUSH_BATCH_SIZE). */
const PUSH_BATCH = 300;
const DRAG_MS = 3000;
const figure = (f: Parameters<typeof boardFigure>[1]) => boardFigure(SUITE, f);

type BenchWindow = Window & { __leadlanesBench?: BenchHooks };

/** Frames per second the page paints for `ms`, while `during` runs (or idle). */
async function fps(page: Page, ms: number, during?: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames?: number[]; __recording?: boolean };
    w.__frames = [];
    w.__recording = true;
    const tick = (t: number) => {
      w.__frames?.push(t);
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const until = Date.now() + ms;
  if (during) await during();
  const left = until - Date.now();
  if (left > 0) await page.waitForTimeout(left);
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
  const first = frames[0] ?? 0;
  const last = frames.at(-1) ?? 0;
  return last > first ? ((frames.length - 1) * 1000) / (last - first) : 0;
}

/** A card of column 2 dragged with the mouse up and down over column 1, then dropped back. */
async function dragFps(page: Page, p: BenchPipeline): Promise<void> {
  const card = page
    .getByRole('list', { name: p.statusNames[1], exact: true })
    .getByRole('listitem')
    .first();
  const over = page.getByRole('list', { name: p.statusNames[0], exact: true });
  const from = await card.boundingBox();
  const column = await over.boundingBox();
  if (!from || !column) throw new Error('the card or the column has no box');
  const idle = await fps(page, DRAG_MS);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  // Past the drag library's sloppy-click threshold, then wait for the lift.
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 12, { steps: 3 });
  // The drag library draws the lifted card as a fixed-position clone: no clone, no drag.
  const lifted = await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll<HTMLElement>('[data-rfd-draggable-id]')].some(
          (el) => el.style.position === 'fixed',
        ),
      null,
      { timeout: 5000 },
    )
    .then(
      () => true,
      () => false,
    );
  const x = column.x + column.width / 2;
  const top = column.y + 10;
  const bottom = column.y + column.height - 10;
  const dragging = await fps(page, DRAG_MS, async () => {
    // Top to bottom and back, edge to edge (the column scrolls under the card at the edges).
    const until = Date.now() + DRAG_MS;
    for (let i = 0; Date.now() < until; i++) {
      const phase = (i % 120) / 60;
      const y = phase <= 1 ? top + (bottom - top) * phase : bottom - (bottom - top) * (phase - 1);
      await page.mouse.move(x, y);
    }
  });
  await page.keyboard.press('Escape');
  await page.mouse.up();
  figure({
    what: `mouse drag over a ${COLUMN.toLocaleString('en-US')}-card column (fps over ${DRAG_MS / 1000} s)${lifted ? '' : ' (NOT MEASURED: the card did not lift)'}`,
    size: `${(COLUMN * 3).toLocaleString('en-US')} leads`,
    value: round(dragging, 1),
    unit: 'fps',
    baseline: round(idle, 1),
    baseline_what: 'the same page idle, same duration',
    target: 'keep 60 fps: ≥ 0.95 × idle (ratio = value / baseline)',
    met: lifted ? dragging >= 0.95 * idle : null,
    smallerIsBetter: false,
  });
}

/** Moves per timed chunk of the offline moves: the first chunk and the last are compared. */
const CHUNK = 100;

/**
 * The offline moves, made in the page through the bench hook in chunks of CHUNK, each chunk
 * timed in the page: the first chunk moves with an almost empty queue, the last with MOVES − CHUNK
 * changes already queued. Prints every chunk and emits the last beside the first (a move must
 * not get slower as the queue grows: an agent offline all day queues hundreds).
 */
async function offlineMoves(page: Page): Promise<MovedLead[]> {
  const chunks = await page.evaluate(
    async ({ total, chunk }) => {
      const hooks = (window as BenchWindow).__leadlanesBench;
      if (!hooks) throw new Error('no bench hooks in this build');
      const done: { moved: MovedLead[]; ms: number }[] = [];
      for (let made = 0; made < total; made += chunk) {
        const startedAt = performance.now();
        const moved = await hooks.moveFirst(Math.min(chunk, total - made), 0, 1);
        done.push({ moved, ms: performance.now() - startedAt });
      }
      return done;
    },
    { total: MOVES, chunk: CHUNK },
  );
  const moved = chunks.flatMap((c) => c.moved);
  if (moved.length !== MOVES) throw new Error(`only ${moved.length} leads could be moved`);
  const perMove = chunks.map((c) => c.ms / Math.max(1, c.moved.length));
  const seconds = chunks.reduce((sum, c) => sum + c.ms, 0) / 1000;
  say(`${MOVES} moves made offline in ${seconds.toFixed(1)} s; ms per move, by ${CHUNK}:`);
  say(`  ${perMove.map((ms) => ms.toFixed(1)).join(' ')}`);
  const first = perMove[0] ?? null;
  const last = perMove.at(-1) ?? null;
  figure({
    what: `offline move with ${(MOVES - CHUNK).toLocaleString('en-US')}+ changes queued (mean of ${CHUNK}, bench hook)`,
    size: `${(COLUMN * 3).toLocaleString('en-US')} leads`,
    value: last === null ? null : round(last, 1),
    unit: 'ms',
    baseline: first === null ? null : round(first, 1),
    baseline_what: `the first ${CHUNK} moves of the same run (queue almost empty)`,
    target: null,
    met: null,
    smallerIsBetter: true,
  });
  return moved;
}

// `ws` lacks the index signature realtime-js declares; Node 20 needs a transport to construct
// the client at all (nothing here opens a channel).
type RealtimeTransport = NonNullable<
  NonNullable<SupabaseClientOptions<'public'>['realtime']>['transport']
>;

/** The same mutations straight to sync_push, PUSH_BATCH per request, as the signed-in user. */
async function pushStraight(
  url: string,
  headers: { apikey: string; token: string },
  moves: MovedLead[],
): Promise<number> {
  const supabase = createClient(url, headers.apikey, {
    accessToken: () => Promise.resolve(headers.token),
    realtime: { transport: ws as unknown as RealtimeTransport },
  });
  const clientId = randomUUID();
  const mutations = moves.map((m, i) => ({
    mutation_id: i + 1,
    name: 'move_lead',
    args: { id: m.id, pipeline_id: m.pipeline_id, status_id: m.status_id, position: m.position },
  }));
  const t0 = performance.now();
  for (let i = 0; i < mutations.length; i += PUSH_BATCH) {
    // Typed like rpc-clients.ts: an untyped client's rpc answers `any`.
    const reply: { data: unknown; error: { code: string; message: string } | null } =
      await supabase.rpc('sync_push', {
        client_id: clientId,
        mutations: mutations.slice(i, i + PUSH_BATCH),
      });
    const { data, error } = reply;
    if (error) throw new Error(`sync_push failed: ${error.code} ${error.message}`);
    const results = (data as { results: { status: string }[] }).results;
    if (results.some((r) => r.status !== 'applied')) throw new Error('a baseline move was refused');
  }
  return (performance.now() - t0) / 1000;
}

async function leadsIn(dbUrl: string, statusId: string): Promise<number> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      'select count(*) as n from public.leads where status_id = $1',
      [statusId],
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const adminUrl = databaseUrl();
  if (!adminUrl) {
    skippedFigure(
      SUITE,
      'drag fps and offline queue',
      'no BENCH_DATABASE_URL or TEST_DATABASE_URL',
    );
    return;
  }
  const outDir = join(mkdtempSync(join(tmpdir(), 'leadlanes-bench-')), 'dist');
  build(outDir);
  const browser = await launch();
  const server = await startServer(adminUrl, outDir, PORT);
  try {
    const pipeline = await server.seed(COLUMN * 3);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const page = await context.newPage();
    // The app's own credentials, for the baseline's supabase-js client.
    const headers = { apikey: '', token: '' };
    page.on('request', (request) => {
      if (!request.url().includes('/rest/v1/rpc/sync_')) return;
      const h = request.headers();
      headers.apikey = h.apikey ?? headers.apikey;
      headers.token = (h.authorization ?? '').replace(/^Bearer /, '') || headers.token;
    });
    await page.goto(server.url);
    await page.getByRole('button', { name: `Sign in as ${MANAGER}` }).click();
    await boardReady(page, pipeline, 600_000);
    await allSaved(page, 600_000);
    await page.waitForFunction(() => (window as BenchWindow).__leadlanesBench?.complete(), null, {
      timeout: 600_000,
    });
    say(`signed in; ${pipeline.counts.join(' / ')} cards per column`);

    await dragFps(page, pipeline);
    await allSaved(page, 60_000);

    await context.setOffline(true);
    const before = await leadsIn(server.databaseUrl, pipeline.statusIds[1]);
    // With BENCH_PROFILE, a profile of making the moves too.
    const making = await tracePage(context, page, 'offline-moves');
    const moved = await offlineMoves(page);
    await making.stop();
    // From back online to all confirmed: the sync calls, and a profile with BENCH_PROFILE.
    const trace = await tracePage(context, page, 'queue');
    // Timed in the page: from just before going online to the frame after the sync line says
    // "All changes saved" (painted). Playwright's own polling backs off to 500 ms between looks.
    await page.evaluate(() => {
      const w = window as unknown as { __benchSaved?: Promise<number> };
      const startedAt = performance.now();
      w.__benchSaved = new Promise<number>((resolve) => {
        const frame = () => {
          const line = document.querySelector('[role="group"][aria-label="Sync status"]');
          if (line?.getAttribute('data-state') === 'saved') {
            requestAnimationFrame(() => resolve(performance.now() - startedAt));
          } else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
    });
    await context.setOffline(false);
    await allSaved(page, 600_000);
    const seconds =
      (await page.evaluate(
        () => (window as unknown as { __benchSaved: Promise<number> }).__benchSaved,
      )) / 1000;
    await trace.stop();
    const after = await leadsIn(server.databaseUrl, pipeline.statusIds[1]);
    if (after !== before + MOVES) {
      throw new Error(`the server has ${after - before} of the ${MOVES} moves, not all`);
    }
    await context.close();
    if (!headers.apikey || !headers.token) throw new Error('no credentials seen on a sync call');
    // Back where they were: the same kind and number of move_lead mutations.
    const straight = await pushStraight(server.url, headers, moved);
    figure({
      what: `${MOVES.toLocaleString('en-US')} offline moves → back online → all confirmed`,
      size: `${(COLUMN * 3).toLocaleString('en-US')} leads`,
      value: round(seconds),
      unit: 's',
      baseline: round(straight),
      baseline_what: `the same ${MOVES} move_lead straight to sync_push (supabase-js, ${PUSH_BATCH} per request)`,
      target: '≤ 2 s (ratio = baseline / value)',
      met: seconds <= 2,
      smallerIsBetter: true,
    });
  } finally {
    await server.stop();
    await browser.close();
  }
}

await main();
