/**
 * A server node for multi-process tests: buildServer with the options (JSON) in
 * FIELDBOOK_CHILD_OPTIONS, listening on a free loopback port, printing {"url": …} once it
 * listens. SIGTERM closes it gracefully, like server/main.ts.
 */
import { buildServer, type BuildServerOptions } from '../../../server/app';

const options = JSON.parse(process.env.FIELDBOOK_CHILD_OPTIONS ?? '{}') as BuildServerOptions;
const server = await buildServer(options);
const url = await server.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url, migrations: server.store.migrated })}\n`);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
