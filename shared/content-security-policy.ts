/**
 * The Content-Security-Policy of the built renderer, in both hosts. It lives in shared/ because
 * two sides apply it: the renderer build writes it into index.html as a <meta> tag, and the
 * Electron main process sends it as a header with every app:// response (a header also covers
 * workers and cannot be removed by script).
 *
 * Scripts only from the app itself (no eval, no inline script); WebAssembly may be compiled
 * ('wasm-unsafe-eval', which allows no JavaScript eval): the document Worker draws the charts'
 * PNG fallback with resvg's wasm, a file of the build; styles may be inline because
 * Ant Design injects its CSS-in-JS; images from blobs for photos; connections to http(s) servers
 * for sync.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
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

/** The same policy for a <meta> tag, which cannot carry frame-ancestors (browsers ignore it there). */
export const metaContentSecurityPolicy = contentSecurityPolicy
  .split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');
