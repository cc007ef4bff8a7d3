/**
 * The floor: what moving the same records from one device's memory through a server into
 * another device's IndexedDB costs with nothing else to do. A bare node:http server keeps them
 * in SQLite (better-sqlite3, the pragmas of Fieldbook's server: WAL, synchronous=FULL); one side
 * POSTs them in batches of 500 (one transaction per batch, one prepared INSERT OR REPLACE per
 * record, the record's JSON as text), the other GETs them back in pages of 1,000 after its
 * cursor (seq) and stores each page in the app's own device database (FieldbookDb: the same
 * tables, indexes and write hook as the product, on the same fake-indexeddb): one transaction
 * per page holding one `bulkPut` of the page's rows and the put of its cursor. No auth, no
 * validation, no merge, no change log on either side: any real sync that keeps what it
 * receives costs more.
 */
import fs from 'node:fs';
import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { FieldbookDb } from '../../../renderer/data/db';
import { newId } from '../../../shared/ids';
import type { Timing } from './fieldbook';
import { EDITED_FIELD, type PeerRecord, editedIndexes, editedValue } from './records';

const PUSH_BATCH = 500;
const PULL_PAGE = 1000;

export const FLOOR_SETUP = `node:http + better-sqlite3 (WAL, synchronous=FULL, one transaction per POST), POSTs of ${PUSH_BATCH}, GETs of ${PULL_PAGE}, fetch on the client side; B stores each page in FieldbookDb on fake-indexeddb (one transaction: bulkPut of the rows + the cursor put)`;

let databases = 0;

export class FloorSystem {
  private records: FloorRow[] = [];
  private cursor = 0;
  requests = 0;
  /** The project the rows belong to: the key of every list index of the device schema. */
  private readonly projectId = newId();

  private constructor(
    private readonly server: Server,
    private readonly database: SqliteDatabase.Database,
    private readonly dir: string,
    private readonly url: string,
    /** B's device database. */
    private readonly device: FieldbookDb,
  ) {}

  static async start(): Promise<FloorSystem> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-bench-floor-'));
    const database = new SqliteDatabase(path.join(dir, 'floor.sqlite'));
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.exec(
      'create table docs (seq integer primary key autoincrement, id text not null unique, data text not null)',
    );
    const insert = database.prepare('insert or replace into docs (id, data) values (?, ?)');
    const insertAll = database.transaction((docs: PeerRecord[]) => {
      for (const doc of docs) insert.run(doc.id, JSON.stringify(doc));
    });
    const page = database.prepare('select seq, data from docs where seq > ? order by seq limit ?');

    const server = createServer((request, response) => {
      void (async () => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        if (request.method === 'POST' && url.pathname === '/docs') {
          const docs = JSON.parse(await body(request)) as PeerRecord[];
          insertAll(docs);
          response.writeHead(200, { 'content-type': 'application/json' }).end(`{"ok":true,"count":${docs.length}}`);
        } else if (request.method === 'GET' && url.pathname === '/docs') {
          const rows = page.all(
            Number(url.searchParams.get('after') ?? 0),
            Number(url.searchParams.get('limit') ?? PULL_PAGE),
          ) as Array<{ seq: number; data: string }>;
          const cursor = rows.at(-1)?.seq ?? Number(url.searchParams.get('after') ?? 0);
          response
            .writeHead(200, { 'content-type': 'application/json' })
            .end(`{"cursor":${cursor},"docs":[${rows.map((r) => r.data).join(',')}]}`);
        } else {
          response.writeHead(404).end();
        }
      })().catch((error: unknown) => response.writeHead(500).end(String(error)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const device = new FieldbookDb(`sync-floor-b-${databases++}-${Date.now()}`);
    await device.open();
    return new FloorSystem(server, database, dir, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, device);
  }

  /** Not timed: A holds the records in memory, all unsent, as rows of one project (the device schema's indexes need its id). */
  writeRecords(records: readonly PeerRecord[]): void {
    this.records = records.map((record) => ({ ...record, projectId: this.projectId }));
    this.unsent = this.records;
  }

  /** What A sends next. */
  private unsent: FloorRow[] = [];

  /** Timed: A POSTs what it has not sent (batches of 500), then B GETs pages of 1,000 until a short page, storing each. */
  async sync(): Promise<Timing> {
    this.requests = 0;
    const outbox = this.unsent;
    const start = performance.now();
    for (let i = 0; i < outbox.length; i += PUSH_BATCH) {
      this.requests++;
      const response = await fetch(`${this.url}/docs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(outbox.slice(i, i + PUSH_BATCH)),
      });
      if (!response.ok) throw new Error(`floor POST: ${response.status}`);
      await response.json();
    }
    const afterPush = performance.now();
    for (;;) {
      this.requests++;
      const response = await fetch(`${this.url}/docs?after=${this.cursor}&limit=${PULL_PAGE}`);
      if (!response.ok) throw new Error(`floor GET: ${response.status}`);
      const { cursor, docs } = (await response.json()) as { cursor: number; docs: FloorRow[] };
      const db = this.device;
      await db.transaction('rw', [db.assets, db.meta], async () => {
        await db.table<FloorRow, string>('assets').bulkPut(docs);
        await db.meta.put({ key: 'floor-cursor', value: cursor });
      });
      this.cursor = cursor;
      if (docs.length < PULL_PAGE) break;
    }
    const end = performance.now();
    this.unsent = [];
    return { push: afterPush - start, pull: end - afterPush, total: end - start };
  }

  /** Not timed: A edits `count` records; they are what the next sync sends. */
  editRecords(count: number, round: number): string[] {
    const indexes = editedIndexes(this.records.length, count, round);
    this.unsent = indexes.map((index, i) => {
      const edited = { ...this.records[index]!, [EDITED_FIELD]: editedValue(round, i) };
      this.records[index] = edited;
      return edited;
    });
    return this.unsent.map((r) => r.id);
  }

  /** Not timed: whether B's database holds the edits of round `round`. */
  async bHasEdits(ids: readonly string[], round: number): Promise<boolean> {
    const rows = await this.device.assets.bulkGet([...ids]);
    return rows.every(
      (row, i) => (row as Record<string, unknown> | undefined)?.[EDITED_FIELD] === editedValue(round, i),
    );
  }

  /** Not timed: how many rows B's database holds. */
  async countOnB(): Promise<number> {
    return this.device.assets.count();
  }

  async dispose(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    this.database.close();
    this.device.close();
    await this.device.delete();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A record as the floor moves it: the asset's fields, its id and its project's. */
type FloorRow = PeerRecord & { projectId: string };

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
