import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';
import { contentSecurityPolicy, metaContentSecurityPolicy } from '../shared/content-security-policy';

// The policy lives in shared/ because the Electron main process also sends it as a header.
export { contentSecurityPolicy };

// This folder, from import.meta.url rather than import.meta.dirname: electron-vite bundles its
// config with this file into a temporary file at the repository root and rewrites only
// import.meta.url (and __dirname) to the original location, so import.meta.dirname here would
// name the repository root when electron.vite.config.ts imports this module.
const rendererDir = fileURLToPath(new URL('.', import.meta.url));

/** Adds the CSP to the built page only: the dev server needs inline scripts for hot reload. */
function cspMetaTag(): Plugin {
  return {
    name: 'fieldbook-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

function appVersion(): string {
  return (JSON.parse(readFileSync(`${rendererDir}/../package.json`, 'utf8')) as { version: string }).version;
}

/** Renderer build options shared by vite.config.ts (browser host) and electron.vite.config.ts. */
export function rendererViteOptions(outDir: string): UserConfig {
  return {
    root: rendererDir,
    base: './',
    plugins: [react(), cspMetaTag()],
    define: { __APP_VERSION__: JSON.stringify(appVersion()) },
    build: {
      outDir,
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified unless told; both hosts ship the same
      // minified code split, which the budget in test/main/main-bundle.test.ts measures.
      minify: true,
      sourcemap: true,
    },
    worker: {
      format: 'es',
      // The document worker carries docx (1.3 MB) and ECharts (0.5 MB, for the charts of the
      // 巡检月报): each its own chunk, which the worker imports (a module worker), so no file is
      // over the 1.5 MB budget (test/main/main-bundle.test.ts) and each is cached on its own.
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              { name: 'docx', test: /[\\/]node_modules[\\/]docx[\\/]/ },
              { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/ },
            ],
          },
        },
      },
    },
  };
}
