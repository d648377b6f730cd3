// Server throughput on PostgreSQL: 50 clients × 200 move_lead, one mutation per request, through
// the real local backend (its own process, real HTTP, real supabase-js clients calling
// `rpc('sync_push')`), beside the baseline measured in the same run: the same UPDATE as a raw
// parameterised statement from 50 connections. Exactly once is checked after (ledger rows,
// history rows, final lead state). Run alone: `npx tsx scripts/bench/suites/server-throughput.ts`.
// Reads BENCH_DATABASE_URL, else TEST_DATABASE_URL; makes and drops its own database.
import { availableParallelism } from 'node:os';
import pg from 'pg';
import { signApiKey } from '../../../server/auth/tokens.ts';
import { emit, percentile, round, say } from '../lib/figure.ts';
import { createBenchDatabase } from '../server/bench-database.ts';
import { startServerProcess } from '../server/server-process.ts';
import { seedBenchLeads } from '../server/bench-leads.ts';
import type { BenchLead } from '../server/bench-leads.ts';
import { makeRpcClients } from '../server/rpc-clients.ts';
import type { RpcClient } from '../server/rpc-clients.ts';
import { timeRawUpdates } from '../server/raw-updates.ts';
import { timeSqlPushes } from '../server/sql-push.ts';
import { cpuMeter } from '../server/cpu-meter.ts';
import type { CpuSplit } from '../server/cpu-meter.ts';

const SUITE = 'server';
const CLIENTS = Number(process.env.BENCH_SERVER_CLIENTS ?? 50);
const PER_CLIENT = Number(process.env.BENCH_SERVER_REQUESTS ?? 200);
const ROUNDS = 2;
const WARMUP = 10;
const SECRET = 'bench-secret-for-the-local-backend-0123456789';
const WHAT = `${CLIENTS} clients × ${PER_CLIENT} move_lead, one mutation per request`;
const RAW_WHAT = `raw parameterized UPDATE, ${CLIENTS} connections`;

const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  emit({
    suite: SUITE,
    what: `${WHAT}: skipped, set BENCH_DATABASE_URL or TEST_DATABASE_URL`,
    size: 'PostgreSQL',
    value: null,
    unit: 'mutations/s',
    baseline: null,
    baseline_what: RAW_WHAT,
    ratio: null,
    target: '≥ 0.65 × baseline',
    met: null,
  });
  process.exit(0);
}

const database = await createBenchDatabase(serverUrl);
let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
try {
  server = await startServerProcess(database.url, SECRET);
  say(`server: ${server.url} (pool ${server.poolSize}), ${availableParallelism()} cpus`);
  const admin = new pg.Pool({ connectionString: database.url, max: CLIENTS });
  try {
    const version = await serverVersion(admin);
    const size = `PostgreSQL ${version}`;
    const viaServer = await seedBenchLeads(admin, CLIENTS, 'server');
    const viaRaw = await seedBenchLeads(admin, CLIENTS, 'raw');
    const viaSql = await seedBenchLeads(admin, CLIENTS, 'sql');
    const anonKey = await signApiKey(SECRET, 'anon');
    const clients = await makeRpcClients(server.url, anonKey, viaServer);
    // Inserting a lead writes its first history row; every move after adds exactly one.
    const historyBefore = await historyRows(admin, clients);

    // Warm both paths (connections, plans, JIT of the server process), not timed.
    await runServerRound(clients, WARMUP);
    await timeRawUpdates(admin, viaRaw, WARMUP);
    await timeSqlPushes(admin, viaSql, WARMUP);

    const raw: { perSecond: number; latencies: number[] }[] = [];
    const served: { perSecond: number; latencies: number[] }[] = [];
    const inSql: { perSecond: number; latencies: number[] }[] = [];
    const meter = cpuMeter(admin, server.pid);
    const cpu: { raw: CpuSplit[]; server: CpuSplit[]; sql: CpuSplit[] } = {
      raw: [],
      server: [],
      sql: [],
    };
    const mutations = CLIENTS * PER_CLIENT;
    for (let round = 0; round < ROUNDS; round++) {
      await meter.start();
      raw.push(await timeRawUpdates(admin, viaRaw, PER_CLIENT));
      cpu.raw.push(await meter.stop(mutations));
      await meter.start();
      served.push(await runServerRound(clients, PER_CLIENT));
      cpu.server.push(await meter.stop(mutations));
      await meter.start();
      inSql.push(await timeSqlPushes(admin, viaSql, PER_CLIENT));
      cpu.sql.push(await meter.stop(mutations));
      say(
        `round ${round + 1}: raw ${raw.at(-1)?.perSecond.toFixed(0)}/s, ` +
          `server ${served.at(-1)?.perSecond.toFixed(0)}/s, ` +
          `sync_push in SQL ${inSql.at(-1)?.perSecond.toFixed(0)}/s; CPU ms per mutation: ` +
          `raw ${describeCpu(cpu.raw.at(-1))}, server ${describeCpu(cpu.server.at(-1))}, ` +
          `SQL ${describeCpu(cpu.sql.at(-1))}`,
      );
    }

    const rawRate = mean(raw.map((r) => r.perSecond));
    const serverRate = mean(served.map((r) => r.perSecond));
    const rawP95 = percentile(
      raw.flatMap((r) => r.latencies),
      95,
    );
    const serverP95 = percentile(
      served.flatMap((r) => r.latencies),
      95,
    );
    const ratio = serverRate / rawRate;
    emit({
      suite: SUITE,
      what: WHAT,
      size,
      value: round(serverRate, 0),
      unit: 'mutations/s',
      baseline: round(rawRate, 0),
      baseline_what: RAW_WHAT,
      ratio: round(ratio),
      target: '≥ 0.65 × baseline',
      met: ratio >= 0.65,
    });
    emit({
      suite: SUITE,
      what: `${WHAT}: p95 latency`,
      size,
      value: round(serverP95, 1),
      unit: 'ms',
      baseline: round(rawP95, 1),
      baseline_what: `${RAW_WHAT}: p95 latency`,
      ratio: round(rawP95 / serverP95),
      target: null,
      met: null,
    });

    const sqlRate = mean(inSql.map((r) => r.perSecond));
    emit({
      suite: SUITE,
      what: `${WHAT}: beside sync_push called in SQL (no HTTP, no Node server)`,
      size,
      value: round(serverRate, 0),
      unit: 'mutations/s',
      baseline: round(sqlRate, 0),
      baseline_what: `the same sync_push in SQL, ${CLIENTS} connections (raw UPDATE: ${round(rawRate, 0)}/s)`,
      ratio: round(serverRate / sqlRate),
      target: null,
      met: null,
    });

    // What each path costs in CPU, all processes together (informational, and far steadier than
    // throughput on a shared machine): the ceiling on 2 cores is 2,000 ms of CPU per second.
    const rawCpu = meanSplit(cpu.raw);
    const serverCpu = meanSplit(cpu.server);
    const sqlCpu = meanSplit(cpu.sql);
    emit({
      suite: SUITE,
      what: `${WHAT}: CPU per mutation, bench clients + server + PostgreSQL (${describeCpu(serverCpu)}; SQL path ${describeCpu(sqlCpu)})`,
      size,
      value: total(serverCpu),
      unit: 'CPU ms/mutation',
      baseline: total(rawCpu),
      baseline_what: `${RAW_WHAT} (${describeCpu(rawCpu)})`,
      ratio: ratioOf(total(rawCpu), total(serverCpu)),
      target: null,
      met: null,
    });

    const sent = clients.reduce((n, c) => n + c.sent, 0);
    const check = await verifyExactlyOnce(admin, clients, historyBefore);
    emit({
      suite: SUITE,
      what: `${WHAT}: exactly once (ledger rows, history rows, final positions)`,
      size,
      value: check.applied,
      unit: 'mutations applied',
      baseline: sent,
      baseline_what: 'mutations sent',
      ratio: round(check.applied / sent, 4),
      target: 'every mutation applied once, history once, last move wins',
      met: check.ok,
    });
    if (!check.ok) say(`exactly-once check failed: ${check.problems.join('; ')}`);
  } finally {
    await admin.end();
  }
} finally {
  await server?.stop();
  await database.drop();
}

async function runServerRound(
  clients: RpcClient[],
  perClient: number,
): Promise<{ perSecond: number; latencies: number[] }> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      for (let i = 0; i < perClient; i++) latencies.push(await client.moveNext());
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: (clients.length * perClient) / seconds, latencies };
}

async function verifyExactlyOnce(
  admin: pg.Pool,
  clients: RpcClient[],
  historyBefore: number,
): Promise<{ ok: boolean; applied: number; problems: string[] }> {
  const problems: string[] = [];
  const ids = clients.map((c) => c.clientId);
  const ledger = await admin.query<{ status: string; n: string; distinct_ids: string }>(
    `select status, count(*) as n, count(distinct (client_id, mutation_id)) as distinct_ids
       from private.sync_client_mutations where client_id = any($1::uuid[]) group by status`,
    [ids],
  );
  let applied = 0;
  for (const row of ledger.rows) {
    if (row.status === 'applied') applied = Number(row.n);
    else problems.push(`${row.n} ledger rows ${row.status}`);
    if (row.n !== row.distinct_ids) problems.push('duplicate ledger rows');
  }
  const sent = clients.reduce((n, c) => n + c.sent, 0);
  if (applied !== sent) problems.push(`${applied} applied of ${sent} sent`);
  const rejectedReplies = clients.reduce((n, c) => n + c.notApplied, 0);
  if (rejectedReplies > 0) problems.push(`${rejectedReplies} replies were not "applied"`);

  const leads: BenchLead[] = clients.flatMap((c) => c.leads);
  const history = (await historyRows(admin, clients)) - historyBefore;
  const moves = clients.reduce((n, c) => n + c.statusChanges, 0);
  if (history !== moves) problems.push(`${history} new history rows for ${moves} status changes`);
  const state = await admin.query<{ id: string; status_id: string; position: string }>(
    `select id, status_id, position from public.leads where id = any($1::uuid[])`,
    [leads.map((l) => l.id)],
  );
  const expected = new Map(clients.flatMap((c) => [...c.lastMove]));
  for (const row of state.rows) {
    const last = expected.get(row.id);
    if (last && (last.status_id !== row.status_id || last.position !== row.position)) {
      problems.push(`lead ${row.id} is not where its last move put it`);
    }
  }
  return { ok: problems.length === 0, applied, problems };
}

async function historyRows(admin: pg.Pool, clients: RpcClient[]): Promise<number> {
  const { rows } = await admin.query<{ n: string }>(
    `select count(*) as n from public.lead_status_history where lead_id = any($1::uuid[])`,
    [clients.flatMap((c) => c.leads.map((l) => l.id))],
  );
  return Number(rows[0]?.n);
}

async function serverVersion(admin: pg.Pool): Promise<string> {
  const { rows } = await admin.query<{ v: string }>(`select current_setting('server_version') v`);
  return rows[0]?.v.split(' ')[0] ?? '?';
}

function describeCpu(split: CpuSplit | undefined): string {
  if (split === undefined) return '?';
  const ms = (n: number | null) => (n === null ? '?' : n.toFixed(2));
  return `client ${ms(split.client)} + server ${ms(split.server)} + postgres ${ms(split.postgres)}`;
}

function meanSplit(splits: CpuSplit[]): CpuSplit {
  const avg = (pick: (s: CpuSplit) => number | null): number | null => {
    const values = splits.map(pick);
    return values.some((v) => v === null) ? null : mean(values as number[]);
  };
  return {
    client: avg((s) => s.client) ?? 0,
    server: avg((s) => s.server),
    postgres: avg((s) => s.postgres),
  };
}

/** Client + server + PostgreSQL, or null when PostgreSQL's part could not be read. */
function total(split: CpuSplit): number | null {
  if (split.postgres === null) return null;
  return round(split.client + (split.server ?? 0) + split.postgres, 2);
}

function ratioOf(baseline: number | null, value: number | null): number | null {
  return baseline === null || value === null || value === 0 ? null : round(baseline / value);
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
