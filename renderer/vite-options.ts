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
      chunkSizeWarningLimit: 4000,
      sourcemap: true,
    },
    worker: { format: 'es' },
  };
}
