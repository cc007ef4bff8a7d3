/**
 * A server process for crash tests: options as JSON in FIELDBOOK_CHILD_OPTIONS; every push
 * transaction, once all its writes are done, prints IN_TRANSACTION and hangs before COMMIT,
 * so the test can kill the process at the worst moment.
 */
import { buildServer, type BuildServerOptions } from '../../../server/app';

const options = JSON.parse(process.env.FIELDBOOK_CHILD_OPTIONS ?? '{}') as BuildServerOptions;
const server = await buildServer({
  ...options,
  faults: {
    beforeCommit: async () => {
      process.stdout.write('IN_TRANSACTION\n');
      await new Promise(() => {});
    },
  },
});
const url = await server.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`URL ${url}\n`);
