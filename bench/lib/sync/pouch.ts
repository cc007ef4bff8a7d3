/**
 * The peer to beat: PouchDB replication, the usual choice for an offline-first app with a
 * server. Two PouchDB 9 databases with the memory adapter (the "devices") replicate through an
 * express-pouchdb 4.2 server (mode minimumForPouchDB, PouchDB 9 with the memory adapter behind
 * it) on loopback, all in this process like Fieldbook's devices and server. One-shot
 * replications with PouchDB's defaults (batches of 100 documents, checkpoints), A → server,
 * then server → B.
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import expressPouchdb from 'express-pouchdb';
import PouchDB, { type PouchDatabase, type PouchDoc } from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import type { Timing } from './fieldbook';
import { EDITED_FIELD, type PeerRecord, editedIndexes, editedValue } from './records';

PouchDB.plugin(memoryAdapter);
const MemoryPouch = PouchDB.defaults({ adapter: 'memory' });

let databases = 0;

export const POUCH_SETUP = `PouchDB ${PouchDB.version} (memory adapter) ↔ express-pouchdb 4.2 (minimumForPouchDB, PouchDB ${PouchDB.version} memory) on loopback, one-shot replications with default batches of 100`;

export class PouchSystem {
  private a!: PouchDatabase;
  private b!: PouchDatabase;
  private remoteA!: PouchDatabase;
  private remoteB!: PouchDatabase;
  private ids: string[] = [];
  /** HTTP requests the devices made in the last timed section. */
  requests = 0;

  private constructor(
    private readonly server: Server,
    private readonly url: string,
  ) {}

  static async start(): Promise<PouchSystem> {
    const server = createServer(expressPouchdb(MemoryPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const system = new PouchSystem(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const n = databases++;
    const counting = (url: string, init: Record<string, unknown>) => {
      system.requests++;
      return PouchDB.fetch(url, init);
    };
    system.a = new MemoryPouch(`bench-a-${n}`);
    system.b = new MemoryPouch(`bench-b-${n}`);
    // One handle per device on the server's database, as two devices would have.
    system.remoteA = new PouchDB(`${system.url}/bench-${n}`, { fetch: counting });
    system.remoteB = new PouchDB(`${system.url}/bench-${n}`, { fetch: counting });
    await system.remoteA.info(); // creates the server's database
    return system;
  }

  /** Not timed: device A stores the records (one bulkDocs). */
  async writeRecords(records: readonly PeerRecord[]): Promise<void> {
    const docs: PouchDoc[] = records.map(({ id, ...fields }) => ({ _id: id, ...fields }));
    const results = await this.a.bulkDocs(docs);
    if (results.some((r) => r.error)) throw new Error('PouchDB bulkDocs failed');
    this.ids = records.map((r) => r.id);
  }

  /** Timed: replicate A → server, then server → B. */
  async sync(): Promise<Timing> {
    this.requests = 0;
    const start = performance.now();
    const pushed = await this.a.replicate.to(this.remoteA);
    const afterPush = performance.now();
    const pulled = await this.b.replicate.from(this.remoteB);
    const end = performance.now();
    if (!pushed.ok || !pulled.ok || pushed.doc_write_failures || pulled.doc_write_failures)
      throw new Error('PouchDB replication failed');
    return { push: afterPush - start, pull: end - afterPush, total: end - start };
  }

  async docCountOnB(): Promise<number> {
    return (await this.b.info()).doc_count;
  }

  /** Not timed: A edits `count` documents (one bulkDocs of new revisions). */
  async editRecords(count: number, round: number): Promise<string[]> {
    const ids = editedIndexes(this.ids.length, count, round).map((index) => this.ids[index]!);
    const { rows } = await this.a.allDocs({ keys: ids, include_docs: true });
    const docs = rows.map((row, i) => ({ ...row.doc!, [EDITED_FIELD]: editedValue(round, i) }));
    await this.a.bulkDocs(docs);
    return ids;
  }

  async bHasEdits(ids: readonly string[], round: number): Promise<boolean> {
    const { rows } = await this.b.allDocs({ keys: [...ids], include_docs: true });
    return rows.every((row, i) => row.doc?.[EDITED_FIELD] === editedValue(round, i));
  }

  async dispose(): Promise<void> {
    for (const db of [this.a, this.b, this.remoteA]) await db?.destroy().catch(() => undefined);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
