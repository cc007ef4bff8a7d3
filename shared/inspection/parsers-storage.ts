/**
 * Parsers for storage arrays (Huawei OceanStor CLI) and host multipathing (multipath -ll,
 * UltraPath upadmin).
 */
import { note, type OutputParser, type ParsedValues } from './parser-types';
import { dashedTables, keyValueLines, promptCommand, sizeInBytes, type TextTable } from './paste';
import { round1 } from './text';

type OceanStorKind = 'disk' | 'pool' | 'lun' | 'domain' | 'hardware';

/** What a health-status table lists, from the command echoed before it or else from its columns. */
function tableKind(table: TextTable, command: string): OceanStorKind {
  const c = command.toLowerCase();
  if (/show\s+disk_domain/.test(c)) return 'domain';
  if (/show\s+disk\b/.test(c)) return 'disk';
  if (/show\s+storage_pool/.test(c)) return 'pool';
  if (/show\s+lun\b/.test(c)) return 'lun';
  if (c) return 'hardware';
  const h = new Set(table.headers.map((x) => x.toLowerCase()));
  if (h.has('pool id')) return 'lun';
  if (h.has('disk domain id') && h.has('total capacity')) return 'pool';
  if (h.has('total capacity')) return 'domain';
  if (h.has('role') || h.has('speed(rpm)') || (h.has('type') && h.has('capacity'))) return 'disk';
  return 'hardware';
}

const healthy = /^(normal|正常)$/i;

const oceanStorTables: OutputParser = {
  name: 'oceanstor-tables',
  label: '存储状态表（OceanStor show disk/storage_pool/lun/disk_domain/enclosure/power_supply/fan/bbu general）',
  commands: [
    'show disk general',
    'show storage_pool general',
    'show lun general',
    'show disk_domain general',
    'show enclosure',
    'show power_supply',
    'show fan',
    'show bbu general',
  ],
  command:
    /^show\s+(disk|storage_pool|lun|disk_domain|enclosure|power_supply|fan|bbu|interface_module|expansion_module)\b/i,
  produces: [
    'storage.faultDisks',
    'storage.prefailDisks',
    'storage.poolMaxUsedPercent',
    'storage.abnormalLuns',
    'storage.abnormalDiskDomains',
    'storage.abnormalHardware',
  ],
  detect: (paste) =>
    dashedTables(paste.lines).some((table) => table.headers.some((h) => /^Health Status$/i.test(h))) ? 90 : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    const faulty = {
      disk: [] as string[],
      prefail: [] as string[],
      lun: [] as string[],
      domain: [] as string[],
      hardware: [] as string[],
    };
    const seen = new Set<OceanStorKind>();
    const pools: Array<{ name: string; percent: number }> = [];
    for (const table of dashedTables(paste.lines)) {
      const health = table.headers.findIndex((h) => /^Health Status$/i.test(h));
      if (health < 0) continue;
      let command = '';
      for (let i = table.headerLine; i >= 0; i--) {
        const echoed = promptCommand(paste.lines[i]!);
        if (echoed !== null) {
          command = echoed;
          break;
        }
      }
      const kind = tableKind(table, command);
      seen.add(kind);
      const id = (row: string[]) => {
        const nameColumn = table.headers.findIndex((h) => /^Name$/i.test(h));
        return nameColumn >= 0 && row[nameColumn] ? `${row[0]} ${row[nameColumn]}` : row[0]!;
      };
      for (const row of table.rows) {
        const status = row[health] ?? '';
        if (status === '' || healthy.test(status)) continue;
        if (kind === 'disk' && /pre-?fail/i.test(status)) faulty.prefail.push(`${id(row)}（${status}）`);
        else faulty[kind === 'pool' ? 'domain' : kind].push(`${id(row)}（${status}）`);
      }
      if (kind === 'pool') {
        const total = table.headers.findIndex((h) => /^Total Capacity$/i.test(h));
        const freeColumn = table.headers.findIndex((h) => /^Free Capacity$/i.test(h));
        if (total >= 0 && freeColumn >= 0) {
          for (const row of table.rows) {
            const t = sizeInBytes(row[total] ?? '');
            const f = sizeInBytes(row[freeColumn] ?? '');
            if (t && f !== null) pools.push({ name: id(row), percent: round1(((t - f) / t) * 100) });
          }
        }
      }
    }
    const report = (key: string, list: string[]) => {
      values[key] = list.length;
      if (list.length)
        values[note(key)] = list.slice(0, 10).join('，') + (list.length > 10 ? ` 等 ${list.length} 个` : '');
    };
    if (seen.has('disk')) {
      report('storage.faultDisks', faulty.disk);
      report('storage.prefailDisks', faulty.prefail);
    }
    if (seen.has('lun')) report('storage.abnormalLuns', faulty.lun);
    if (seen.has('domain') || seen.has('pool')) report('storage.abnormalDiskDomains', faulty.domain);
    if (seen.has('hardware')) report('storage.abnormalHardware', faulty.hardware);
    if (pools.length) {
      const top = pools.reduce((best, pool) => (pool.percent > best.percent ? pool : best), pools[0]!);
      values['storage.poolMaxUsedPercent'] = top.percent;
      values[note('storage.poolMaxUsedPercent')] = pools.map((pool) => `${pool.name} ${pool.percent}%`).join('，');
    }
    return values;
  },
};

/** "Key : Value" blocks: show system general, show controller general. */
const oceanStorGeneral: OutputParser = {
  name: 'oceanstor-general',
  label: '存储系统与控制器（OceanStor show system general / show controller general）',
  commands: ['show system general', 'show controller general'],
  command: /^show\s+(system|controller)\s+general/i,
  produces: ['storage.systemHealth', 'storage.softwareVersion', 'device.model', 'storage.abnormalControllers'],
  detect: (paste) =>
    paste.lines.some((line) => /^\s*(Product Version|Controller)\s*:/.test(line)) &&
    paste.lines.some((line) => /^\s*Health Status\s*:/.test(line))
      ? 90
      : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    const pairs = keyValueLines(paste.lines, /^\s*([A-Za-z][\w ()%/.-]*?)\s*:\s*(.*)$/);
    const get = (name: string) => pairs.find(([key]) => key === name)?.[1];
    const version = get('Product Version');
    if (version !== undefined) {
      const patch = get('Patch Version');
      values['storage.softwareVersion'] = patch && patch !== '--' ? `${version} ${patch}` : version;
      const model = get('Product Model');
      if (model) values['device.model'] = model;
      const health = get('Health Status');
      if (health) values['storage.systemHealth'] = health;
    }
    const controllers: Array<{ name: string; health: string }> = [];
    let current: { name: string; health: string } | null = null;
    for (const [key, value] of pairs) {
      if (key === 'Controller') {
        current = { name: value, health: '' };
        controllers.push(current);
      } else if (key === 'Health Status' && current && !current.health) current.health = value;
    }
    if (controllers.length) {
      const bad = controllers.filter((c) => !healthy.test(c.health));
      values['storage.abnormalControllers'] = bad.length;
      values[note('storage.abnormalControllers')] = controllers.map((c) => `${c.name} ${c.health}`).join('，');
    }
    return values;
  },
};

const multipath: OutputParser = {
  name: 'multipath',
  label: '主机多路径（multipath -ll / upadmin show path）',
  commands: ['multipath -ll', 'upadmin show path'],
  command: /^(multipath\s+-ll|upadmin\s+show\s+path)/i,
  produces: ['storage.failedPaths'],
  detect: (paste) =>
    paste.lines.some((line) => /\bdm-\d+\b/.test(line)) &&
    paste.lines.some((line) => /\b\d+:\d+:\d+:\d+\s+sd\w+\s+\d+:\d+\s/.test(line))
      ? 95
      : dashedTables(paste.lines).some((t) => t.headers.includes('Path State'))
        ? 90
        : 0,
  parse(paste): ParsedValues {
    const failed: string[] = [];
    let total = 0;
    let lun = '';
    for (const line of paste.lines) {
      const head = /^(\S+)\s+\([0-9a-f]+\)\s+dm-\d+/i.exec(line) ?? /^(\S+)\s+dm-\d+/.exec(line);
      if (head) lun = head[1]!;
      const path = /\b(\d+:\d+:\d+:\d+)\s+(sd\w+)\s+\d+:\d+\s+(\S+)\s+(\S+)/.exec(line);
      if (path) {
        total++;
        if (/failed|faulty|offline/i.test(`${path[3]} ${path[4]}`)) failed.push(`${lun} ${path[2]}`);
      }
    }
    for (const table of dashedTables(paste.lines)) {
      const state = table.headers.indexOf('Path State');
      if (state < 0) continue;
      for (const row of table.rows) {
        total++;
        if (!/^normal$/i.test(row[state] ?? '')) failed.push(`路径 ${row[0]}（${row[state]}）`);
      }
    }
    if (total === 0) return {};
    const values: ParsedValues = { 'storage.failedPaths': failed.length };
    values[note('storage.failedPaths')] = failed.length
      ? `故障路径：${failed.join('，')}（共 ${total} 条）`
      : `共 ${total} 条路径，全部正常`;
    return values;
  },
};

export const storageParsers: OutputParser[] = [oceanStorTables, oceanStorGeneral, multipath];
