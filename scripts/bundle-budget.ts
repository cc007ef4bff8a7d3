/**
 * The renderer's bundle budget (issue 16), read from a build's output folder (dist-web, out/renderer
 * or bench/dist/app): which JavaScript the browser must load before the first screen can paint,
 * and how big the largest chunk is. Checked by test/main/main-bundle.test.ts on the Electron build
 * and printed by bench/app-start.bench.ts for the web build: both use rendererViteOptions.
 *
 * "Before the first screen" is the entry script of index.html, every <link rel="modulepreload">
 * next to it, and everything those import statically, followed chunk by chunk. A dynamic
 * import() (a lazy route, a library loaded on first use) or a Worker is not followed: the page
 * paints without them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The JavaScript loaded before the first screen paints: at most this many bytes, minified. */
export const INITIAL_JS_BUDGET = 1.2 * 1000 * 1000;
/** No chunk (page, lazy route, library or worker) larger than this, minified. */
export const CHUNK_BUDGET = 1.5 * 1000 * 1000;

export interface BundleFile {
  /** Path relative to the output folder, with / separators: assets/index-abc.js. */
  file: string;
  bytes: number;
}

export interface BundleReport {
  /** The JavaScript loaded before the first paint, entry first. */
  initial: BundleFile[];
  initialBytes: number;
  /**
   * Every chunk the page itself may ever load, later too: the first paint's, and what a lazy
   * route or a library loaded on first use imports. Not the Worker's (the builders and docx).
   */
  mainThread: BundleFile[];
  /** Every .js file of the build, largest first. */
  chunks: BundleFile[];
  largest: BundleFile;
}

const scriptSrc = /<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']/g;
const modulePreload = /<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/g;
/**
 * Static `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"` in a built
 * chunk. A dynamic `import("./x.js")` has a parenthesis after `import` and is not matched.
 */
const staticImport = /\b(?:import|export)\s*(?:[\w*${}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.m?js)["']/g;

export function measureBundle(outDir: string): BundleReport {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const roots = [...html.matchAll(scriptSrc), ...html.matchAll(modulePreload)].map((match) =>
    toOutPath(outDir, outDir, match[1]!),
  );
  if (roots.length === 0) throw new Error(`no module script in ${path.join(outDir, 'index.html')}`);

  const initial = [...reachable(outDir, roots, staticImport)].map((file) => ({
    file,
    bytes: statSync(path.join(outDir, file)).size,
  }));
  const mainThread = [...reachable(outDir, roots, chunkReference)].map((file) => ({
    file,
    bytes: statSync(path.join(outDir, file)).size,
  }));
  const chunks = listJs(outDir).sort((a, b) => b.bytes - a.bytes);
  return {
    initial,
    initialBytes: initial.reduce((sum, { bytes }) => sum + bytes, 0),
    mainThread,
    chunks,
    largest: chunks[0]!,
  };
}

/**
 * Any "./x.js" string in a chunk: a static import, a dynamic import() and the preload list Vite
 * keeps beside it. A Worker is started from new URL(`document-worker-….js`, import.meta.url),
 * without "./", so what only the Worker loads is not reached from the page.
 */
const chunkReference = /["'`](\.\/[^"'`]+\.m?js)["'`]/g;

/** The chunks reached from roots through the references `pattern` finds, each once. */
function reachable(outDir: string, roots: string[], pattern: RegExp): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(path.join(outDir, file), 'utf8');
    for (const match of source.matchAll(pattern)) {
      const reference = toOutPath(outDir, path.join(outDir, path.dirname(file)), match[1]!);
      // A library's own "./lib/x.js" strings (a CommonJS require map) name no chunk of the build.
      if (existsSync(path.join(outDir, reference))) queue.push(reference);
    }
  }
  return seen;
}

/** A URL of index.html or a chunk, resolved against its folder, as a path relative to outDir. */
function toOutPath(outDir: string, fromDir: string, url: string): string {
  const absolute = path.resolve(fromDir, decodeURIComponent(url.split(/[?#]/, 1)[0]!));
  const relative = path.relative(outDir, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new Error(`${url} lies outside ${outDir}`);
  return relative.split(path.sep).join('/');
}

function listJs(outDir: string, dir = outDir): BundleFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listJs(outDir, full);
    if (!/\.m?js$/.test(entry.name)) return [];
    return [{ file: path.relative(outDir, full).split(path.sep).join('/'), bytes: statSync(full).size }];
  });
}
