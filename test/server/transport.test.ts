import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseServerArgs } from '../../server/config';
import { PROTOCOL_HEADER } from '../../shared/sync/protocol';
import { makeTestCertificates, type TestCertificates } from './helpers/test-certificates';
import { bytesOf, DEFAULT_PASSWORD, startTestServer, testDialects, type TestServer } from './helpers/test-server';

const dialects = await testDialects();
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let certs: TestCertificates;
beforeAll(async () => {
  certs = await makeTestCertificates();
});

/** A request over https that trusts only the given CA (none: the system's). */
function httpsRequest(
  url: string,
  options: { ca?: string; method?: string; body?: unknown; token?: string } = {},
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const request = https.request(
      url,
      {
        method: options.method ?? 'GET',
        ...(options.ca ? { ca: options.ca } : {}),
        headers: {
          [PROTOCOL_HEADER]: '1',
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : undefined }),
        );
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/**
 * Sends the request head and `sent` of the `announced` body bytes on a raw socket, then nothing.
 * Resolves with what the server wrote and how long until it closed the connection.
 */
function stalledRequest(
  url: string,
  head: string[],
  announced: number,
  sent: string,
  giveUpMs: number,
): Promise<{ reply: string; closedAfterMs: number | null }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(Number(port), hostname);
    let reply = '';
    const giveUp = setTimeout(() => {
      socket.destroy();
      resolve({ reply, closedAfterMs: null });
    }, giveUpMs);
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString()));
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve({ reply, closedAfterMs: Date.now() - started });
    });
    socket.on('error', () => {});
    socket.write([...head, `content-length: ${announced}`, '', sent].join('\r\n'));
  });
}

describe('server transport settings', () => {
  it('takes the certificate and key from flags or the environment, both or neither; quota and request timeout too', () => {
    expect(parseServerArgs([], {}).tls).toBeUndefined();
    expect(parseServerArgs(['--tls-cert', '/etc/fb/cert.pem', '--tls-key', '/etc/fb/key.pem'], {}).tls).toEqual({
      certFile: '/etc/fb/cert.pem',
      keyFile: '/etc/fb/key.pem',
    });
    expect(parseServerArgs([], { FIELDBOOK_TLS_CERT: '/c.pem', FIELDBOOK_TLS_KEY: '/k.pem' }).tls).toEqual({
      certFile: '/c.pem',
      keyFile: '/k.pem',
    });
    expect(() => parseServerArgs(['--tls-cert', '/c.pem'], {})).toThrow(/--tls-key/);
    expect(() => parseServerArgs([], { FIELDBOOK_TLS_KEY: '/k.pem' })).toThrow(/--tls-cert/);
    const defaults = parseServerArgs([], {});
    expect(defaults.blobQuotaBytes).toBe(10 * 1024 * 1024 * 1024);
    expect(defaults.requestTimeoutMs).toBe(120_000);
    const set = parseServerArgs(['--blob-quota-mb', '500', '--request-timeout-s', '30'], {});
    expect(set).toMatchObject({ blobQuotaBytes: 500 * 1024 * 1024, requestTimeoutMs: 30_000 });
    expect(parseServerArgs([], { FIELDBOOK_BLOB_QUOTA_MB: '1', FIELDBOOK_REQUEST_TIMEOUT_S: '5' })).toMatchObject({
      blobQuotaBytes: 1024 * 1024,
      requestTimeoutMs: 5000,
    });
    expect(() => parseServerArgs(['--blob-quota-mb', '-1'], {})).toThrow(/blob-quota-mb/);
    expect(() => parseServerArgs(['--request-timeout-s', 'soon'], {})).toThrow(/request-timeout-s/);
  });
});

describe('HTTPS served by the server itself', () => {
  let t: TestServer;
  afterAll(async () => {
    await t?.dispose();
  });

  it('serves the API over TLS with a certificate from a test CA: trusted with the CA, refused without it, no plain HTTP on the port', async () => {
    t = await startTestServer('sqlite', { tls: { cert: certs.certPem, key: certs.keyPem } });
    expect(t.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    await t.addUser('alice');
    const project = await t.addProject('TLS-1', { members: { alice: 'engineer' } });

    const health = await httpsRequest(`${t.url}/v1/health`, { ca: certs.caPem });
    expect(health).toMatchObject({ status: 200, body: { ok: true } });
    const login = await httpsRequest(`${t.url}/v1/auth/login`, {
      ca: certs.caPem,
      method: 'POST',
      body: { username: 'alice', password: DEFAULT_PASSWORD },
    });
    expect(login.status).toBe(200);
    const token = (login.body as { token: string }).token;
    const projects = await httpsRequest(`${t.url}/v1/projects`, { ca: certs.caPem, token });
    expect(projects.body).toMatchObject({ projects: [{ id: project.id, code: 'TLS-1' }] });
    // Also by name: the certificate names localhost too.
    expect(
      (await httpsRequest(t.url.replace('127.0.0.1', 'localhost') + '/v1/health', { ca: certs.caPem })).status,
    ).toBe(200);

    // A client that does not trust the test CA refuses the connection.
    await expect(httpsRequest(`${t.url}/v1/health`)).rejects.toThrow(/certificate/i);
    // Plain HTTP to the TLS port gets no API answer.
    const plain = await fetch(t.url.replace('https:', 'http:') + '/v1/health').then(
      (r) => r.status,
      () => 'refused',
    );
    expect(plain).not.toBe(200);
  });
});

describe.each(dialects)('bounded requests and attachment quota (%s)', (dialect) => {
  let t: TestServer;
  afterEach(async () => {
    await t?.dispose();
  });

  it('a request body that never finishes is answered 408 and its connection closed after the configured time; the server serves on', async () => {
    t = await startTestServer(dialect, { requestTimeoutMs: 400 });
    await t.addUser('alice');
    const project = await t.addProject('SLOW-1', { members: { alice: 'engineer' } });
    const alice = await t.login('alice');
    const { host } = new URL(t.url);

    // A stranger's login that stops half-way through its JSON.
    const login = await stalledRequest(
      t.url,
      ['POST /v1/auth/login HTTP/1.1', `host: ${host}`, 'content-type: application/json'],
      200,
      '{"username":"alice","pass',
      10_000,
    );
    expect(login.closedAfterMs).not.toBeNull();
    expect(login.closedAfterMs!).toBeGreaterThanOrEqual(350);
    expect(login.closedAfterMs!).toBeLessThan(5_000);
    expect(login.reply).toMatch(/^HTTP\/1\.1 408/);

    // A member's attachment chunk that stops half-way.
    const bytes = bytesOf(2000, 5);
    const chunk = await stalledRequest(
      t.url,
      [
        `PUT /v1/blobs/${sha(bytes)}?projectId=${project.id}&offset=0&total=2000 HTTP/1.1`,
        `host: ${host}`,
        `authorization: Bearer ${alice.token}`,
        'content-type: application/octet-stream',
      ],
      2000,
      'x'.repeat(1000),
      10_000,
    );
    expect(chunk.closedAfterMs).not.toBeNull();
    expect(chunk.closedAfterMs!).toBeLessThan(5_000);
    expect(chunk.reply).toMatch(/^HTTP\/1\.1 408/);
    // Nothing of the half chunk was kept; the server still answers.
    expect((await alice.headBlob(sha(bytes), project.id)).headers.get('upload-offset')).toBe('0');
    expect((await alice.projects()).status).toBe(200);
  });

  it('an upload that would take a project past its quota is refused with 413 quota_exceeded before a byte is stored; other projects are not affected', async () => {
    t = await startTestServer(dialect, { blobQuotaBytes: 10_000 });
    await t.addUser('alice');
    const a = await t.addProject('Q-A', { members: { alice: 'engineer' } });
    const b = await t.addProject('Q-B', { members: { alice: 'engineer' } });
    const alice = await t.login('alice');
    const first = bytesOf(6000, 1);
    const second = bytesOf(5000, 2);

    expect((await alice.putBlob(sha(first), a.id, 0, first.byteLength, first)).body).toMatchObject({ complete: true });
    const refused = await alice.putBlob(sha(second), a.id, 0, second.byteLength, second);
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({
      error: 'quota_exceeded',
      message: expect.stringContaining('项目附件存储已满'),
      usedBytes: 6000,
      quotaBytes: 10_000,
      neededBytes: 5000,
    });
    expect((await alice.headBlob(sha(second), a.id)).headers.get('upload-offset')).toBe('0');
    expect(await t.counts()).toMatchObject({ blobs: 1, blob_projects: 1 });
    // Re-sending a file the project already has costs nothing.
    expect((await alice.putBlob(sha(first), a.id, 0, first.byteLength, first)).body).toMatchObject({ complete: true });
    // The other project has its own quota: the same file fits there, and counts there.
    expect((await alice.putBlob(sha(second), b.id, 0, second.byteLength, second)).body).toMatchObject({
      complete: true,
    });
    expect((await alice.putBlob(sha(first), b.id, 0, first.byteLength, first)).status).toBe(413);
  });

  it('uploads finishing at once near the quota: only as many as fit are recorded, the rest get 413', async () => {
    t = await startTestServer(dialect, { blobQuotaBytes: 10_000 });
    await t.addUser('alice');
    await t.addUser('bob');
    const a = await t.addProject('Q-RACE', { members: { alice: 'engineer', bob: 'engineer' } });
    const clients = [await t.login('alice'), await t.login('bob')];
    // Each file passes the check before its first byte (0 used); four together need 12,000.
    const files = [1, 2, 3, 4].map((seed) => bytesOf(3000, 40 + seed));
    const answers = await Promise.all(
      files.map((file, i) => clients[i % 2]!.putBlob(sha(file), a.id, 0, file.byteLength, file)),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 200, 200, 413]);
    expect(answers.find((answer) => answer.status === 413)!.body).toMatchObject({
      error: 'quota_exceeded',
      usedBytes: 9000,
      neededBytes: 3000,
    });
    expect(await t.counts()).toMatchObject({ blob_projects: 3 });
    // The refused file is not the project's: it can be sent again once there is room, not served now.
    const refused = files[answers.findIndex((answer) => answer.status === 413)]!;
    expect((await clients[0]!.headBlob(sha(refused), a.id)).status).toBe(404);
  });
});

describe('npm run server with a certificate', () => {
  it('reads the files named by FIELDBOOK_TLS_CERT / FIELDBOOK_TLS_KEY, logs an https:// address and serves on it', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fieldbook-tls-'));
    const root = path.resolve(import.meta.dirname, '../..');
    try {
      await fs.writeFile(path.join(dir, 'cert.pem'), certs.certPem);
      await fs.writeFile(path.join(dir, 'key.pem'), certs.keyPem);
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(root, 'server/main.ts'),
          '--data-dir',
          path.join(dir, 'data'),
          '--port',
          '0',
          '--host',
          '127.0.0.1',
        ],
        {
          cwd: root,
          env: {
            ...process.env,
            DATABASE_URL: '',
            FIELDBOOK_TLS_CERT: path.join(dir, 'cert.pem'),
            FIELDBOOK_TLS_KEY: path.join(dir, 'key.pem'),
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        const url = await new Promise<string>((resolve, reject) => {
          const timer = setInterval(() => {
            const match = /"url":"(https?:\/\/[^"]+)"/.exec(output);
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
        expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
        expect(await httpsRequest(`${url}/v1/health`, { ca: certs.caPem })).toMatchObject({
          status: 200,
          body: { ok: true },
        });
      } finally {
        child.kill('SIGTERM');
        await exited;
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
