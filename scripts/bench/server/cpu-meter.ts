import { readFileSync } from 'node:fs';
import type pg from 'pg';

// CPU time spent per mutation, by process: this bench process (the clients), the backend's own
// process (the server) and the PostgreSQL backends of the bench database. On a machine shared
// with other work the throughput figures swing with the scheduler; CPU per mutation is what the
// path itself costs, and it adds up: on 2 cores, 2 CPU-seconds per second is all there is.
// Linux only (/proc/<pid>/schedstat, nanoseconds), and PostgreSQL only when it runs on this
// machine; otherwise that part is null.

export interface CpuSplit {
  /** Milliseconds per mutation; null where it could not be read. */
  client: number;
  server: number | null;
  postgres: number | null;
}

export interface CpuMeter {
  start(): Promise<void>;
  /** CPU per mutation since start(), for `mutations` mutations. */
  stop(mutations: number): Promise<CpuSplit>;
}

export function cpuMeter(admin: pg.Pool, serverPid: number | undefined): CpuMeter {
  let clientAt = 0;
  let serverAt: number | null = null;
  let backendsAt = new Map<number, number>();
  return {
    async start() {
      backendsAt = await backendTimes(admin);
      serverAt = serverPid === undefined ? null : processNs(serverPid);
      clientAt = ownNs();
    },
    async stop(mutations) {
      const client = ownNs() - clientAt;
      const serverNow = serverPid === undefined ? null : processNs(serverPid);
      const backends = await backendTimes(admin);
      let postgres: number | null = backends.size === 0 ? null : 0;
      for (const [pid, ns] of backends) {
        // A backend that started during the round (a pool growing again) counts in full.
        if (postgres !== null) postgres += ns - (backendsAt.get(pid) ?? 0);
      }
      const perMutation = (ns: number) => ns / 1e6 / mutations;
      return {
        client: perMutation(client),
        server: serverNow === null || serverAt === null ? null : perMutation(serverNow - serverAt),
        postgres: postgres === null ? null : perMutation(postgres),
      };
    },
  };
}

function ownNs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

/** CPU nanoseconds of a process from /proc, or null (not Linux, not this machine, gone). */
function processNs(pid: number): number | null {
  try {
    const ns = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
    return Number.isFinite(ns) ? ns : null;
  } catch {
    return null;
  }
}

// Every backend of the bench database (the server's pool and the baselines' connections).
// Empty when PostgreSQL runs elsewhere: its pids are not this machine's processes.
async function backendTimes(admin: pg.Pool): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>(
    `select pid from pg_catalog.pg_stat_activity
      where datname = current_database() and pid <> pg_catalog.pg_backend_pid()`,
  );
  const times = new Map<number, number>();
  if (!(await isLocal(admin))) return times;
  for (const { pid } of rows) {
    const ns = processNs(pid);
    if (ns !== null) times.set(pid, ns);
  }
  return times;
}

let local: boolean | undefined;

// The postmaster's pid, read from the server, is a postgres process here only if it is local.
async function isLocal(admin: pg.Pool): Promise<boolean> {
  if (local !== undefined) return local;
  const { rows } = await admin.query<{ pid: number }>(`select pg_catalog.pg_backend_pid() as pid`);
  const pid = rows[0]?.pid;
  try {
    local = pid !== undefined && readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
  } catch {
    local = false;
  }
  return local;
}
