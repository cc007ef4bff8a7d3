import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrationLockName } from '../../server/db/migrations';
import { openStore } from '../../server/db/store';
import { adminQuery, createSchema, dropSchema, PG_URL } from './helpers/postgres';
import { spawnServer } from './helpers/server-process';
import { testDialects } from './helpers/test-server';

const dialects = await testDialects();

describe.skipIf(!dialects.includes('postgres'))(
  'migrations of nodes starting together on one PostgreSQL schema',
  () => {
    it('four `npm run server` processes started at once on a fresh schema all come up, and each migration is applied by exactly one of them', async () => {
      const schema = await createSchema();
      const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'fieldbook-nodes-'));
      const env = { DATABASE_URL: PG_URL, FIELDBOOK_PG_SCHEMA: schema };
      const started = await Promise.allSettled(
        Array.from({ length: 4 }, (_, i) =>
          spawnServer(
            'server/main.ts',
            ['--data-dir', path.join(dataDir, `node-${i}`), '--port', '0', '--host', '127.0.0.1'],
            env,
          ),
        ),
      );
      const nodes = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      try {
        expect(
          started.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason)),
        ).toEqual([]);
        for (const node of nodes) expect((await fetch(`${node.url}/v1/health`)).status).toBe(200);
        // Each node logs the migrations it applied: together, every migration once.
        const applied = nodes.flatMap((node) => {
          const ready = node
            .output()
            .split('\n')
            .find((line) => line.includes('"msg":"database ready"'));
          return (JSON.parse(ready!) as { migrations: string[] }).migrations;
        });
        const recorded = (
          await adminQuery<{ name: string }>(`select name from ${schema}.kysely_migration order by name`)
        ).rows.map((r) => r.name);
        expect(recorded.length).toBeGreaterThanOrEqual(5);
        expect(applied.sort()).toEqual(recorded);
        // Exactly one node did the work; the others found the schema current.
        expect(nodes.filter((node) => node.output().includes('"migrations":[]')).length).toBe(nodes.length - 1);
      } finally {
        for (const code of await Promise.all(nodes.map((node) => node.stop()))) expect(code).toBe(0);
        await dropSchema(schema);
        await fs.rm(dataDir, { recursive: true, force: true });
      }
    }, 120_000);

    it('a node waits for the schema’s advisory lock before it looks at the schema, and migrates once it is free', async () => {
      const schema = await createSchema();
      const holder = new pg.Client({ connectionString: PG_URL });
      await holder.connect();
      try {
        // Another node is migrating: it holds the lock.
        await holder.query('select pg_advisory_lock(hashtext($1))', [migrationLockName(schema)]);
        let opened = false;
        const opening = openStore({ dataDir: os.tmpdir(), databaseUrl: PG_URL, pgSchema: schema }).then((store) => {
          opened = true;
          return store;
        });
        await new Promise((resolve) => setTimeout(resolve, 1500));
        expect(opened).toBe(false);
        // Not even Kysely's bookkeeping tables were made while waiting.
        const tables = await adminQuery('select table_name from information_schema.tables where table_schema = $1', [
          schema,
        ]);
        expect(tables.rows).toEqual([]);
        await holder.query('select pg_advisory_unlock(hashtext($1))', [migrationLockName(schema)]);
        const store = await opening;
        expect(store.migrated).toContain('0001_initial');
        await store.close();
      } finally {
        await holder.end();
        await dropSchema(schema);
      }
    }, 60_000);
  },
);
