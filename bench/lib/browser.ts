/**
 * The browser side of the harness: a static server for bench/dist (the bench page under
 * /page/, the real app under /app/, one origin, so both see the same IndexedDB) and Debian's
 * Chromium with an on-disk profile. A default Playwright context keeps IndexedDB in memory,
 * which makes writes about twice as fast as users see them: always launchPersistentContext.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { distDir, freshProfile, log } from './harness';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves bench/dist on 127.0.0.1 at a free port. Nothing is cached, so every load is a load. */
export async function serveDist(root = distDir): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      let file = path.join(root, decodeURIComponent(url.pathname));
      if (!file.startsWith(root)) {
        response.writeHead(403).end();
        return;
      }
      try {
        if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
        const size = (await stat(file)).size;
        const headers: Record<string, string | number> = {
          'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
          'Content-Length': size,
          'Cache-Control': 'no-store',
        };
        // The bench page only: cross-origin isolation gives performance.now() 5 µs resolution
        // instead of 100 µs. The app is served as it is.
        if (url.pathname.startsWith('/page/')) {
          headers['Cross-Origin-Opener-Policy'] = 'same-origin';
          headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
        }
        response.writeHead(200, headers);
        createReadStream(file).pipe(response);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Debian's Chromium; Playwright never downloads a browser here. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A headless Chromium with an on-disk profile under bench/.profile/<name>, emptied first. */
export async function launchBrowser(name: string): Promise<BrowserContext> {
  const profile = freshProfile(name);
  log(`chromium with profile ${path.relative(process.cwd(), profile)}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumFlags,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
  });
  // tsx compiles with esbuild's keepNames, so functions handed to page.evaluate or
  // addInitScript may call esbuild's __name helper, which the page does not have.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  return context;
}

/**
 * Builds what is asked for, serves bench/dist and opens a browser; closes both afterwards,
 * whatever happens.
 */
export async function withBrowser<T>(
  name: string,
  builds: ReadonlyArray<() => Promise<string>>,
  run: (browser: { context: BrowserContext; origin: string }) => Promise<T>,
): Promise<T> {
  for (const build of builds) await build();
  const server = await serveDist();
  let context: BrowserContext | undefined;
  try {
    context = await launchBrowser(name);
    return await run({ context, origin: server.origin });
  } finally {
    await context?.close().catch(() => undefined);
    await server.close();
  }
}
