/**
 * The records every system of the sync benchmark moves: generateDemoAssets(n), the same
 * deterministic assets of a bank's data centre for Fieldbook, PouchDB and the floor.
 *
 * Each set is round-tripped through JSON once before anything is timed: strings built by
 * concatenation are ropes in V8, and the first JSON.stringify of them is several times slower
 * than any later one (see /work/shared/reference/toolchain.md, "Sync costs measured here").
 */
import { generateDemoAssets } from '../../../shared/demo/demo-project';
import { newId } from '../../../shared/ids';
import { validate } from '../../../renderer/data/repository';

export type AssetValues = Record<string, unknown>;

/** The demo assets as a user would type or import them (the input of Repository.writeMany). */
export function assetInputs(count: number): AssetValues[] {
  return JSON.parse(JSON.stringify(generateDemoAssets(count))) as AssetValues[];
}

/** A peer's record: the asset's validated fields (what a Fieldbook change carries) plus an id. */
export interface PeerRecord extends AssetValues {
  id: string;
}

/**
 * The same assets as flat records for the peers (PouchDB, the floor): every field the
 * repository would store after validation (defaults filled in), under a fresh id.
 */
export function peerRecords(count: number): PeerRecord[] {
  const records = generateDemoAssets(count).map((values) => ({
    id: newId(),
    ...validate('assets', values as AssetValues),
  }));
  return JSON.parse(JSON.stringify(records)) as PeerRecord[];
}

/** Bytes of the records as one JSON text: what any system must at least carry twice. */
export function jsonBytes(records: readonly unknown[]): number {
  return Buffer.byteLength(JSON.stringify(records));
}

/** The field an incremental round edits: a free-text field every asset has. */
export const EDITED_FIELD = 'notes';

/** The 10 (or n) records edited in round `round`: a different slice each round, spread over the set. */
export function editedIndexes(total: number, count: number, round: number): number[] {
  const stride = Math.floor(total / count);
  return Array.from({ length: count }, (_, i) => (i * stride + round * 7) % total);
}

export function editedValue(round: number, index: number): string {
  return `第 ${round + 1} 轮巡检备注：风扇告警已处理（${index}）`;
}
