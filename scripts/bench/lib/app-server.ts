// A production build of the app served by the local backend (the way scripts/e2e-serve.mjs does
// for Playwright), on a fresh PostgreSQL database per pipeline size, seeded straight with SQL.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { say } from './figure.ts';

export function databaseUrl(): string | null {
  return process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? null;
}

export function build(outDir: string): void {
  say(`building the app into ${outDir}`);
  const result = spawnSync(
    'npx',
    [
      ...['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      // A profile is read by function name: unminified, at some cost to the figures themselves.
      ...(process.env.BENCH_PROFILE || process.env.BENCH_TRACE ? ['--minify', 'false'] : []),
    ],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      // VITE_BENCH_HOOKS: src/features/board/bench/use-bench-hooks.ts (absent from other builds).
      env: { ...process.env, VITE_FEATURE_PIPELINE_MANAGEMENT: 'true', VITE_BENCH_HOOKS: 'true' },
    },
  );
  if (result.status !== 0) throw new Error('vite build failed');
}

export interface BenchPipeline {
  id: string;
  statusIds: [string, string, string];
  statusNames: [string, string, string];
  /** Leads per status, in column order. */
  counts: [number, number, number];
}

export interface AppServer {
  url: string;
  databaseUrl: string;
  seed(leads: number): Promise<BenchPipeline>;
  stop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer ${url} in ${timeoutMs} ms`);
}

export async function startServer(
  adminUrl: string,
  outDir: string,
  port: number,
): Promise<AppServer> {
  const name = `leadlanes_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // What an earlier suite or size left to write out (dropped databases, 100,000-lead seeds) is
  // flushed now, not while this one is measured; a role that may not checkpoint just goes on.
  await admin.query('checkpoint').catch(() => undefined);
  await admin.query(`create database ${name}`);
  await admin.end();
  const dbUrl = withDatabase(adminUrl, name);
  const child = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--outDir',
      outDir,
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      // Its own process group: stop() ends vite and everything it started, nothing else.
      detached: true,
      env: {
        ...process.env,
        DATABASE_URL: dbUrl,
        VITE_FEATURE_PIPELINE_MANAGEMENT: 'true',
        LEADLANES_DEMO_SIGN_IN: 'loopback',
      },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/auth/v1/local/users`, child, 180_000);

  return {
    url,
    databaseUrl: dbUrl,
    async seed(leads) {
      const id = randomUUID();
      const statusIds: [string, string, string] = [randomUUID(), randomUUID(), randomUUID()];
      const statusNames: [string, string, string] = ['Inbound', 'Working', 'Closed'];
      const client = new pg.Client({ connectionString: dbUrl });
      await client.connect();
      try {
        await client.query('begin');
        await client.query('update public.pipelines set is_default = false');
        await client.query(
          `insert into public.pipelines (id, name, description, is_default, display_order)
           values ($1, 'Bench', 'bench pipeline', true, 0)`,
          [id],
        );
        for (const [i, statusId] of statusIds.entries()) {
          await client.query(
            `insert into public.pipeline_statuses (id, pipeline_id, name, display_order)
             values ($1, $2, $3, $4)`,
            [statusId, id, statusNames[i], i + 1],
          );
        }
        // Lead n goes to column n % 3 (position in insertion order), $100 each.
        await client.query(
          `insert into public.leads (full_name, product, estimated_premium, pipeline_id, status_id, position)
           select 'Bench Lead ' || lpad(n::text, 6, '0'), 'auto', 100, $1,
                  ($2::uuid[])[1 + n % 3], 'a' || lpad(n::text, 7, '0')
           from generate_series(1, $3::int) as n`,
          [id, statusIds, leads],
        );
        await client.query('commit');
        // The seed's own writes go to disk now, not during the first figure.
        await client.query('checkpoint').catch(() => undefined);
      } finally {
        await client.end();
      }
      const counts: [number, number, number] = [0, 0, 0];
      for (let n = 1; n <= leads; n++) counts[(n % 3) as 0 | 1 | 2]++;
      return { id, statusIds, statusNames, counts };
    },
    async stop() {
      const exited = new Promise((r) =>
        child.exitCode !== null ? r(null) : child.once('exit', r),
      );
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      await exited;
      const drop = new pg.Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}
