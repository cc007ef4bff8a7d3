/**
 * A Fieldbook server whose change log already holds `size` changes of one project, seeded
 * straight into its tables with SQL (one INSERT … SELECT per table from a generated series,
 * in one transaction), consistent with what pushes would have left:
 *
 * - changes: seq 1..size, UUID change and row ids, increasing hlcs, each setting an asset's
 *   name and notes; they cycle over min(size, 10,000) rows;
 * - rows: each row's merged state after its last change (data, field_writes as server/sync/row-state.ts
 *   writes them, last_seq);
 * - projects.last_seq = size.
 *
 * Then 10 new changes arrive through the real push API (seq size+1..size+10), so a device
 * whose cursor is at `size` has exactly those to pull.
 */
import { sql } from 'kysely';
import type { Change } from '../../../shared/change-log';
import { formatHlc } from '../../../shared/hlc';
import { newId } from '../../../shared/ids';
import type { Dialect } from '../../../server/db/migrations';
import { SyncHttp } from '../../../renderer/data/sync/sync-http';
import { DEFAULT_PASSWORD, startTestServer, type TestServer } from '../../../test/server/helpers/test-server';

export const NEW_CHANGES = 10;
const MAX_ROWS = 10_000;
const SEED_DEVICE = 'seeddevice01';

export interface SeededLog {
  server: TestServer;
  projectId: string;
  /** Changes in the log before the new ones: the reader's cursor. */
  size: number;
  http: SyncHttp;
  seedMs: number;
  dispose(): Promise<void>;
}

export async function seededLogServer(dialect: Dialect, size: number): Promise<SeededLog> {
  const server = await startTestServer(dialect);
  try {
    await server.addUser('bench-reader', undefined, '李工');
    const project = await server.addProject('BENCH-LOG', { members: { 'bench-reader': 'engineer' } });
    const start = performance.now();
    await seed(server, dialect, project.id, size);
    const seedMs = performance.now() - start;
    const session = await new SyncHttp(server.url, () => null).login('bench-reader', DEFAULT_PASSWORD);
    const http = new SyncHttp(server.url, () => session.token);
    const now = Date.now();
    const changes: Change[] = Array.from({ length: NEW_CHANGES }, (_, i) => ({
      changeId: newId(),
      projectId: project.id,
      table: 'assets',
      rowId: newId(),
      fields: { name: `新上架服务器-${i + 1}`, type: 'server', rack: 'C07', owner: '李工' },
      hlc: formatHlc({ millis: now, counter: i }, 'benchreader01'),
      author: '李工',
      deviceId: 'benchreader01',
    }));
    const { results } = await http.push(changes, { [project.id]: size });
    const seqs = results.map((r) => (r.status === 'applied' ? r.seq : -1));
    if (seqs.join() !== Array.from({ length: NEW_CHANGES }, (_, i) => size + 1 + i).join()) {
      throw new Error(`the new changes got seqs ${seqs.join()}, expected ${size + 1}…${size + NEW_CHANGES}`);
    }
    return { server, projectId: project.id, size, http, seedMs, dispose: () => server.dispose() };
  } catch (error) {
    await server.dispose();
    throw error;
  }
}

async function seed(server: TestServer, dialect: Dialect, projectId: string, size: number): Promise<void> {
  const rowCount = Math.min(size, MAX_ROWS);
  // Seeded writes happened a day ago, one millisecond apart, from one device.
  const base = Date.now() - 86_400_000 - size;
  const now = Date.now();
  const p = projectId;
  await server.store.transaction(async (trx) => {
    if (dialect === 'sqlite') {
      // Expressions over i (seq) and r (row number, 0-based) as SQLite text.
      const changeId = (i: string) => `printf('%08x-0000-7000-8000-%012x', ${i}, ${i})`;
      const rowId = (r: string) => `printf('00000000-0000-7000-9000-%012x', ${r})`;
      const hlc = (i: string) => `printf('%015d-000000-${SEED_DEVICE}', ${base} + ${i})`;
      const fields = (i: string, r: string) => `'{"name":"资产-' || ${r} || '","notes":"第 ' || ${i} || ' 次巡检"}'`;
      await sql
        .raw(
          `with recursive s(i) as (select 1 union all select i + 1 from s where i < ${size})
           insert into changes (project_id, seq, change_id, table_name, row_id, fields, hlc, author, device_id, pushed_by, received_at)
           select '${p}', i, ${changeId('i')}, 'assets', ${rowId(`((i - 1) % ${rowCount})`)}, ${fields('i', `((i - 1) % ${rowCount})`)},
                  ${hlc('i')}, '张工', '${SEED_DEVICE}', null, ${now} from s`,
        )
        .execute(trx);
      // Row r's last change: the largest i ≤ size with (i - 1) % rowCount = r.
      const last = `(r + 1 + ${rowCount} * ((${size} - 1 - r) / ${rowCount}))`;
      await sql
        .raw(
          `with recursive s(r) as (select 0 union all select r + 1 from s where r < ${rowCount - 1})
           insert into rows (table_name, row_id, project_id, data, field_writes, last_seq, updated_at)
           select 'assets', ${rowId('r')}, '${p}',
                  '{"name":"资产-' || r || '","notes":"第 ' || ${last} || ' 次巡检","id":"' || ${rowId('r')} || '","projectId":"${p}","deleted":false}',
                  '[{"name":' || ${last} || ',"notes":' || ${last} || '},{"' || ${last} || '":"' || ${hlc(last)} || '"}]',
                  ${last}, ${now} from s`,
        )
        .execute(trx);
    } else {
      const changeId = (i: string) => `lpad(to_hex(${i}), 8, '0') || '-0000-7000-8000-' || lpad(to_hex(${i}), 12, '0')`;
      const rowId = (r: string) => `'00000000-0000-7000-9000-' || lpad(to_hex(${r}), 12, '0')`;
      const hlc = (i: string) => `lpad((${base}::bigint + ${i})::text, 15, '0') || '-000000-${SEED_DEVICE}'`;
      await sql
        .raw(
          `insert into changes (project_id, seq, change_id, table_name, row_id, fields, hlc, author, device_id, pushed_by, received_at)
           select '${p}', i, ${changeId('i')}, 'assets', ${rowId(`((i - 1) % ${rowCount})`)},
                  '{"name":"资产-' || ((i - 1) % ${rowCount}) || '","notes":"第 ' || i || ' 次巡检"}',
                  ${hlc('i')}, '张工', '${SEED_DEVICE}', null, ${now} from generate_series(1, ${size}) as s(i)`,
        )
        .execute(trx);
      const last = `(r + 1 + ${rowCount} * ((${size} - 1 - r) / ${rowCount}))`;
      await sql
        .raw(
          `insert into rows (table_name, row_id, project_id, data, field_writes, last_seq, updated_at)
           select 'assets', ${rowId('r')}, '${p}',
                  '{"name":"资产-' || r || '","notes":"第 ' || ${last} || ' 次巡检","id":"' || ${rowId('r')} || '","projectId":"${p}","deleted":false}',
                  '[{"name":' || ${last} || ',"notes":' || ${last} || '},{"' || ${last} || '":"' || ${hlc(last)} || '"}]',
                  ${last}, ${now} from generate_series(0, ${rowCount - 1}) as s(r)`,
        )
        .execute(trx);
    }
    await trx.updateTable('projects').set({ last_seq: size }).where('id', '=', projectId).execute();
  });
  // Planner statistics, as a database that grew over time would have them.
  await sql.raw(dialect === 'sqlite' ? 'analyze' : 'analyze changes; analyze rows').execute(server.store.db);
}
