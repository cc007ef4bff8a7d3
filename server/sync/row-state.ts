import type { StoredRow } from '../../shared/change-log';

/**
 * How a row's merge state is stored: rows.data holds its values, rows.field_writes per field
 * the seq of the change that wrote it, and the hlc of each of those changes once:
 * `[{ field: seq }, { seq: hlc }]`. A row's fields mostly share one or two writes, so this is a
 * fraction of the bytes of an hlc per field (a new 16-field asset: 0.7 instead of 1.4 KB in
 * all), and the server writes every row it merges. Earlier rows are read too: data with its
 * `fieldHlc`, field_writes as `{ field: seq }` or `{ field: { changeId, seq } }`.
 */
type StoredFieldWrites =
  [Record<string, number>, Record<string, string>] | Record<string, number | { changeId: string; seq: number }>;

/** A stored row as the merge sees it (values and per-field hlc), with its per-field seqs. */
export function readRowState(data: string, fieldWrites: string): { row: StoredRow; fieldSeqs: Record<string, number> } {
  const row = JSON.parse(data) as StoredRow;
  const stored = JSON.parse(fieldWrites) as StoredFieldWrites;
  if (Array.isArray(stored)) {
    const [fieldSeqs, hlcBySeq] = stored;
    const fieldHlc: Record<string, string> = {};
    for (const field in fieldSeqs) fieldHlc[field] = hlcBySeq[fieldSeqs[field]!]!;
    return { row: { ...row, fieldHlc }, fieldSeqs };
  }
  const fieldSeqs: Record<string, number> = {};
  for (const field in stored) {
    const write = stored[field]!;
    fieldSeqs[field] = typeof write === 'number' ? write : write.seq;
  }
  return { row, fieldSeqs };
}

/** The columns data and field_writes of a row's merge state (see StoredFieldWrites). */
export function writeRowState(
  row: StoredRow,
  fieldSeqs: Record<string, number>,
): { data: string; field_writes: string } {
  const { fieldHlc, ...values } = row;
  const hlcBySeq: Record<string, string> = {};
  let representable = true;
  for (const field in fieldHlc) if (fieldSeqs[field] === undefined) representable = false;
  for (const field in fieldSeqs) {
    const seq = fieldSeqs[field]!;
    const hlc = fieldHlc[field];
    if (hlc === undefined || (hlcBySeq[seq] !== undefined && hlcBySeq[seq] !== hlc)) representable = false;
    else hlcBySeq[seq] = hlc;
  }
  // Seqs and stamps always travel together (one change, one seq, one hlc), so every row the
  // merge writes fits. One that does not (a stamp without a seq, a seq without a stamp, one seq
  // with two stamps) keeps the earlier format rather than lose or swap a stamp.
  if (!representable) return { data: JSON.stringify(row), field_writes: JSON.stringify(fieldSeqs) };
  return { data: JSON.stringify(values), field_writes: JSON.stringify([fieldSeqs, hlcBySeq]) };
}
