import { describe, expect, it } from 'vitest';
import { readRowState, writeRowState } from '../../server/sync/row-state';
import type { StoredRow } from '../../shared/change-log';

const hlcA = '001767000000000-000000-device-a';
const hlcB = '001767000001000-000003-device-b';
const row: StoredRow = { id: 'r1', projectId: 'p1', deleted: false, name: 'db01', owner: '王工', ips: ['10.0.0.5'], fieldHlc: { name: hlcA, ips: hlcA, owner: hlcB } };

describe('a server row’s stored merge state', () => {
  it('keeps each write’s hlc once and reads back the same row and seqs', () => {
    const columns = writeRowState(row, { name: 1, ips: 1, owner: 7 });
    expect(JSON.parse(columns.field_writes)).toEqual([{ name: 1, ips: 1, owner: 7 }, { 1: hlcA, 7: hlcB }]);
    expect(JSON.parse(columns.data)).toEqual({ id: 'r1', projectId: 'p1', deleted: false, name: 'db01', owner: '王工', ips: ['10.0.0.5'] });
    expect(readRowState(columns.data, columns.field_writes)).toEqual({ row, fieldSeqs: { name: 1, ips: 1, owner: 7 } });
  });

  it('reads both earlier formats', () => {
    const data = JSON.stringify(row);
    expect(readRowState(data, JSON.stringify({ name: 1, ips: 1, owner: 7 }))).toEqual({ row, fieldSeqs: { name: 1, ips: 1, owner: 7 } });
    const withIds = { name: { changeId: 'c1', seq: 1 }, ips: { changeId: 'c1', seq: 1 }, owner: { changeId: 'c7', seq: 7 } };
    expect(readRowState(data, JSON.stringify(withIds))).toEqual({ row, fieldSeqs: { name: 1, ips: 1, owner: 7 } });
  });

  it('a stamp without a seq is kept, in the earlier format', () => {
    const columns = writeRowState(row, { name: 1, ips: 1 });
    expect(readRowState(columns.data, columns.field_writes)).toEqual({ row, fieldSeqs: { name: 1, ips: 1 } });
  });
});
