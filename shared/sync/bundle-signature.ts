/**
 * Bundle signatures: HMAC-SHA256 over the manifest (which holds the SHA-256 of every entry), keyed
 * by the project's secret that the server hands its members (GET /v1/projects). A signed bundle
 * checked by a device or server that knows the key cannot be changed anywhere without the
 * check failing. It proves the file came from someone holding the key, i.e. a member (or the
 * server), not which member; a device that never synced has no key and exports unsigned files,
 * and a signature removed is told apart only as "unsigned", not refused.
 */

// shared/ compiles without DOM or Node types: the WebCrypto surface used here, through globalThis.
interface HmacSubtle {
  importKey(
    format: 'raw',
    key: Uint8Array,
    algorithm: { name: 'HMAC'; hash: 'SHA-256' },
    extractable: false,
    usages: ['sign'],
  ): Promise<unknown>;
  sign(algorithm: 'HMAC', key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}
interface Globals {
  crypto: { subtle: HmacSubtle };
  TextEncoder: new () => { encode(text: string): Uint8Array };
}
const globals = globalThis as unknown as Globals;

export const SIGNATURE_ALGORITHM = 'HMAC-SHA256';

/** JSON with object keys sorted at every level: the same bytes whatever order a writer used. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Hex HMAC-SHA256 of the manifest without its signature, keyed by the project's hex key. */
export async function manifestSignature(manifest: Record<string, unknown>, keyHex: string): Promise<string> {
  const { signature: _ignored, ...signed } = manifest;
  const keyBytes = new Uint8Array(keyHex.match(/../g)!.map((byte) => parseInt(byte, 16)));
  const key = await globals.crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(
    await globals.crypto.subtle.sign('HMAC', key, new globals.TextEncoder().encode(canonicalJson(signed))),
  );
  let hex = '';
  for (const byte of mac) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Compares two hex strings in time independent of where they differ. */
export function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
