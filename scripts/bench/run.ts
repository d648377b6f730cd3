// `npm run bench`: every scripts/bench/suites/*.ts as its own child process, in name order, each
// with a timeout. A suite prints one JSON figure per STDOUT line (scripts/bench/lib/figure.ts);
// this prints one table and writes every figure plus machine info to bench-results/latest.json.
// Exit code 0 even when a target is missed (targets are read, not asserted); non-zero only
// when a suite crashed or timed out.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Figure } from './lib/figure.ts';

const SUITES_DIR = join(import.meta.dirname, 'suites');
const TIMEOUT_MS = Number(process.env.BENCH_SUITE_TIMEOUT_MS ?? 15 * 60_000);
const only = process.argv.slice(2);

function runSuite(file: string): Promise<{ figures: Figure[]; ok: boolean }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', join(SUITES_DIR, file)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    const figures: Figure[] = [];
    let buffer = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim() === '') continue;
        try {
          figures.push(JSON.parse(line) as Figure);
        } catch {
          process.stderr.write(`[${file}] not a figure: ${line}\n`);
        }
      }
    });
    const timer = setTimeout(() => {
      process.stderr.write(`[${file}] timed out after ${TIMEOUT_MS} ms\n`);
      // The suite's own group (its browser and server included), and nothing else.
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    }, TIMEOUT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ figures, ok: code === 0 });
    });
  });
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (typeof value === 'boolean') return value ? 'yes' : 'NO';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function printTable(figures: Figure[]): void {
  const header = ['suite', 'what', 'size', 'value', 'baseline', 'ratio', 'target', 'met'];
  const rows = figures.map((f) => [
    f.suite,
    f.what,
    f.size,
    `${cell(f.value)} ${f.unit}`,
    f.baseline === null ? '—' : `${cell(f.baseline)} ${f.unit}`,
    cell(f.ratio),
    cell(f.target),
    cell(f.met),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
}

const files = readdirSync(SUITES_DIR)
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const all: Figure[] = [];
const crashed: string[] = [];
for (const file of files) {
  process.stderr.write(`== ${file}\n`);
  const { figures, ok } = await runSuite(file);
  all.push(...figures);
  if (!ok) crashed.push(file);
}
printTable(all);
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  join('bench-results', 'latest.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      commit: gitCommit(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model ?? null,
        memory_gb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        platform: process.platform,
      },
      crashed,
      figures: all,
    },
    null,
    2,
  )}\n`,
);
console.log(
  `\nSaved bench-results/latest.json${crashed.length ? `; crashed: ${crashed.join(', ')}` : ''}`,
);
process.exit(crashed.length > 0 ? 1 : 0);
