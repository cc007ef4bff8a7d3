import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { BuildServerOptions } from '../../../server/app';

const root = path.resolve(import.meta.dirname, '../../..');

/** A server running as a child process of the test, found by the URL it logs. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Sends the signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `node --import tsx <script> ...args` from the repository root and waits until it logs
 * its URL (`"url":"http://…"`, as server/main.ts and server-child.ts do). Rejects with the
 * output when the process exits first or takes longer than `timeoutMs`.
 */
export async function spawnServer(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const match = /"url":"(https?:\/\/[^"]+)"/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve(match[1]!);
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        child.kill('SIGKILL');
        reject(new Error(`${script} did not start within ${timeoutMs} ms: ${output}`));
      }
    }, 25);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`${script} exited with ${code} before listening: ${output}`));
    });
  });
  return {
    url,
    child,
    output: () => output,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * The real server app (buildServer) in a process of its own, with options a command line cannot
 * give (a test's low password cost, throttle settings): see server-child.ts.
 */
export function spawnChildServer(
  options: Omit<BuildServerOptions, 'now' | 'faults' | 'logger'>,
): Promise<ServerProcess> {
  return spawnServer('test/server/helpers/server-child.ts', [], { FIELDBOOK_CHILD_OPTIONS: JSON.stringify(options) });
}
