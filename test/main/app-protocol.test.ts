import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, createAppProtocolHandler, resolveAppRequest } from '../../main/app-protocol';
import { contentSecurityPolicy } from '../../shared/content-security-policy';

let parent: string;
let root: string;
beforeAll(async () => {
  // A renderer folder with a secret file next to it, to be sure nothing can reach the secret.
  parent = await mkdtemp(join(tmpdir(), 'fieldbook-protocol-'));
  root = join(parent, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Fieldbook</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', '资产 图标.svg'), '<svg/>');
  await writeFile(join(parent, 'secret.txt'), 'do not serve');
});
afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
});

describe('resolveAppRequest', () => {
  it.each([
    ['app://fieldbook/index.html', 'index.html'],
    ['app://fieldbook/', 'index.html'],
    ['app://fieldbook', 'index.html'],
    ['app://fieldbook/?x=1#/route', 'index.html'],
    ['app://fieldbook/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://fieldbook/assets/index-abc.js?v=2#hash', 'assets/index-abc.js'],
    ['app://fieldbook/assets/%E8%B5%84%E4%BA%A7%20%E5%9B%BE%E6%A0%87.svg', 'assets/资产 图标.svg'],
  ])('serves %s from %s', (url, relative) => {
    expect(resolveAppRequest(url, root)).toEqual({ ok: true, filePath: join(root, relative) });
  });

  it.each([
    'app://fieldbook/../secret.txt',
    'app://fieldbook/assets/../../secret.txt',
    'app://fieldbook/%2e%2e/secret.txt',
    'app://fieldbook/%2E%2E/secret.txt',
    'app://fieldbook/.%2e/secret.txt',
    'app://fieldbook/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://fieldbook/..%2fsecret.txt',
    'app://fieldbook/..%5csecret.txt',
    'app://fieldbook/..\\secret.txt',
    'app://fieldbook/assets\\..\\..\\secret.txt',
    'app://fieldbook/./index.html',
    'app://fieldbook//etc/passwd',
    'app://fieldbook/%2Fetc%2Fpasswd',
    'app://fieldbook/C:/Windows/win.ini',
    'app://fieldbook/C:%5CWindows%5Cwin.ini',
    'app://fieldbook/%5C%5Cserver%5Cshare',
    'app://fieldbook/index.html%00.js',
    'app://fieldbook/assets/',
  ])('refuses the traversal attempt %s', (url) => {
    const result = resolveAppRequest(url, root);
    expect(result.ok).toBe(false);
  });

  it.each([
    'app://other-host/index.html',
    'app://fieldbook.evil.example/index.html',
    'app://user@fieldbook/index.html',
    'app://fieldbook:1234/index.html',
    'file:///etc/passwd',
    'https://fieldbook/index.html',
  ])('refuses a request for another origin: %s', (url) => {
    expect(resolveAppRequest(url, root)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses malformed URLs and encodings', () => {
    expect(resolveAppRequest('not a url', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppRequest('app://fieldbook/%E0%A4%A', root)).toMatchObject({ ok: false, status: 400 });
  });
});

describe('app protocol handler', () => {
  const handler = () => createAppProtocolHandler({ rootDir: root, readFile: (path) => readFile(path) });

  it('serves files with their content type and the CSP header', async () => {
    const response = await handler()(new Request('app://fieldbook/assets/index-abc.js'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves index.html for the root and for client-side routes without an extension', async () => {
    for (const url of ['app://fieldbook/', 'app://fieldbook/projects/42']) {
      const response = await handler()(new Request(url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('<title>Fieldbook</title>');
    }
  });

  it('answers 404 for a missing file, 403 (logged) for a traversal, 405 for writes', async () => {
    const logged: string[] = [];
    const handle = createAppProtocolHandler({
      rootDir: root,
      readFile: (path) => readFile(path),
      log: (m) => logged.push(m),
    });
    expect((await handle(new Request('app://fieldbook/assets/missing.js'))).status).toBe(404);
    const refused = await handle(new Request('app://fieldbook/%2e%2e%2fsecret.txt'));
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('do not serve');
    expect(logged.some((m) => m.includes('secret.txt'))).toBe(true);
    expect((await handle(new Request('app://fieldbook/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('knows the content types the renderer build produces', () => {
    expect(contentTypeOf('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('a.WOFF2')).toBe('font/woff2');
    expect(contentTypeOf('a.wasm')).toBe('application/wasm');
    expect(contentTypeOf('a.unknown')).toBe('application/octet-stream');
  });
});
