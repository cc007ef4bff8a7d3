import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';

/**
 * better-sqlite3 as Kysely's SQLite dialect sees it, but keeping the prepared statements of the
 * most recently used SQL texts. Kysely prepares every query it runs afresh; a sync round runs
 * the same dozen statements each time, and preparing them again was a third of a small push's
 * database time. Safe because the dialect runs one statement at a time on its one connection
 * and reads rows with all() (never a half-read iterator that a reuse could disturb).
 */
export function withStatementCache(database: SqliteDatabase.Database, capacity = 256): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql); // most recently used goes last
      } else {
        statement = database.prepare(sql);
        if (statements.size >= capacity) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement as unknown as ReturnType<KyselySqliteDatabase['prepare']>;
    },
  };
}
