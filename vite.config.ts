import { defineConfig } from 'vite';
import { rendererViteOptions } from './renderer/vite-options';

// The browser host: the same renderer as in Electron, served as a plain web app.
export default defineConfig({
  ...rendererViteOptions(`${import.meta.dirname}/dist-web`),
  preview: { port: 5173, strictPort: true },
  server: { port: 5173 },
});
