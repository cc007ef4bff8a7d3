import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktopChannels } from '../../shared/desktop-api';
import { contentSecurityPolicy } from '../../shared/content-security-policy';
import { CHUNK_BUDGET, INITIAL_JS_BUDGET, measureBundle } from '../../scripts/bundle-budget';

/**
 * The built main process, started in plain Node against a fake `electron` module
 * (test/main/fake-electron/). No Electron binary is needed, so this runs everywhere and checks
 * what the unit tests cannot: that electron-vite's bundle (electron-store, conf, ajv, zod all
 * inlined, ESM) loads, that the paths to the preload and renderer fit the out/ layout, and that
 * index.ts wires the modules together. test/electron/ covers the real Electron.
 */

const repoRoot = join(import.meta.dirname, '..', '..');
const fakeElectron = join(import.meta.dirname, 'fake-electron');
const run = promisify(execFile);

let outDir: string;
let userData: string;
let result: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'fieldbook-out-'));
  userData = await mkdtemp(join(tmpdir(), 'fieldbook-userdata-'));
  const require = createRequire(join(repoRoot, 'package.json'));
  const cli = join(require.resolve('electron-vite/package.json'), '..', 'bin', 'electron-vite.js');
  await run(process.execPath, [cli, 'build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    env: { ...process.env, FIELDBOOK_ELECTRON_OUT_DIR: outDir },
  });
  const { stdout } = await run(
    process.execPath,
    [
      '--import',
      join(fakeElectron, 'register.mjs'),
      join(fakeElectron, 'run-main-bundle.mjs'),
      join(outDir, 'main', 'index.js'),
    ],
    { env: { ...process.env, FAKE_ELECTRON_USER_DATA: userData } },
  );
  result = JSON.parse(stdout.trim().split('\n').at(-1)!);
}, 120_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
  await rm(userData, { recursive: true, force: true });
});

describe('built main process (fake Electron)', () => {
  it('emits exactly out/main/index.js and out/preload/index.cjs, and bundles the preload alone', async () => {
    expect(await readdir(join(outDir, 'main'))).toEqual(['index.js']);
    expect(await readdir(join(outDir, 'preload'))).toEqual(['index.cjs']);
    // The sandboxed preload may require nothing but electron.
    const required = [...result.preloadSource.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(result.preloadSource).toContain('exposeInMainWorld("desktop"');
  });

  it('registers app:// as privileged before ready, and sandboxes every renderer', () => {
    expect(result.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(result.sandboxEnabled).toBe(true);
  });

  it('opens the window on app://fieldbook/ with the locked-down webPreferences and the built preload', () => {
    expect(result.window.url).toBe('app://fieldbook/index.html');
    expect(result.window.title).toBe('运维现场手册 Fieldbook');
    expect(result.window.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: join(outDir, 'preload', 'index.cjs'),
    });
  });

  it('serves the built renderer over app:// with the CSP header, and refuses traversal', () => {
    expect(result.responses.index).toMatchObject({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      csp: contentSecurityPolicy,
    });
    expect(result.responses.index.body).toContain('<div id="root">');
    expect(result.responses.traversal.status).toBe(403);
  });

  it('serves every chunk of the code-split renderer over app://, as JavaScript with the CSP', async () => {
    const built = (await readdir(join(outDir, 'renderer', 'assets'))).filter((name) => name.endsWith('.js'));
    // The pages, ECharts, the document worker… are chunks of their own (issue 16).
    expect(built.length).toBeGreaterThan(20);
    expect(result.responses.chunks.map((chunk: { name: string }) => chunk.name).sort()).toEqual(built.sort());
    for (const chunk of result.responses.chunks) {
      expect(chunk, chunk.name).toMatchObject({
        status: 200,
        contentType: 'text/javascript; charset=utf-8',
        csp: contentSecurityPolicy,
      });
    }
  });

  it('handles every channel, checks the sender and validates the arguments', () => {
    expect(result.channels.sort()).toEqual(Object.values(desktopChannels).sort());
    expect(result.ipc.appInfo.ok).toMatchObject({ host: 'electron', version: '0.0.0-test', dataLocation: userData });
    expect(result.ipc.setSettings.ok).toMatchObject({ userName: '测试' });
    expect(result.ipc.badSettings.error).toMatch(/Invalid argument to setSettings/);
    expect(result.ipc.foreign.error).toMatch(/Refused/);
    expect(result.ipc.setToken.ok).toBe('keychain');
    expect(result.ipc.getToken.ok).toBe('tok');
    expect(result.settingsFile).toEqual({
      language: 'zh-CN',
      userName: '测试',
      syncServerUrl: '',
      companyName: '',
      userPhone: '',
      identityAsked: false,
    });
  });

  it('denies new windows, navigation away and permissions', () => {
    expect(result.windowOpen).toEqual({ action: 'deny' });
    // A web link clicked in place goes to the system browser too, instead of replacing the app.
    expect(result.openedExternally).toEqual(['https://evil.example/', 'https://example.com/']);
    expect(result.navigationPrevented).toBe(true);
    expect(result.permissionGranted).toBe(false);
    expect(result.permissionCheck).toBe(false);
  });
});

/**
 * The renderer's bundle budget (issue 16), on the renderer this build made: the same code split
 * as the web build (both use renderer/vite-options.ts). What the first screen waits for is the
 * entry script of index.html with its modulepreloads and static imports (scripts/bundle-budget.ts).
 */
describe('renderer bundle budget', () => {
  const kB = (bytes: number) => `${Math.round(bytes / 1000)} kB`;

  it('loads at most 1.2 MB of JavaScript before the first paint', () => {
    const { initial, initialBytes } = measureBundle(join(outDir, 'renderer'));
    const biggest = [...initial]
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 5)
      .map(({ file, bytes }) => `${file} ${kB(bytes)}`);
    expect(
      initialBytes,
      `${kB(initialBytes)} before the first paint; largest: ${biggest.join(', ')}`,
    ).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
  });

  it('has no chunk over 1.5 MB', () => {
    const { largest } = measureBundle(join(outDir, 'renderer'));
    expect(largest.bytes, `${largest.file} is ${kB(largest.bytes)}`).toBeLessThanOrEqual(CHUNK_BUDGET);
  });

  it('keeps the Word builders (docx) and ECharts out of what the first screen loads', async () => {
    const report = measureBundle(join(outDir, 'renderer'));
    const initial = new Set(report.initial.map(({ file }) => file));
    // Strings only these libraries carry: docx's packer writes this part, ECharts names its renderers so.
    const holding = async (marker: string) =>
      (
        await Promise.all(
          report.chunks.map(async ({ file }) =>
            (await readFile(join(outDir, 'renderer', file), 'utf8')).includes(marker) ? file : null,
          ),
        )
      ).filter((file) => file !== null);
    const docxChunks = await holding('word/_rels/document.xml.rels');
    const echartsChunks = await holding('ECharts');
    expect(docxChunks.length).toBeGreaterThan(0);
    expect(echartsChunks.length).toBeGreaterThan(0);
    for (const file of [...docxChunks, ...echartsChunks])
      expect(initial.has(file), `${file} is loaded before the first paint`).toBe(false);
    // The screens know the documents through the docx-free catalogue: docx is loaded by the
    // document worker only, never by the page, not even by a lazy route or a template check.
    const mainThread = new Set(report.mainThread.map(({ file }) => file));
    expect(mainThread.size).toBeGreaterThan(initial.size);
    for (const file of docxChunks) expect(mainThread.has(file), `${file} (docx) is loaded by the page`).toBe(false);
  });
});
