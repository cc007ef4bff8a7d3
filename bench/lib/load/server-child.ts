/**
 * One server node for the load bench, in a process of its own (so the nodes' CPU is not the load
 * generator's): buildServer with the options in FIELDBOOK_BENCH_SERVER (JSON), on a random
 * loopback port; prints `URL <base>` when listening; stops on SIGTERM.
 */
import { buildServer, type BuildServerOptions } from '../../../server/app';

const options = JSON.parse(process.env.FIELDBOOK_BENCH_SERVER ?? '{}') as BuildServerOptions;
const server = await buildServer(options);
const url = await server.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`URL ${url}\n`);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
