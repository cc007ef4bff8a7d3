/**
 * Load on the team server: 50 simulated devices at the HTTP protocol level, each in a loop of
 * rounds — push 10 edits of its own assets, then pull what the project's other devices pushed —
 * against (1) one node on SQLite, (2) one node on PostgreSQL, (3) two nodes (two server processes)
 * on one PostgreSQL schema, devices spread over the nodes. The nodes run in processes of their
 * own (bench/lib/load/server-child.ts); the devices share this one. Per case: rounds per second
 * and p50/p95 of a round's latency (push + pull), over BENCH_LOAD_SECONDS after a warm-up.
 *
 * BENCH_LOAD_CASES=sqlite-1,postgres-1,postgres-2  BENCH_LOAD_DEVICES=50  BENCH_LOAD_SECONDS=12
 * BENCH_LOAD_PROJECTS=10 (devices are spread over them: a pull brings the others' edits)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { addMember, addProject, addUser } from '../server/admin/commands';
import type { BuildServerOptions } from '../server/app';
import { openStore } from '../server/db/store';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type PullResponse, type PushResponse } from '../shared/sync/protocol';
import { createSchema, dropSchema, PG_URL, postgresProblem } from '../test/server/helpers/postgres';
import { assetChange, DEFAULT_PASSWORD, hlcAt, TEST_PASSWORD_COST } from '../test/server/helpers/test-server';
import { emit, log, percentile, repoRoot, round, runBench } from './lib/harness';

const env = process.env;
const DEVICES = Number(env.BENCH_LOAD_DEVICES ?? 50);
const PROJECTS = Number(env.BENCH_LOAD_PROJECTS ?? 10);
const SECONDS = Number(env.BENCH_LOAD_SECONDS ?? 12);
const WARMUP_SECONDS = 2;
const EDITS = 10;
const cases = (env.BENCH_LOAD_CASES ?? 'sqlite-1,postgres-1,postgres-2')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

interface Node {
  url: string;
  child: ChildProcess;
}

function startNode(options: BuildServerOptions): Promise<Node> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench/lib/load/server-child.ts')], {
    cwd: repoRoot,
    env: { ...process.env, FIELDBOOK_BENCH_SERVER: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /URL (\S+)/.exec(out);
      if (match) resolve({ url: match[1]!, child });
    });
    child.on('exit', (code) => reject(new Error(`server node exited with ${code}`)));
  });
}

async function stopNode(node: Node): Promise<void> {
  const exited = new Promise((resolve) => node.child.on('exit', resolve));
  node.child.kill('SIGTERM');
  await exited;
}

async function call<T>(url: string, method: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: {
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

interface Device {
  deviceId: string;
  projectId: string;
  node: string;
  token: string;
  rowIds: string[];
  cursor: number;
  rounds: number;
}

/** One round of a device: push 10 edits of its assets (creating them the first time), pull until current. */
async function runRound(device: Device): Promise<void> {
  const first = device.rounds === 0;
  const changes = device.rowIds.map((rowId, i) =>
    assetChange(
      device.projectId,
      first ? { name: `${device.deviceId}-${i}`, rack: `R${device.rounds}` } : { rack: `R${device.rounds}` },
      { rowId, deviceId: device.deviceId, hlc: hlcAt(device.deviceId) },
    ),
  );
  const pushed = await call<PushResponse>(`${device.node}/v1/sync/push`, 'POST', device.token, {
    changes,
    seen: { [device.projectId]: device.cursor },
  });
  const refused = pushed.results.find((r) => r.status === 'rejected');
  if (refused) throw new Error(`push refused: ${JSON.stringify(refused)}`);
  for (;;) {
    const page = await call<PullResponse>(
      `${device.node}/v1/sync/pull?projectId=${device.projectId}&after=${device.cursor}&limit=1000`,
      'GET',
      device.token,
    );
    device.cursor = page.cursor;
    if (!page.hasMore) break;
  }
  device.rounds += 1;
}

async function runCase(name: string): Promise<void> {
  const [dialect, nodesText] = name.split('-') as ['sqlite' | 'postgres', string];
  const nodeCount = Number(nodesText);
  if (dialect === 'postgres') {
    const problem = await postgresProblem();
    if (problem) {
      log(`${name} skipped: ${problem}`);
      emit({ bench: `load-${name}`, value: 0, unit: 'skipped', skipped: true, reason: problem });
      return;
    }
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'fieldbook-load-'));
  const pgSchema = dialect === 'postgres' ? await createSchema() : undefined;
  const options: BuildServerOptions = {
    dataDir,
    passwordCost: TEST_PASSWORD_COST,
    ...(pgSchema ? { databaseUrl: PG_URL, pgSchema, poolSize: 10 } : {}),
  };
  const nodes: Node[] = [];
  try {
    // Users, projects and memberships first, with the admin functions, before any node runs.
    const store = await openStore(options);
    const projects: string[] = [];
    for (let p = 0; p < PROJECTS; p++)
      projects.push((await addProject(store, { code: `LOAD-${p}`, name: `负载 ${p}` })).id);
    for (let d = 0; d < DEVICES; d++) {
      await addUser(store, { username: `device${d}`, password: DEFAULT_PASSWORD, passwordCost: TEST_PASSWORD_COST });
      await addMember(store, { project: projects[d % PROJECTS]!, username: `device${d}`, role: 'engineer' });
    }
    await store.close();
    for (let n = 0; n < nodeCount; n++) nodes.push(await startNode(options));

    const devices: Device[] = [];
    for (let d = 0; d < DEVICES; d++) {
      const node = nodes[d % nodeCount]!.url;
      const response = await fetch(`${node}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
        body: JSON.stringify({ username: `device${d}`, password: DEFAULT_PASSWORD }),
      });
      const { token } = (await response.json()) as { token: string };
      const rowIds = Array.from({ length: EDITS }, () => crypto.randomUUID());
      devices.push({
        deviceId: `load-device-${d}`,
        projectId: projects[d % PROJECTS]!,
        node,
        token,
        rowIds,
        cursor: 0,
        rounds: 0,
      });
    }

    const started = performance.now();
    const measureFrom = started + WARMUP_SECONDS * 1000;
    const measureTo = measureFrom + SECONDS * 1000;
    const latencies: number[] = [];
    const loadBefore = os.loadavg()[0]!;
    await Promise.all(
      devices.map(async (device) => {
        while (performance.now() < measureTo) {
          const begin = performance.now();
          await runRound(device);
          const end = performance.now();
          if (begin >= measureFrom && end <= measureTo) latencies.push(end - begin);
        }
      }),
    );
    const common = {
      devices: DEVICES,
      nodes: nodeCount,
      dialect,
      editsPerRound: EDITS,
      projects: PROJECTS,
      seconds: SECONDS,
      rounds: latencies.length,
      loadAverage: round((loadBefore + os.loadavg()[0]!) / 2, 1),
      cpus: os.cpus().length,
    };
    const what = `${DEVICES} devices over ${nodeCount} ${dialect} node(s), each round: push ${EDITS} edits + pull to current`;
    emit({
      bench: `load-${name}-rounds-per-s`,
      value: round(latencies.length / SECONDS, 1),
      unit: 'rounds/s',
      ...common,
      what,
    });
    emit({ bench: `load-${name}-round-p50`, value: round(percentile(latencies, 50), 1), unit: 'ms', ...common, what });
    emit({ bench: `load-${name}-round-p95`, value: round(percentile(latencies, 95), 1), unit: 'ms', ...common, what });
  } finally {
    for (const node of nodes) await stopNode(node);
    if (pgSchema) await dropSchema(pgSchema);
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

runBench(async () => {
  for (const name of cases) {
    log(`case ${name}`);
    await runCase(name);
  }
});
