#!/usr/bin/env node
// `npm start`: runs Fieldbook in Electron when the Electron binary is available, and otherwise
// serves the very same renderer to a browser, saying once, clearly, why.
//
// Since Electron 42 `npm install electron` downloads nothing; the binary is fetched on first
// use. Where that download is impossible (offline machines, networks that only reach the npm
// registry) the desktop app cannot start, but the renderer runs unchanged in a browser.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const electronDir = join(root, 'node_modules', 'electron');
const previewPort = 5173;
const installTimeoutMs = 60_000;

/** The child currently running, so Ctrl+C / a service manager's SIGTERM reaches it. */
let current = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current && current.exitCode === null && current.signalCode === null) current.kill(signal);
    else process.exit(130);
  });
}

/** The same test Electron's own index.js makes, without requiring it (that would download). */
function electronBinaryPresent() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true;
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  return existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

/** Path of a package's CLI script, run with this Node (no shell, no .cmd shims on Windows). */
function binOf(packageName, binName = packageName) {
  const require = createRequire(join(root, 'package.json'));
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return join(manifestPath, '..', typeof bin === 'string' ? bin : bin[binName]);
}

/** Runs node with the arguments; resolves with the exit code (null when killed). */
function runNode(args, { timeoutMs, onOutput } = {}) {
  return new Promise((resolvePromise) => {
    const stdio = onOutput ? ['ignore', 'pipe', 'pipe'] : 'inherit';
    const child = spawn(process.execPath, args, { cwd: root, stdio });
    current = child;
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    const timer = timeoutMs
      ? setTimeout(() => {
          console.error(`[start] giving up after ${timeoutMs / 1000} s`);
          child.kill('SIGTERM');
        }, timeoutMs)
      : null;
    child.on('error', (error) => {
      console.error(`[start] could not run ${args.join(' ')}: ${error.message}`);
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      current = null;
      resolvePromise(code);
    });
  });
}

async function runOrExit(args) {
  const code = await runNode(args);
  if (code !== 0) process.exit(code ?? 1);
}

async function startElectron() {
  await runOrExit([binOf('electron-vite'), 'build']);
  // electron/cli.js starts the binary on the folder's package.json ("main": out/main/index.js)
  // and forwards SIGINT/SIGTERM to it itself.
  const code = await runNode([join(electronDir, 'cli.js'), root]);
  process.exit(code ?? 0);
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolveTimer) => setTimeout(resolveTimer, 250));
  }
  return false;
}

async function startBrowserHost() {
  console.log(
    [
      '',
      '─'.repeat(92),
      'The Electron binary is missing, so the desktop app cannot start here: Electron downloads',
      'its binary on first use, and that download did not succeed from this machine. To provide',
      'it, point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron build',
      '(ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron/dist npm start), or run',
      '`npx electron --version` once on a machine with internet and copy node_modules/electron',
      '(dist/ and path.txt) here, or set ELECTRON_MIRROR to a reachable mirror and run npm start',
      'again. Meanwhile the same app is served for the browser; it keeps its data in the browser.',
      '未找到 Electron 可执行文件，桌面版无法启动；现在改为在浏览器中提供同一个应用。',
      '─'.repeat(92),
      '',
    ].join('\n'),
  );
  const vite = binOf('vite');
  await runOrExit([vite, 'build']);

  const url = `http://localhost:${previewPort}/`;
  const preview = runNode([vite, 'preview', '--port', String(previewPort), '--strictPort']);
  const child = current;
  if (await waitForHttp(url, 30_000)) {
    console.log(`\n  ➜  Fieldbook (browser): ${url}\n     在浏览器中打开: ${url}\n`);
  } else if (child && child.exitCode === null) {
    console.error(`[start] vite preview did not answer on ${url} within 30 s`);
  }
  process.exit((await preview) ?? 0);
}

/** Electron's own installer (honours ELECTRON_MIRROR); its stack trace is cut to one line. */
async function tryElectronInstaller() {
  console.log("[start] Electron binary not found; trying Electron's installer once…");
  let output = '';
  const code = await runNode([join(electronDir, 'install.js')], {
    timeoutMs: installTimeoutMs,
    onOutput: (chunk) => (output += chunk),
  });
  if (code !== 0) {
    const firstLine = output.trim().split('\n')[0] || `exit code ${code}`;
    console.log(`[start] the installer did not succeed: ${firstLine}`);
  }
}

if (!electronBinaryPresent()) await tryElectronInstaller();
if (electronBinaryPresent()) await startElectron();
else await startBrowserHost();
