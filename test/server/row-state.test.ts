import { describe, expect, it } from 'vitest';
import { readRowState, writeRowState } from '../../server/sync/row-state';
import type { StoredRow } from '../../shared/change-log';

const hlcA = '001767000000000-000000-device-a';
const hlcB = '001767000001000-000003-device-b';
const row: StoredRow = {
  id: 'r1',
  projectId: 'p1',
  deleted: false,
  name: 'db01',
  owner: '王工',
  ips: ['10.0.0.5'],
  fieldHlc: { name: hlcA, ips: hlcA, owner: hlcB },
};

describe('a server row’s stored merge state', () => {
  it('keeps each write’s hlc once and reads back the same row and seqs', () => {
    const columns = writeRowState(row, { name: 1, ips: 1, owner: 7 });
    expect(JSON.parse(columns.field_writes)).toEqual([
      { name: 1, ips: 1, owner: 7 },
      { 1: hlcA, 7: hlcB },
    ]);
    expect(JSON.parse(columns.data)).toEqual({
      id: 'r1',
      projectId: 'p1',
      deleted: false,
      name: 'db01',
      owner: '王工',
      ips: ['10.0.0.5'],
    });
    expect(readRowState(columns.data, columns.field_writes)).toEqual({ row, fieldSeqs: { name: 1, ips: 1, owner: 7 } });
  });

  it('reads both earlier formats', () => {
    const data = JSON.stringify(row);
    expect(readRowState(data, JSON.stringify({ name: 1, ips: 1, owner: 7 }))).toEqual({
      row,
      fieldSeqs: { name: 1, ips: 1, owner: 7 },
    });
    const withIds = {
      name: { changeId: 'c1', seq: 1 },
      ips: { changeId: 'c1', seq: 1 },
      owner: { changeId: 'c7', seq: 7 },
    };
    expect(readRowState(data, JSON.stringify(withIds))).toEqual({ row, fieldSeqs: { name: 1, ips: 1, owner: 7 } });
  });

  it('a tombstone keeps its deleted stamp like any field', () => {
    const hlcC = '001767000002000-000000-device-a';
    const tombstone: StoredRow = { ...row, deleted: true, fieldHlc: { ...row.fieldHlc, deleted: hlcC } };
    const columns = writeRowState(tombstone, { name: 1, ips: 1, owner: 7, deleted: 9 });
    expect(readRowState(columns.data, columns.field_writes)).toEqual({
      row: tombstone,
      fieldSeqs: { name: 1, ips: 1, owner: 7, deleted: 9 },
    });
  });

  it('a row whose stamps and seqs do not pair up is kept whole, in the earlier format', () => {
    const cases: Array<[string, StoredRow, Record<string, number>]> = [
      ['a stamp without a seq', row, { name: 1, ips: 1 }],
      [
        'a seq without a stamp, sharing its seq with a stamped field',
        { ...row, fieldHlc: { name: hlcA } },
        { name: 5, ips: 5 },
      ],
      ['one seq with two stamps', row, { name: 1, ips: 1, owner: 1 }],
    ];
    for (const [what, stored, fieldSeqs] of cases) {
      const columns = writeRowState(stored, fieldSeqs);
      expect(JSON.parse(columns.data).fieldHlc, what).toEqual(stored.fieldHlc);
      expect(readRowState(columns.data, columns.field_writes), what).toEqual({ row: stored, fieldSeqs });
    }
  });
});
