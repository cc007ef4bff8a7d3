import { defineConfig } from 'vite';

/**
 * The bench page (bench/browser/bench.html): the app's real data layer bundled as the app bundles
 * it, into bench/dist/page. Built by bench/lib/harness.ts; served next to the app build.
 */
export default defineConfig({
  root: `${import.meta.dirname}/browser`,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: `${import.meta.dirname}/dist/page`,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: `${import.meta.dirname}/browser/bench.html` },
  },
});
