import { defineConfig } from 'electron-vite';
import { rendererViteOptions } from './renderer/vite-options';

const root = import.meta.dirname;
// test/main/main-bundle.test.ts builds into a temporary folder instead, so it never races a
// build or a running app using out/.
const outDir = process.env.FIELDBOOK_ELECTRON_OUT_DIR ?? `${root}/out`;
const renderer = rendererViteOptions(`${outDir}/renderer`);

/**
 * The Electron build: out/main/index.js (ESM, package.json "main"), out/preload/index.cjs and
 * out/renderer/. Sources sit in top-level main/, preload/, renderer/, so every input is given
 * explicitly instead of electron-vite's src/ defaults.
 */
export default defineConfig({
  main: {
    build: {
      outDir: `${outDir}/main`,
      // Bundle electron-store, zod and the rest into main: the packaged app then ships no
      // node_modules at all (electron-builder.yml excludes them), and server-only native
      // dependencies such as better-sqlite3 never reach it. electron-vite still externalizes
      // `electron` and Node built-ins.
      externalizeDeps: false,
      rolldownOptions: { input: { index: `${root}/main/index.ts` } },
    },
  },
  preload: {
    build: {
      outDir: `${outDir}/preload`,
      // A sandboxed preload cannot load other files or packages (only `require('electron')`),
      // and cannot be an ES module: one self-contained CommonJS file. The .cjs extension keeps
      // it CommonJS despite "type": "module" in package.json.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: `${root}/preload/index.ts` },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
        // zod's schema builders have no side effects; saying so lets the bundler drop the
        // schemas of shared/desktop-api.ts (and zod with them), of which the preload needs only
        // the channel table: 1 kB instead of 160 kB loaded into every window.
        treeshake: { manualPureFunctions: ['z'] },
      },
    },
  },
  renderer: {
    ...renderer,
    root: `${root}/renderer`,
    build: {
      ...renderer.build,
      rolldownOptions: { input: { index: `${root}/renderer/index.html` } },
    },
  },
});
