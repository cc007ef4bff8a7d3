import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { desktopChannels } from '../../shared/desktop-api';

/**
 * The packaged shape of the app, in a real Electron: runs only where the Electron binary exists
 * (Electron ≥ 42 downloads it on first use, which fails offline). Builds out/ first, unless
 * FIELDBOOK_PREBUILT=1 says the caller already ran `electron-vite build`.
 */

const repoRoot = join(import.meta.dirname, '..', '..');
const electronPackageDir = join(repoRoot, 'node_modules', 'electron');

/** Why Electron cannot run here, or null. Does not require('electron'): that would try to download. */
function electronMissingReason(): string | null {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  const pathFile = join(electronPackageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return 'the Electron binary is not installed (node_modules/electron/path.txt is missing); set ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron/dist to run these tests';
  }
  const executable = join(electronPackageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(executable)) return `the Electron binary ${executable} does not exist`;
  return null;
}

const missingReason = electronMissingReason();
if (missingReason) console.log(`[electron tests] skipped: ${missingReason}`);

test.describe('Electron app', () => {
  test.skip(missingReason !== null, missingReason ?? '');
  test.describe.configure({ mode: 'serial', timeout: 180_000 });

  let app: ElectronApplication;
  let page: Page;
  let userDataDir: string;

  test.beforeAll(async () => {
    if (process.env.FIELDBOOK_PREBUILT !== '1') {
      const require = createRequire(join(repoRoot, 'package.json'));
      const cli = join(require.resolve('electron-vite/package.json'), '..', 'bin', 'electron-vite.js');
      execFileSync(process.execPath, [cli, 'build'], { cwd: repoRoot, stdio: 'inherit' });
    }
    userDataDir = mkdtempSync(join(tmpdir(), 'fieldbook-electron-'));
    app = await _electron.launch({
      // The folder, so Electron reads package.json ("main": "out/main/index.js", productName).
      args: [
        repoRoot,
        `--user-data-dir=${userDataDir}`,
        // Chromium refuses to start as root with its sandbox (containers, CI runners).
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  test('opens one window on app://fieldbook/', async () => {
    expect(page.url()).toMatch(/^app:\/\/fieldbook\/index\.html/);
    expect(app.windows()).toHaveLength(1);
    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(title).toContain('Fieldbook');
  });

  test('the page has no Node: require, process, module and Buffer are undefined', async () => {
    const types = await page.evaluate(() => {
      const scope = globalThis as Record<string, unknown>;
      return ['require', 'process', 'module', 'Buffer', 'ipcRenderer'].map((name) => typeof scope[name]);
    });
    expect(types).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
  });

  test('window.open is denied', async () => {
    // Not an http(s) URL: those would be handed to the system browser.
    const opened = await page.evaluate(() => [
      window.open('about:blank') === null,
      window.open('app://fieldbook/index.html', '_blank') === null,
    ]);
    expect(opened).toEqual([true, true]);
    expect(app.windows()).toHaveLength(1);
  });

  test('window.desktop has exactly the DesktopApi methods, and they reach main', async () => {
    const methods = await page.evaluate(() => {
      const desktop = (window as unknown as { desktop: Record<string, unknown> }).desktop;
      return Object.keys(desktop).map((name) => [name, typeof desktop[name]]);
    });
    expect(methods.map(([name]) => name).sort()).toEqual(Object.keys(desktopChannels).sort());
    expect(methods.every(([, type]) => type === 'function')).toBe(true);

    const info = await page.evaluate(() =>
      (window as unknown as { desktop: { getAppInfo(): Promise<{ host: string }> } }).desktop.getAppInfo(),
    );
    expect(info.host).toBe('electron');
  });

  test('app:// responses carry the Content-Security-Policy header', async () => {
    const csp = await page.evaluate(async () =>
      (await fetch('app://fieldbook/index.html')).headers.get('content-security-policy'),
    );
    expect(csp).toContain("script-src 'self'");
  });
});
