import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Starts backend-entry.ts as a child process and waits for its "listening" line.

const ENTRY = fileURLToPath(new URL('./backend-entry.ts', import.meta.url));

// BENCH_SERVER_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, to look inside the server.
function nodeArgs(): string[] {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
}

export interface ServerProcess {
  url: string;
  /** The backend's process id (its CPU time is read from /proc by cpu-meter.ts). */
  pid: number | undefined;
  poolSize: string;
  stop(): Promise<void>;
}

export async function startServerProcess(
  databaseUrl: string,
  secret: string,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs(), '--import', 'tsx', ENTRY], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LEADLANES_JWT_SECRET: secret },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const line = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening (\S+) pool (\S+)/.exec(output);
      if (found) resolve(found[0]);
    });
    void exited.then((code) => reject(new Error(`backend exited (${code}): ${output}`)));
  });
  const [, url = '', poolSize = ''] = /listening (\S+) pool (\S+)/.exec(line) ?? [];
  return {
    url,
    pid: child.pid,
    poolSize,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
