import { runAdmin } from './admin/cli';

/** `npm run server:admin -- <command> …`: users, projects, members and bundle import. See admin/cli.ts. */
runAdmin(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
