/**
 * SHA-256 as lowercase hex through WebCrypto, which both browsers and Node (globalThis.crypto)
 * provide. Declared locally because shared/ compiles without DOM or Node types.
 */
interface SubtleDigest {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = (globalThis as unknown as { crypto: { subtle: SubtleDigest } }).crypto.subtle;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
