import { sameValue } from '../../../shared/change-log';

/** One write a test made through the app's repository, and what its writer knew when it made it. */
export interface Write {
  client: number;
  table: string;
  rowId: string;
  field: string;
  value: unknown;
  hlc: string;
  /** hlcs of earlier writes to this field the writer had on its device when writing. */
  knew: Set<string>;
}

/** Where a write ended up. `lost` must never happen. */
export type WriteFate = 'final' | 'serverConflict' | 'seenAndReplaced' | 'replacedBySameValue' | 'lost';

export interface ServerConflict {
  rowId: string;
  field: string;
  value: unknown;
  hlc: string;
}

/**
 * The fate of each write once every device and the server agree (`finalRow` gives a row as
 * they all hold it): it is the field's final value; or it is in the server's conflicts table
 * (every member can see and restore it); or a later write to the field was made by a writer
 * who had it on its device (an edit of a value one has seen); or a later write put the same
 * value back. Anything else is a lost write.
 */
export function fateOf(
  write: Write,
  writes: readonly Write[],
  finalRow: (
    table: string,
    rowId: string,
  ) => (Record<string, unknown> & { fieldHlc: Record<string, string> }) | undefined,
  conflicts: readonly ServerConflict[],
): WriteFate {
  const row = finalRow(write.table, write.rowId);
  if (row && row.fieldHlc[write.field] === write.hlc && sameValue(row[write.field], write.value)) return 'final';
  if (
    conflicts.some(
      (c) =>
        c.rowId === write.rowId && c.field === write.field && c.hlc === write.hlc && sameValue(c.value, write.value),
    )
  )
    return 'serverConflict';
  const later = writes.filter(
    (w) => w.table === write.table && w.rowId === write.rowId && w.field === write.field && w.hlc > write.hlc,
  );
  if (later.some((w) => w.knew.has(write.hlc))) return 'seenAndReplaced';
  if (later.some((w) => sameValue(w.value, write.value))) return 'replacedBySameValue';
  return 'lost';
}

export type Tally = Record<WriteFate, number>;

export function emptyTally(): Tally {
  return { final: 0, serverConflict: 0, seenAndReplaced: 0, replacedBySameValue: 0, lost: 0 };
}

export function formatTally(tally: Tally): string {
  const total = Object.values(tally).reduce((a, b) => a + b, 0);
  return `${total} writes: ${tally.final} final value, ${tally.serverConflict} in the server's conflicts, ${tally.seenAndReplaced} seen and replaced by their writer, ${tally.replacedBySameValue} replaced by the same value, ${tally.lost} lost`;
}
