import fs from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline/promises';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { openBlobStore } from '../blobs/open-blob-store';
import { backupPostgres, backupSqlite, restoreSqlite } from './backup';
import { ConfigError, configFrom } from '../config';
import { openStore, type Store } from '../db/store';
import {
  AdminError,
  addMember,
  addProject,
  addUser,
  importBundle,
  listProjects,
  listUsers,
  memberRoles,
  removeMember,
  resetPassword,
  setDisabled,
} from './commands';
import { describeMigration, migrateBlobs } from './migrate-blobs';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface AdminIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

const USAGE = `Fieldbook 服务器管理 / server administration

用法 / usage: npm run server:admin -- <command> [options]

  add-user --username U [--display-name N] [--password P]   新建用户（不给 --password 则从标准输入读取）
  reset-password --username U [--password P]                重设密码并注销其所有登录
  disable-user --username U | enable-user --username U      停用 / 启用用户
  add-project --code C --name N [--customer K] [--id UUID]  新建项目，成员同步时收到它（--id 只登记设备上创建的项目 id，由该设备推送项目记录）
  add-member --project ID|CODE --username U --role R        加入项目或修改角色（R: ${memberRoles.join(' | ')}）
  remove-member --project ID|CODE --username U              移出项目
  list-users                                                列出用户
  list-projects                                             列出项目及成员
  backup FILE                                               备份：SQLite 为一个文件（在线备份，含附件，服务器可继续运行）；PostgreSQL 调用 pg_dump（自定义格式）
  restore FILE                                              从 backup 的文件恢复到空的数据目录（SQLite；PostgreSQL 用 pg_restore，见 docs/deploy.md）
  import FILE                                               以管理员身份导入项目数据包：全部导入，或有一条不能导入时什么都不导入（重复导入不会改变任何数据）
  migrate-blobs                                             把 --data-dir 下的磁盘附件逐个校验后移入 PostgreSQL（校验值不符的不导入并列出，退出码 1；可重复运行）

数据库 / database (same as the server): --data-dir DIR (FIELDBOOK_DATA_DIR, ./data),
  --database-url postgres://… (DATABASE_URL), --pg-schema S (FIELDBOOK_PG_SCHEMA)
  --json  以 JSON 输出 / print JSON
退出码 / exit codes: 0 成功 ok, 1 操作失败 failed, 2 用法错误 usage error
`;

const options = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  'pg-schema': { type: 'string' },
  username: { type: 'string' },
  password: { type: 'string' },
  'display-name': { type: 'string' },
  code: { type: 'string' },
  name: { type: 'string' },
  customer: { type: 'string' },
  id: { type: 'string' },
  project: { type: 'string' },
  role: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

/** Runs one admin command; returns the process exit code. Used by admin.ts and by tests. */
export async function runAdmin(argv: string[], io: AdminIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr.write(`参数错误 / bad arguments: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  const asksForHelp = Boolean(values.help) || command === 'help';
  if (asksForHelp || !command) {
    (asksForHelp ? io.stdout : io.stderr).write(USAGE);
    return asksForHelp ? EXIT_OK : EXIT_USAGE;
  }
  const need = (name: keyof typeof values): string => {
    const value = values[name];
    if (typeof value !== 'string' || value.trim() === '')
      throw new UsageError(`缺少参数 --${name} / missing --${name}`);
    return value;
  };
  const print = (text: string, data: unknown) =>
    io.stdout.write(values.json ? `${JSON.stringify(data, null, 2)}\n` : `${text}\n`);

  let store: Store | undefined;
  try {
    const known = [
      'add-user',
      'reset-password',
      'disable-user',
      'enable-user',
      'add-project',
      'add-member',
      'remove-member',
      'list-users',
      'list-projects',
      'import',
      'migrate-blobs',
      'backup',
      'restore',
    ];
    if (!known.includes(command)) throw new UsageError(`未知命令 / unknown command: ${command}`);
    const takesFile = ['import', 'backup', 'restore'].includes(command);
    if (!takesFile && rest.length > 0) throw new UsageError(`多余的参数 / unexpected argument: ${rest[0]}`);
    const config = configFrom(values, io.env);
    const open = async () => (store = await openStore(config));

    switch (command) {
      case 'add-user': {
        const username = need('username');
        const password = values.password ?? (await readPassword(io, true));
        const user = await addUser(await open(), { username, password, displayName: values['display-name'] });
        print(`已创建用户 / created user ${user.username} (${user.displayName}) id=${user.id}`, user);
        break;
      }
      case 'reset-password': {
        const username = need('username');
        const password = values.password ?? (await readPassword(io, true));
        const result = await resetPassword(await open(), { username, password });
        print(
          `已重设 ${username} 的密码，注销了 ${result.revokedSessions} 个登录 / password reset, ${result.revokedSessions} session(s) revoked`,
          result,
        );
        break;
      }
      case 'disable-user':
      case 'enable-user': {
        const username = need('username');
        const disabled = command === 'disable-user';
        const result = await setDisabled(await open(), { username, disabled });
        print(
          disabled
            ? `已停用 ${username}，注销了 ${result.revokedSessions} 个登录 / disabled`
            : `已启用 ${username} / enabled`,
          result,
        );
        break;
      }
      case 'add-project': {
        const project = await addProject(await open(), {
          code: need('code'),
          name: need('name'),
          customer: values.customer,
          id: values.id,
        });
        print(`已创建项目 / created project ${project.code} ${project.name} id=${project.id}`, project);
        break;
      }
      case 'add-member': {
        const result = await addMember(await open(), {
          project: need('project'),
          username: need('username'),
          role: need('role'),
        });
        print(
          `${result.user.username} 已加入项目 ${result.project.code}，角色 ${result.role} / added as ${result.role}`,
          {
            projectId: result.project.id,
            userId: result.user.id,
            role: result.role,
          },
        );
        break;
      }
      case 'remove-member': {
        const result = await removeMember(await open(), { project: need('project'), username: need('username') });
        print(`${result.user.username} 已移出项目 ${result.project.code} / removed`, {
          projectId: result.project.id,
          userId: result.user.id,
        });
        break;
      }
      case 'list-users': {
        const users = await listUsers(await open());
        const lines = users.map(
          (u) => `${u.username}\t${u.displayName}\t${u.disabled ? '已停用 disabled' : '正常 active'}\t${u.id}`,
        );
        print(users.length ? lines.join('\n') : '（没有用户 / no users）', users);
        break;
      }
      case 'list-projects': {
        const projects = await listProjects(await open());
        const lines = projects.map(
          (p) =>
            `${p.code}\t${p.name}\t${p.id}\tseq=${p.lastSeq}\n` +
            (p.members.length
              ? p.members.map((m) => `    ${m.username}\t${m.role}`).join('\n')
              : '    （没有成员 / no members）'),
        );
        print(projects.length ? lines.join('\n') : '（没有项目 / no projects）', projects);
        break;
      }
      case 'backup': {
        const file = rest[0];
        if (!file || rest.length > 1) throw new UsageError('用法 / usage: backup FILE');
        const target = path.resolve(file);
        const summary = config.databaseUrl
          ? await backupPostgres(config.databaseUrl, config.pgSchema, target)
          : await backupSqlite(config.dataDir, target);
        const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
        print(
          config.databaseUrl
            ? `已备份（pg_dump 自定义格式，用 pg_restore 恢复）/ backed up with pg_dump: ${summary.file} (${mib(summary.bytes)} MiB)`
            : `已备份 / backed up: ${summary.file} (${mib(summary.bytes)} MiB)，附件 attachments ${summary.blobs} (${mib(summary.blobBytes)} MiB)`,
          summary,
        );
        break;
      }
      case 'restore': {
        const file = rest[0];
        if (!file || rest.length > 1) throw new UsageError('用法 / usage: restore FILE');
        if (config.databaseUrl) {
          throw new AdminError(
            `PostgreSQL 请用 pg_restore 恢复到新的数据库或 schema（见 docs/deploy.md）/ on PostgreSQL restore with pg_restore: ` +
              `pg_restore --no-owner --dbname=postgres://… ${file}`,
          );
        }
        const summary = await restoreSqlite(path.resolve(file), config.dataDir);
        // Bring a backup from an older version to this version's schema now rather than at the server's start.
        await open();
        print(`已恢复到 / restored into ${config.dataDir}：附件 attachments ${summary.blobs}`, {
          dataDir: config.dataDir,
          ...summary,
        });
        break;
      }
      case 'import': {
        const file = rest[0];
        if (!file || rest.length > 1) throw new UsageError('用法 / usage: import FILE');
        let bytes: Uint8Array;
        try {
          bytes = await fs.readFile(path.resolve(file));
        } catch (error) {
          throw new AdminError(`无法读取文件 / cannot read ${file}: ${(error as Error).message}`);
        }
        const opened = await open();
        const summary = await importBundle(opened, await openBlobStore(opened, config.dataDir), bytes);
        const text = [
          `项目 / project ${summary.projectName} (${summary.projectId})${summary.projectRegistered ? ' — 新登记，请用 add-member 添加成员 / newly registered, add members with add-member' : ''}`,
          `修改 / changes: ${summary.changes}，新应用 applied ${summary.applied}，已存在 duplicate ${summary.duplicates}，拒绝 rejected ${summary.rejected.length}，冲突 conflicts ${summary.conflicts}`,
          `附件 / attachments: ${summary.blobs}`,
          `签名 / signature: ${{ valid: '已验证 valid', unverified: '无法验证（服务器没有该项目的密钥）/ unverified', unsigned: '未签名 / unsigned' }[summary.signature]}`,
          ...summary.rejected.slice(0, 20).map((r) => `  拒绝 rejected ${r.changeId} [${r.code}] ${r.reason}`),
        ];
        print(text.join('\n'), summary);
        break;
      }
      case 'migrate-blobs': {
        const summary = await migrateBlobs(await open(), config.dataDir);
        print(describeMigration(summary), summary);
        // A file refused or a recorded blob without bytes needs a person: fail, so a script stops.
        return summary.mismatched.length > 0 || summary.missing.length > 0 ? EXIT_FAILED : EXIT_OK;
      }
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr.write(`${error.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    if (error instanceof AdminError) {
      io.stderr.write(`错误 / error: ${error.message}\n`);
      return EXIT_FAILED;
    }
    io.stderr.write(`失败 / failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILED;
  } finally {
    await store?.close();
  }
}

/** Reads a password: from a terminal without echo (asked twice), otherwise the first line of stdin. */
async function readPassword(io: AdminIo, confirm: boolean): Promise<string> {
  if (io.stdin.isTTY) {
    const muted = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    const rl = readline.createInterface({ input: io.stdin, output: muted, terminal: true });
    try {
      io.stderr.write('密码 / Password: ');
      const first = await rl.question('');
      io.stderr.write('\n');
      if (confirm) {
        io.stderr.write('再输入一次 / Repeat: ');
        const second = await rl.question('');
        io.stderr.write('\n');
        if (first !== second) throw new AdminError('两次输入的密码不一致 / passwords do not match');
      }
      return first;
    } finally {
      rl.close();
    }
  }
  let text = '';
  for await (const chunk of io.stdin) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.includes('\n')) break;
  }
  const line = text.split(/\r?\n/)[0] ?? '';
  if (!line)
    throw new UsageError('没有读到密码：请用 --password 或从标准输入提供 / no password given on stdin or --password');
  return line;
}
