import { createHash, randomBytes } from 'node:crypto';

/** Opaque bearer tokens: 32 random bytes, given to the client once; the server keeps only their sha256. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i.exec(header);
  return match?.[1];
}

export const DEFAULT_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
