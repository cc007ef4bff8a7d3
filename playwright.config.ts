import { defineConfig } from '@playwright/test';

const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium (apt-get install chromium); Playwright never downloads a browser here. */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: chromiumFlags,
};

// Overridable so that several runs on one machine (a developer's and a helper's) do not share a
// port or a build folder.
const WEB_PORT = Number(process.env.E2E_PORT ?? 4317);
// Absolute: vite resolves a relative --outDir against the renderer's root.
const WEB_OUT_DIR = process.env.E2E_PORT ? `${process.cwd()}/dist-e2e-${WEB_PORT}` : `${process.cwd()}/dist-web`;

export default defineConfig({
  testDir: 'test',
  testMatch: '**/*.spec.ts',
  outputDir: process.env.E2E_PORT ? `test-results-${WEB_PORT}` : 'test-results',
  // Generous: CI machines have two cores and every page here does real IndexedDB work.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${WEB_PORT}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'web', testDir: 'test/e2e' },
    { name: 'electron', testDir: 'test/electron' },
  ],
  webServer: {
    // The browser host exactly as users get it: the production build, served statically.
    command: `npx vite build --logLevel warn --outDir ${WEB_OUT_DIR} && npx vite preview --outDir ${WEB_OUT_DIR} --port ${WEB_PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${WEB_PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
