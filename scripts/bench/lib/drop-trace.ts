// Where a keyboard drop's time goes, for reading beside the figure (never part of it): with
// BENCH_TRACE=<dir>, the keyboard moves run under a Chromium trace, saved to <dir> (open it in
// DevTools' Performance panel), and summed here per kind of main-thread work, from each drop's
// key press to the end of the frame that shows the card.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { say } from './figure.ts';

/** The page marks each drop: `bench-drop-start` at the key, `bench-drop-end` after the frame. */
export const DROP_START = 'bench-drop-start';
export const DROP_END = 'bench-drop-end';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8',
  'toplevel',
  'disabled-by-default-v8.cpu_profiler',
];

/** Main-thread work worth naming; anything else counts towards "other". */
const KINDS: Record<string, string> = {
  EventDispatch: 'event handlers (keydown)',
  FunctionCall: 'script (tasks, timers, observers)',
  RunMicrotasks: 'script (microtasks)',
  FireAnimationFrame: 'requestAnimationFrame callbacks',
  UpdateLayoutTree: 'style recalculation',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'layerize',
  'ProxyMain::BeginMainFrame::commit': 'compositor commit',
  Commit: 'compositor commit',
  HitTest: 'hit test',
  MinorGC: 'garbage collection',
  MajorGC: 'garbage collection',
  'V8.GC_SCAVENGER': 'garbage collection',
  ParseAuthorStyleSheet: 'style sheet parse',
};

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

export interface DropTrace {
  stop(): Promise<void>;
}

export async function traceDrops(browser: Browser, page: Page, label: string): Promise<DropTrace> {
  const dir = process.env.BENCH_TRACE;
  if (!dir) return { stop: () => Promise.resolve() };
  await browser.startTracing(page, { categories: CATEGORIES });
  return {
    async stop() {
      const buffer = await browser.stopTracing();
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `keyboard-drops-${label}-${Date.now()}.json`);
      writeFileSync(file, buffer);
      say(`  trace: ${file}`);
      summarize(JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] });
      await sayLayers(page);
    },
  };
}

function summarize({ traceEvents }: { traceEvents: TraceEvent[] }): void {
  const main = traceEvents.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  if (!main) return say('  trace: no renderer main thread');
  const onMain = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const starts = onMain.filter((e) => e.name === DROP_START).map((e) => e.ts);
  const ends = onMain.filter((e) => e.name === DROP_END).map((e) => e.ts);
  const totals = new Map<string, number>();
  const spans: [number, number][] = [];
  let wall = 0;
  for (const [i, start] of starts.entries()) {
    const end = ends.find((t) => t > start && (starts[i + 1] === undefined || t < starts[i + 1]!));
    if (end === undefined) continue;
    spans.push([start, end]);
    wall += end - start;
    // Outermost named work only: a style recalculation inside a script call counts once, under
    // "style recalculation", and is taken out of the script's own time.
    const inside = onMain
      .filter((e) => e.ph === 'X' && e.dur !== undefined && e.ts >= start && e.ts < end)
      .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const named = inside.filter((e) => KINDS[e.name] !== undefined);
    const self = new Map<TraceEvent, number>(named.map((e) => [e, e.dur!]));
    const stack: TraceEvent[] = [];
    for (const e of named) {
      while (stack.length && stack.at(-1)!.ts + stack.at(-1)!.dur! <= e.ts) stack.pop();
      const parent = stack.at(-1);
      if (parent) self.set(parent, (self.get(parent) ?? 0) - e.dur!);
      stack.push(e);
    }
    for (const [e, us] of self) {
      const kind = KINDS[e.name]!;
      totals.set(kind, (totals.get(kind) ?? 0) + Math.min(us, end - e.ts));
    }
  }
  const windows = spans.length;
  if (windows === 0) return say('  trace: no complete drop windows');
  say(`  where a drop's time goes (mean of ${windows}, ms; key press → frame shown):`);
  const rows = [...totals].sort((a, b) => b[1] - a[1]);
  let named = 0;
  for (const [kind, us] of rows) {
    named += us;
    say(`    ${(us / windows / 1000).toFixed(2).padStart(7)}  ${kind}`);
  }
  say(`    ${((wall - named) / windows / 1000).toFixed(2).padStart(7)}  other and idle`);
  say(`    ${(wall / windows / 1000).toFixed(2).padStart(7)}  in all`);
  summarizeScript(traceEvents, main, spans);
}

/**
 * The script's own time by function, in the same windows, from the trace's sampling profile of
 * the main thread (names read best with an unminified build: BENCH_TRACE builds one).
 */
function summarizeScript(events: TraceEvent[], main: TraceEvent, spans: [number, number][]): void {
  const profile = events.find(
    (e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid,
  );
  if (!profile?.id) return;
  const nodes = new Map<number, ProfileNode>();
  const samples: { node: number; ts: number }[] = [];
  let ts = profile.args?.data?.startTime ?? 0;
  for (const chunk of events) {
    if (chunk.name !== 'ProfileChunk' || chunk.id !== profile.id || chunk.pid !== main.pid)
      continue;
    const data = chunk.args?.data;
    for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids = data?.cpuProfile?.samples ?? [];
    for (const [i, node] of ids.entries()) {
      ts += data?.timeDeltas?.[i] ?? 0;
      samples.push({ node, ts });
    }
  }
  const self = new Map<string, number>();
  for (const [i, sample] of samples.entries()) {
    const next = samples[i + 1];
    if (!next || !spans.some(([a, b]) => sample.ts >= a && sample.ts < b)) continue;
    const frame = nodes.get(sample.node)?.callFrame;
    if (!frame || frame.functionName === '(idle)') continue;
    const where = frame.url ? ` ${frame.url.replace(/^.*\//, '')}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'}${where}`;
    self.set(key, (self.get(key) ?? 0) + (next.ts - sample.ts));
  }
  say(`  script by function, self time (mean per drop, ms):`);
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    say(`    ${(us / spans.length / 1000).toFixed(2).padStart(7)}  ${key}`);
  }
}

/** The compositor's layers once the moves are over: the frame's commit grows with them. */
async function sayLayers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const tree = new Promise<{ layers?: { layerId: string; drawsContent: boolean }[] }>((resolve) =>
    cdp.once('LayerTree.layerTreeDidChange', resolve),
  );
  await cdp.send('LayerTree.enable');
  // The tree is reported when it changes: a composited element, added and removed, makes it.
  await page.evaluate(async () => {
    const probe = document.body.appendChild(document.createElement('div'));
    probe.style.willChange = 'transform';
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    probe.remove();
  });
  const { layers = [] } = await Promise.race([
    tree,
    new Promise<{ layers?: undefined }>((resolve) => setTimeout(() => resolve({}), 5000)),
  ]);
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  say(
    `  page: ${elements} elements, ${layers.length} compositor layers (${layers.filter((l) => l.drawsContent).length} drawing)`,
  );
  await cdp.detach();
}
