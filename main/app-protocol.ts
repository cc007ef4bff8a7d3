import { extname, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../shared/content-security-policy';
import { appHost, appScheme } from './app-url';

/**
 * The app:// protocol: serves the built renderer folder, and nothing else, to the app's
 * windows. Resolution is a pure function so the path rules are unit-tested without Electron.
 */

export type AppRequestResolution = { ok: true; filePath: string } | { ok: false; status: 400 | 403; reason: string };

/**
 * Maps app://fieldbook/<path> to a file inside `rootDir`. Works on the raw URL text instead of
 * trusting URL normalisation: Chromium normalises dot segments for standard schemes, but an
 * encoded slash (%2F) or backslash (%5C) survives it and only means a separator after decoding.
 * So every decoded segment must be a plain file name; anything that could climb out of the
 * folder or name an absolute path is refused outright, and the final path is checked to lie
 * inside the folder as a last line.
 */
export function resolveAppRequest(requestUrl: string, rootDir: string): AppRequestResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost || url.username || url.password) {
    return { ok: false, status: 403, reason: 'not the app origin' };
  }

  const prefix = `${appScheme}://${appHost}`;
  if (requestUrl.slice(0, prefix.length).toLowerCase() !== prefix) {
    return { ok: false, status: 400, reason: 'unexpected URL form' };
  }
  const rawPath = requestUrl.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  if (rawPath === '' || rawPath === '/') return inside(rootDir, ['index.html']);
  if (!rawPath.startsWith('/')) return { ok: false, status: 400, reason: 'unexpected URL form' };

  const segments: string[] = [];
  for (const rawSegment of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return { ok: false, status: 400, reason: 'malformed percent-encoding' };
    }
    if (!isPlainFileName(segment)) {
      return { ok: false, status: 403, reason: `refused path segment ${JSON.stringify(segment)}` };
    }
    segments.push(segment);
  }
  return inside(rootDir, segments);
}

/** No separators, no dot segments, no drive letters (C:) or NUL, no empty segment (//). */
function isPlainFileName(segment: string): boolean {
  return segment !== '' && segment !== '.' && segment !== '..' && !/[/\\:\0]/.test(segment);
}

function inside(rootDir: string, segments: string[]): AppRequestResolution {
  const root = resolve(rootDir);
  const filePath = resolve(root, ...segments);
  if (!filePath.startsWith(root + sep)) {
    return { ok: false, status: 403, reason: 'outside the renderer folder' };
  }
  return { ok: true, filePath };
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(filePath: string): string {
  return contentTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Headers on every app:// response. The CSP goes out as a header as well as the <meta> tag in
 * index.html: a header also governs workers and `frame-ancestors`, which a meta tag cannot.
 */
function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
  };
}

export interface AppProtocolDeps {
  rootDir: string;
  readFile(path: string): Promise<Uint8Array>;
  log?: (message: string) => void;
}

/** The handler for protocol.handle('app', …). Only reads; anything but GET/HEAD is refused. */
export function createAppProtocolHandler(deps: AppProtocolDeps) {
  return async function handleAppRequest(request: Request): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plainResponse(405, 'Method Not Allowed');
    }
    const resolution = resolveAppRequest(request.url, deps.rootDir);
    if (!resolution.ok) {
      deps.log?.(`app:// refused ${request.url}: ${resolution.reason}`);
      return plainResponse(resolution.status, resolution.reason);
    }
    let filePath = resolution.filePath;
    let bytes = await readOrNull(deps, filePath);
    // A path without an extension is a client-side route (after a reload): serve the app shell.
    if (bytes === null && extname(filePath) === '') {
      filePath = resolve(deps.rootDir, 'index.html');
      bytes = await readOrNull(deps, filePath);
    }
    if (bytes === null) return plainResponse(404, 'Not Found');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(bytes), {
      status: 200,
      headers: securityHeaders(contentTypeOf(filePath)),
    });
  };
}

async function readOrNull(deps: AppProtocolDeps, filePath: string): Promise<Uint8Array | null> {
  try {
    return await deps.readFile(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null;
    throw error;
  }
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}
