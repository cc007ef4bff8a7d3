import type { Gap } from '../../../shared/documents/checks';

/** A document's gaps as the Word document and the Chinese UI word them. */
export function zh(gaps: readonly Gap[]): string[] {
  return gaps.map((gap) => gap.zh);
}
