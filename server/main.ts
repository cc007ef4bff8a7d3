import fs from 'node:fs/promises';
import { buildServer } from './app';
import { blobFilesLeftOnDisk, diskBlobRoot } from './blobs/open-blob-store';
import { ConfigError, parseServerArgs, type ServerConfig } from './config';
import type { TlsFiles } from './http/node-server';

/**
 * The team server: `npm run server -- [--data-dir DIR] [--port N] [--host H] [--database-url URL]
 * [--tls-cert FILE --tls-key FILE]`. SQLite under the data directory by default; PostgreSQL when
 * DATABASE_URL is set; HTTPS when given a certificate and key.
 * SIGTERM/SIGINT stop accepting requests, let the batch in flight finish, then close the database.
 */
const SHUTDOWN_GRACE_MS = 15_000;

async function readTls(config: ServerConfig): Promise<TlsFiles | undefined> {
  if (!config.tls) return undefined;
  const read = async (file: string, what: string) => {
    try {
      return await fs.readFile(file);
    } catch (error) {
      throw new ConfigError(
        `无法读取${what} ${file} / cannot read the TLS ${what === '证书' ? 'certificate' : 'key'}: ${(error as Error).message}`,
      );
    }
  };
  return { cert: await read(config.tls.certFile, '证书'), key: await read(config.tls.keyFile, '私钥') };
}

async function main(): Promise<void> {
  let config;
  let tls;
  try {
    config = parseServerArgs(process.argv.slice(2));
    tls = await readTls(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const server = await buildServer({ ...config, tls, logger: { level: config.logLevel } });
  const log = server.app.log;
  log.info(
    {
      database: server.store.location,
      dialect: server.store.dialect,
      dataDir: config.dataDir,
      migrations: server.store.migrated,
    },
    'database ready',
  );
  if (server.blobs.kind === 'postgres' && (await blobFilesLeftOnDisk(config.dataDir))) {
    log.warn(
      { dir: diskBlobRoot(config.dataDir) },
      '数据目录下还有附件文件，PostgreSQL 服务器不会读取：请运行 server:admin migrate-blobs，然后删除该目录 / ' +
        'attachment files are still under the data directory and a PostgreSQL server does not read them: run server:admin migrate-blobs, then remove the directory',
    );
  }
  const url = await server.listen({ port: config.port, host: config.host });
  log.info({ url }, 'Fieldbook server listening / 服务已启动');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down / 正在停止');
    const force = setTimeout(() => {
      log.error('shutdown took too long, exiting / 停止超时，强制退出');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close().then(
      () => {
        log.info('stopped / 已停止');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('服务启动失败 / server failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
