import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_PORT, parseServerArgs } from '../../server/config';
import { SQLITE_FILE } from '../../server/db/store';
import { createSchema, dropSchema, PG_URL } from './helpers/postgres';
import { testDialects } from './helpers/test-server';

const dialects = await testDialects();
const root = path.resolve(import.meta.dirname, '../..');

describe('server configuration', () => {
  it('flags win over the environment, the environment over the defaults', () => {
    expect(parseServerArgs([], {})).toMatchObject({
      dataDir: path.resolve('data'),
      port: DEFAULT_PORT,
      host: '0.0.0.0',
      logLevel: 'info',
    });
    expect(parseServerArgs([], {})).not.toHaveProperty('databaseUrl');
    const env = { FIELDBOOK_DATA_DIR: '/srv/fb', PORT: '9000', HOST: '127.0.0.1', DATABASE_URL: 'postgres://u@db/fb' };
    expect(parseServerArgs([], env)).toMatchObject({
      dataDir: '/srv/fb',
      port: 9000,
      host: '127.0.0.1',
      databaseUrl: 'postgres://u@db/fb',
    });
    expect(parseServerArgs(['--data-dir', '/tmp/x', '--port', '1234', '--host', '::1'], env)).toMatchObject({
      dataDir: '/tmp/x',
      port: 1234,
      host: '::1',
    });
    expect(() => parseServerArgs(['--port', 'eighty'], {})).toThrow(ConfigError);
    expect(() => parseServerArgs(['--prot', '80'], {})).toThrow(ConfigError);
    expect(() => parseServerArgs([], { DATABASE_URL: 'mysql://x' })).toThrow(/postgres/);
    expect(() => parseServerArgs(['--pg-schema', 'a;drop'], {})).toThrow(ConfigError);
    expect(parseServerArgs([], {}).trustProxy).toBe(false);
    expect(parseServerArgs(['--trust-proxy'], {}).trustProxy).toBe(true);
    expect(parseServerArgs([], { FIELDBOOK_TRUST_PROXY: '1' }).trustProxy).toBe(true);
  });

  it('reads who may see /metrics: a token and/or a separate address', () => {
    const token = 'a'.repeat(32);
    expect(parseServerArgs([], {}).metrics).toEqual({});
    expect(
      parseServerArgs([], { FIELDBOOK_METRICS_TOKEN: token, FIELDBOOK_METRICS_LISTEN: '127.0.0.1:9464' }).metrics,
    ).toEqual({ token, listen: { host: '127.0.0.1', port: 9464 } });
    expect(parseServerArgs(['--metrics-listen', '[::1]:9100'], {}).metrics).toEqual({
      listen: { host: '::1', port: 9100 },
    });
    expect(parseServerArgs(['--metrics-listen', '9464'], {}).metrics).toEqual({
      listen: { host: '127.0.0.1', port: 9464 },
    });
    expect(() => parseServerArgs(['--metrics-token', 'short'], {})).toThrow(/20–200/);
    expect(() => parseServerArgs(['--metrics-listen', 'host:port'], {})).toThrow(ConfigError);
  });
});

describe('npm run server as a process: logs and metrics', () => {
  it('every log line of a request names its id, the one the error reply carries; --metrics-listen serves /metrics', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'fieldbook-main-'));
    try {
      const metricsPort = await freePort();
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(root, 'server/main.ts'),
          '--data-dir',
          dataDir,
          '--port',
          '0',
          '--host',
          '127.0.0.1',
          '--metrics-listen',
          `127.0.0.1:${metricsPort}`,
        ],
        {
          cwd: root,
          env: { ...process.env, FIELDBOOK_METRICS_TOKEN: 'token-of-the-monitoring-host-42' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
          if (match) {
            clearInterval(timer);
            resolve(match[1]!);
          }
        }, 50);
        void exited.then((code) => {
          clearInterval(timer);
          reject(new Error(`server exited with ${code}: ${output}`));
        });
      });
      const failed = await fetch(`${url}/v1/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"changes":[]}',
      });
      expect(failed.status).toBe(401);
      const { requestId } = (await failed.json()) as { requestId: string };
      expect(failed.headers.get('x-request-id')).toBe(requestId);
      expect(
        (await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer token-of-the-monitoring-host-42' } }))
          .status,
      ).toBe(200);
      const separate = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(await separate.text()).toMatch(
        /fieldbook_http_requests_total\{method="POST",route="\/v1\/sync\/push",status="401"\} 1/,
      );
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const lines = output
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { requestId?: string; msg: string; res?: { statusCode: number } });
      const ofRequest = lines.filter((line) => line.requestId === requestId);
      // Fastify's "incoming request" and "request completed" lines, the latter with the status.
      expect(ofRequest.map((line) => line.msg)).toEqual(['incoming request', 'request completed']);
      expect(ofRequest[1]!.res?.statusCode).toBe(401);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe.each(dialects)('npm run server as a process (%s)', (dialect) => {
  it('starts with migrations, serves, and stops cleanly on SIGTERM', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'fieldbook-main-'));
    const schema = dialect === 'postgres' ? await createSchema() : undefined;
    try {
      const env = { ...process.env, ...(schema ? { DATABASE_URL: PG_URL, FIELDBOOK_PG_SCHEMA: schema } : {}) };
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(root, 'server/main.ts'),
          '--data-dir',
          dataDir,
          '--port',
          '0',
          '--host',
          '127.0.0.1',
        ],
        {
          cwd: root,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
          if (match) {
            clearInterval(timer);
            resolve(match[1]!);
          }
        }, 50);
        void exited.then((code) => {
          clearInterval(timer);
          reject(new Error(`server exited with ${code}: ${output}`));
        });
      });
      const health = await fetch(`${url}/v1/health`);
      expect(health.status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('"msg":"stopped / 已停止"');
      expect(output).toContain(`"dialect":"${dialect}"`);
      // Structured logs: one JSON object per line.
      for (const line of output.trim().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
      const files = await fs.readdir(dataDir);
      expect(files.includes(SQLITE_FILE)).toBe(dialect === 'sqlite');
      // Attachment files under the data directory with SQLite; in the database with PostgreSQL.
      expect(files.includes('blobs')).toBe(dialect === 'sqlite');
    } finally {
      if (schema) await dropSchema(schema);
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
