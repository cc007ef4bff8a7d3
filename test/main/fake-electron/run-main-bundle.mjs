/* global Request -- Node's fetch API, as the app:// handler receives it from Electron */
// Starts a built out/main/index.js against the fake Electron and prints, as JSON, what the app
// set up and how it answered a few requests. Run by main-bundle.test.ts.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { setImmediate } from 'node:timers';
import { pathToFileURL } from 'node:url';

const [mainBundle] = process.argv.slice(2);
await import(pathToFileURL(mainBundle).href);
while (globalThis.fakeElectron.windows.length === 0) await new Promise((resolve) => setImmediate(resolve));
const electron = globalThis.fakeElectron;

const fromApp = { senderFrame: { url: 'app://fieldbook/index.html' } };
const fromElsewhere = { senderFrame: { url: 'https://evil.example/' } };
const invoke = async (event, channel, ...args) => {
  try {
    return { ok: await electron.ipcHandlers[channel](event, ...args) };
  } catch (error) {
    return { error: error.message };
  }
};
const fetchApp = async (url) => {
  const response = await electron.protocolHandlers.app(new Request(url));
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    csp: response.headers.get('content-security-policy'),
    body: (await response.text()).slice(0, 4000),
  };
};

const [window] = electron.windows;
const contents = window.webContents;
let navigationPrevented = false;
contents.emit('will-navigate', { preventDefault: () => (navigationPrevented = true) }, 'https://evil.example/');
let permissionGranted = null;
electron.permissions.request(contents, 'media', (granted) => (permissionGranted = granted));

const appInfo = await invoke(fromApp, 'app:info');
const result = {
  privilegedSchemes: electron.privilegedSchemes,
  sandboxEnabled: electron.sandboxEnabled,
  channels: Object.keys(electron.ipcHandlers),
  window: { url: window.loadedUrl, title: window.options.title, webPreferences: window.options.webPreferences },
  preloadSource: await readFile(window.options.webPreferences.preload, 'utf8'),
  responses: {
    index: await fetchApp('app://fieldbook/index.html'),
    traversal: await fetchApp('app://fieldbook/%2e%2e%2fmain%2findex.js'),
    // Every chunk of the code-split renderer (lazy pages, libraries, the document worker).
    chunks: await Promise.all(
      (await readdir(join(dirname(mainBundle), '..', 'renderer', 'assets')))
        .filter((name) => name.endsWith('.js'))
        .map(async (name) => {
          const { status, contentType, csp } = await fetchApp(`app://fieldbook/assets/${name}`);
          return { name, status, contentType, csp };
        }),
    ),
  },
  ipc: {
    appInfo,
    setSettings: await invoke(fromApp, 'settings:set', { userName: '测试' }),
    badSettings: await invoke(fromApp, 'settings:set', { language: 'xx' }),
    foreign: await invoke(fromElsewhere, 'settings:get'),
    setToken: await invoke(fromApp, 'token:set', 'me@example.com', 'tok'),
    getToken: await invoke(fromApp, 'token:get', 'me@example.com'),
  },
  windowOpen: contents.windowOpenHandler({ url: 'https://example.com/' }),
  openedExternally: electron.openedExternally,
  navigationPrevented,
  permissionGranted,
  permissionCheck: electron.permissions.check(),
  settingsFile: JSON.parse(await readFile(`${appInfo.ok.dataLocation}/settings.json`, 'utf8')),
};
process.stdout.write(`\n${JSON.stringify(result)}\n`);
process.exit(0);
