import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';

/**
 * The Content-Security-Policy of the built renderer, in both hosts. Scripts only from the app
 * itself (no eval, no inline script); styles may be inline because Ant Design injects its
 * CSS-in-JS; images from blobs for photos; connections to http(s) servers for sync.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' http: https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Adds the CSP to the built page only: the dev server needs inline scripts for hot reload. */
function cspMetaTag(): Plugin {
  return {
    name: 'fieldbook-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** Renderer build options shared by vite.config.ts (browser host) and electron.vite.config.ts. */
export function rendererViteOptions(outDir: string): UserConfig {
  return {
    root: import.meta.dirname,
    base: './',
    plugins: [react(), cspMetaTag()],
    build: {
      outDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 4000,
      sourcemap: true,
    },
    worker: { format: 'es' },
  };
}
