/**
 * The little of PouchDB 9, pouchdb-adapter-memory and express-pouchdb 4.2 that the sync
 * benchmark uses (the packages ship no types; devDependencies of the benchmark only).
 */
declare module 'pouchdb' {
  export interface PouchDoc {
    _id: string;
    _rev?: string;
    [field: string]: unknown;
  }
  export interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
    errors: unknown[];
  }
  export interface PouchDatabase {
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    bulkDocs(docs: PouchDoc[]): Promise<Array<{ ok?: boolean; id: string; rev: string; error?: string }>>;
    allDocs(options: {
      keys?: string[];
      include_docs?: boolean;
    }): Promise<{ rows: Array<{ id: string; doc?: PouchDoc }> }>;
    destroy(): Promise<unknown>;
    close(): Promise<void>;
    replicate: {
      to(target: PouchDatabase | string, options?: { batch_size?: number }): Promise<ReplicationResult>;
      from(source: PouchDatabase | string, options?: { batch_size?: number }): Promise<ReplicationResult>;
    };
  }
  export interface PouchDBStatic {
    new (
      name: string,
      options?: { adapter?: string; fetch?: (url: string, init: Record<string, unknown>) => Promise<unknown> },
    ): PouchDatabase;
    plugin(plugin: unknown): PouchDBStatic;
    defaults(options: { adapter?: string }): PouchDBStatic;
    version: string;
    fetch: (url: string, init: Record<string, unknown>) => Promise<unknown>;
  }
  const PouchDB: PouchDBStatic;
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}

declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';
  import type { PouchDBStatic } from 'pouchdb';
  const expressPouchdb: (
    pouchdb: PouchDBStatic,
    options?: { mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom'; inMemoryConfig?: boolean },
  ) => RequestListener;
  export default expressPouchdb;
}
