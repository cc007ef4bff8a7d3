import type { StoredRow } from '../change-log';

/**
 * A project's state digest: one 64-bit value over every written field of every row of the
 * project — (table, row id, field, hlc of its winning write, value) — that the server and each
 * device compute alike, so a sync round can tell whether a device holds what the server holds
 * (docs/ARCHITECTURE.md, "Divergence detected, not assumed").
 *
 * The digest is the XOR of one hash per row. XOR needs no order (rows are read in any order on
 * either side) and is its own inverse, so the server keeps it current as it merges: the digest
 * XOR the row's hash before the merge XOR its hash after. Only fields with a stamp in
 * `fieldHlc` count: defaults a device fills in on reading were never written and the server
 * never holds them.
 */
export type StateDigest = string;

export const EMPTY_DIGEST: StateDigest = '0000000000000000';

/** The hash of one row of `table` (its written fields, their stamps and values). */
export function rowDigest(
  table: string,
  row: Pick<StoredRow, 'id' | 'fieldHlc'> & Record<string, unknown>,
): StateDigest {
  let text = `${table}\u0001${row.id}`;
  for (const field of Object.keys(row.fieldHlc).sort()) {
    text += `\u0002${field}\u0003${row.fieldHlc[field]}\u0003${canonicalJson(row[field])}`;
  }
  return hash64(text);
}

/** a XOR b: adds a row's hash to a digest, or takes it out again. */
export function xorDigest(a: StateDigest, b: StateDigest): StateDigest {
  const high = (parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) >>> 0;
  const low = (parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16)) >>> 0;
  return hex32(high) + hex32(low);
}

/** Accumulates row hashes into a digest (the order does not matter). */
export class DigestAccumulator {
  private high = 0;
  private low = 0;

  add(table: string, row: Pick<StoredRow, 'id' | 'fieldHlc'> & Record<string, unknown>): void {
    this.addDigest(rowDigest(table, row));
  }

  addDigest(digest: StateDigest): void {
    this.high = (this.high ^ parseInt(digest.slice(0, 8), 16)) >>> 0;
    this.low = (this.low ^ parseInt(digest.slice(8), 16)) >>> 0;
  }

  get value(): StateDigest {
    return hex32(this.high) + hex32(this.low);
  }
}

/**
 * JSON with object keys sorted, so a value reads the same whatever order its keys were stored
 * in (IndexedDB keeps insertion order; a value parsed from the server's JSON text may not).
 * A missing value reads as null, as it does in the server's JSON.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

/**
 * A 64-bit non-cryptographic hash of a string (two 32-bit multiply-xorshift lanes over its
 * UTF-16 code units, cyrb53's mixing kept to 64 bits). The digest catches accidents — a missed
 * merge, a value changed behind the app's back — not an adversary: bundles are what is signed.
 * Synchronous and allocation-free, so a device hashes a project of 10,000 rows in milliseconds;
 * WebCrypto's SHA-256 is asynchronous per call.
 */
function hash64(text: string): StateDigest {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex32(h1 >>> 0) + hex32(h2 >>> 0);
}

function hex32(value: number): string {
  return value.toString(16).padStart(8, '0');
}
