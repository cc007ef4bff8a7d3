import pg from 'pg';

/**
 * PostgreSQL for the server tests: 127.0.0.1:5432, database `test` (FIELDBOOK_TEST_PG_URL to
 * change). Each test server gets its own schema, created here and dropped when it is disposed.
 * With CI=true PostgreSQL must be reachable, otherwise the test files fail; elsewhere its tests
 * are skipped with the reason printed.
 */
export const PG_URL = process.env.FIELDBOOK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const pgRequired = process.env.CI === 'true';

let probe: Promise<string | null> | undefined;

/** null when PostgreSQL answers, else why not. */
export function postgresProblem(): Promise<string | null> {
  probe ??= (async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (error) {
      return `${PG_URL}: ${(error as Error).message}`;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return probe;
}

export type Dialect = 'sqlite' | 'postgres';

/**
 * The dialects to run a suite on: always SQLite; PostgreSQL when reachable. Under CI=true an
 * unreachable PostgreSQL throws, failing the suite.
 */
export async function testDialects(): Promise<Dialect[]> {
  const problem = await postgresProblem();
  if (!problem) return ['sqlite', 'postgres'];
  if (pgRequired) throw new Error(`CI=true but PostgreSQL is unreachable, cannot run its tests: ${problem}`);
  console.warn(`[server tests] PostgreSQL tests skipped (set CI=true to require them): ${problem}`);
  return ['sqlite'];
}

export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<pg.QueryResult<T>> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await client.query<T>(text, values);
  } finally {
    await client.end();
  }
}

let schemaCounter = 0;

export async function createSchema(): Promise<string> {
  // A random part too: test processes in separate PID namespaces can share a pid.
  const name = `fbtest_${process.pid}_${Date.now().toString(36)}_${schemaCounter++}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(`create schema ${name}`);
  return name;
}

export async function dropSchema(name: string): Promise<void> {
  await adminQuery(`drop schema if exists ${name} cascade`);
}
