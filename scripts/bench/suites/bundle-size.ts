// Bundle size: the JavaScript each route needs before it can paint, gzip. Builds the app
// (`vite build --manifest` into a temp dir), or reads a fresh build from BENCH_BUNDLE_DIR (built
// with --manifest). A route's JS is the entry's static import closure plus its page chunk's
// (src/app/route-pages.tsx loads each page with import()); chunks those load later on demand
// (lucide's icon catalogue) are reported on their own. Sizes in KB = 1,024 bytes, gzip level 9.
// Run alone: `npx tsx scripts/bench/suites/bundle-size.ts`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { emit, round, say } from '../lib/figure.ts';

const SUITE = 'bundle';
const TARGET_KB = 200;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const ROUTES = [
  { name: 'board route (/dashboard/leads)', page: 'src/features/board/components/board-page.tsx' },
  {
    name: 'pipelines route (/dashboard/pipelines)',
    page: 'src/features/pipelines/components/pipelines-page.tsx',
  },
];

const given = process.env.BENCH_BUNDLE_DIR;
const outDir = given ?? mkdtempSync(join(tmpdir(), 'leadlanes-bundle-'));
try {
  if (given === undefined) build(outDir);
  const manifest = JSON.parse(
    readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Manifest;
  const gz = (file: string): number =>
    gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (entryKey === undefined) throw new Error('the manifest has no entry');
  const entry = closure(manifest, [entryKey]);

  const routeFiles = new Map<string, Set<string>>();
  for (const route of ROUTES) {
    const files =
      manifest[route.page] === undefined ? entry : closure(manifest, [entryKey, route.page]);
    routeFiles.set(route.page, files);
    const kb = sumKb(files, gz);
    say(`${route.name}: ${[...files].map((f) => `${f} ${round(gz(f) / 1024, 1)} KB`).join(', ')}`);
    emit({
      suite: SUITE,
      what: `${route.name}: JavaScript before first paint, gzip`,
      size: `${files.size} chunks`,
      value: round(kb, 1),
      unit: 'KB',
      baseline: null,
      baseline_what: null,
      ratio: null,
      target: `≤ ${TARGET_KB} KB`,
      met: kb <= TARGET_KB,
    });
  }

  // Each route must not carry the other's page.
  const [board, pipelines] = ROUTES.map((r) => manifest[r.page]?.file);
  const boardFiles = routeFiles.get(ROUTES[0]?.page ?? '') ?? new Set<string>();
  const pipelinesFiles = routeFiles.get(ROUTES[1]?.page ?? '') ?? new Set<string>();
  const separate =
    board !== undefined &&
    pipelines !== undefined &&
    !boardFiles.has(pipelines) &&
    !pipelinesFiles.has(board);
  emit({
    suite: SUITE,
    what: 'board and pipelines pages are separate chunks, neither loads the other',
    size: 'route split',
    value: separate ? 1 : 0,
    unit: 'yes=1',
    baseline: null,
    baseline_what: null,
    ratio: null,
    target: 'separate',
    met: separate,
  });

  const all = Object.values(manifest)
    .map((c) => c.file)
    .filter((f) => f.endsWith('.js'));
  const lazyOnly = all.filter((f) => ![...routeFiles.values()].some((s) => s.has(f)));
  // Named by the module it was built from (a package's chunk is otherwise called "dist").
  const sourceOf = new Map(Object.values(manifest).map((c) => [c.file, c.src ?? c.file]));
  for (const file of lazyOnly) {
    const src = sourceOf.get(file) ?? file;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(src)?.[1];
    const name = pkg ?? file.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '');
    emit({
      suite: SUITE,
      what: `on demand only: ${name}${pkg === '@supabase/supabase-js' ? ' (when sync starts, after the board paints from the local store)' : ''}`,
      size: 'chunk',
      value: round(gz(file) / 1024, 1),
      unit: 'KB',
      baseline: null,
      baseline_what: null,
      ratio: null,
      target: null,
      met: null,
    });
  }
  emit({
    suite: SUITE,
    what: 'all JavaScript in the build, gzip (precached by the service worker)',
    size: `${new Set(all).size} chunks`,
    value: round(sumKb(new Set(all), gz), 1),
    unit: 'KB',
    baseline: null,
    baseline_what: null,
    ratio: null,
    target: null,
    met: null,
  });
} finally {
  if (given === undefined) rmSync(outDir, { recursive: true, force: true });
}

function build(dir: string): void {
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', dir, '--emptyOutDir', '--manifest', '--logLevel', 'error'],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.status !== 0) throw new Error(`vite build failed (${result.status})`);
}

/** The JS files the given manifest keys load, following static imports only. */
function closure(manifest: Manifest, keys: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (chunk === undefined) return;
    if (chunk.file.endsWith('.js')) files.add(chunk.file);
    for (const next of chunk.imports ?? []) visit(next);
  };
  keys.forEach(visit);
  return files;
}

function sumKb(files: Set<string>, gz: (file: string) => number): number {
  let bytes = 0;
  for (const f of files) bytes += gz(f);
  return bytes / 1024;
}
