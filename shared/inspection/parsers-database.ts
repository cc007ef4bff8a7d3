/**
 * Parsers for database client output: MySQL (boxed, \G and batch tables) and Oracle (SQL*Plus
 * tables, lsnrctl, archive log list).
 *
 * Query results are read generically, so a template's own queries fill its items: every
 * column of the first row becomes "sql:<column>" (lower case), and the largest value of every
 * numeric column "sql.max:<column>" (with the row's first cell in the note). Give a query's
 * columns distinct aliases (… AS hours_ago) and name that key in the item. Known shapes are
 * read further: SHOW VARIABLES / SHOW STATUS ("mysql.var:<name>"), mysql.user, SHOW REPLICA
 * STATUS, dba_profiles, SHOW PARAMETER, v$database.log_mode.
 */
import { note, type OutputParser, type ParsedValues } from './parser-types';
import { dashedTables, mysqlTables, reportedRowCount, type TextTable } from './paste';
import { round1 } from './text';

function cellValue(cell: string): string | number {
  const trimmed = cell.trim();
  return /^-?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** SQL*Plus headings are upper case identifiers; OceanStor and PowerShell ones are not. */
function isSqlPlusTable(table: TextTable): boolean {
  return table.headers.every((h) => /^[A-Z_][A-Z0-9_$#]*(\(\*\))?$/.test(h) || /^[A-Z_][A-Z0-9_$#()*,'.]*$/.test(h));
}

/**
 * Values computed from several others, which may come from separate commands of one paste:
 * MySQL connection usage from Max_used_connections and max_connections.
 */
export function deriveValues(values: ParsedValues): void {
  const used = values['mysql.var:max_used_connections'];
  const max = values['mysql.var:max_connections'];
  if (typeof used === 'number' && typeof max === 'number' && max > 0) {
    values['mysql.connectionUsePercent'] = round1((used / max) * 100);
    values[note('mysql.connectionUsePercent')] = `Max_used_connections ${used} / max_connections ${max}`;
  }
}

function interpret(table: TextTable, values: ParsedValues): void {
  const headers = table.headers.map((h) => h.trim().toLowerCase());
  const column = (name: string) => headers.indexOf(name);
  const rows = table.rows;
  // Generic: first row, and the maximum of numeric columns.
  if (rows.length > 0) {
    headers.forEach((h, c) => {
      if (!h) return;
      values[`sql:${h}`] = cellValue(rows[0]![c] ?? '');
      const numbers = rows
        .map((row) => ({ row, n: cellValue(row[c] ?? '') }))
        .filter((x): x is { row: string[]; n: number } => typeof x.n === 'number');
      if (numbers.length === rows.length && rows.length > 1) {
        const top = numbers.reduce((best, x) => (x.n > best.n ? x : best), numbers[0]!);
        values[`sql.max:${h}`] = top.n;
        if (c !== 0) values[note(`sql.max:${h}`)] = `${top.row[0]}：${top.n}`;
      } else if (numbers.length === 1 && rows.length === 1) {
        values[`sql.max:${h}`] = numbers[0]!.n;
      }
    });
  }
  // SHOW VARIABLES / SHOW STATUS.
  const name = column('variable_name');
  const value = column('value');
  if (name >= 0 && value >= 0) {
    for (const row of rows) values[`mysql.var:${row[name]!.toLowerCase()}`] = cellValue(row[value] ?? '');
    deriveValues(values);
  }
  // mysql.user
  const user = column('user');
  const host = column('host');
  if (user >= 0 && host >= 0) {
    values['mysql.anonymousUsers'] = rows.filter((row) => row[user] === '').length;
    const rootHosts = rows.filter((row) => row[user] === 'root').map((row) => row[host]!);
    if (rootHosts.length) values['mysql.rootHosts'] = rootHosts.join(', ');
  }
  // SHOW REPLICA STATUS \G (SHOW SLAVE STATUS before 8.0.22).
  const io = column('replica_io_running') >= 0 ? column('replica_io_running') : column('slave_io_running');
  const sql = column('replica_sql_running') >= 0 ? column('replica_sql_running') : column('slave_sql_running');
  if (io >= 0 && sql >= 0 && rows[0]) {
    const ok = /^yes$/i.test(rows[0][io]!) && /^yes$/i.test(rows[0][sql]!);
    values['mysql.replicationRunning'] = ok ? '正常' : '异常';
    if (!ok) values[note('mysql.replicationRunning')] = `IO 线程 ${rows[0][io]}，SQL 线程 ${rows[0][sql]}`;
    const lag =
      column('seconds_behind_source') >= 0 ? column('seconds_behind_source') : column('seconds_behind_master');
    if (lag >= 0 && /^\d+$/.test(rows[0][lag] ?? '')) values['mysql.replicationLagSeconds'] = Number(rows[0][lag]);
  }
  // dba_profiles
  const resource = column('resource_name');
  const limit = column('limit');
  if (resource >= 0 && limit >= 0) {
    const profile = column('profile');
    const wanted =
      profile >= 0 && rows.some((row) => row[profile] === 'DEFAULT')
        ? rows.filter((row) => row[profile] === 'DEFAULT')
        : rows;
    for (const row of wanted) {
      const v = row[limit] ?? '';
      values[`oracle.profile:${row[resource]!.toLowerCase()}`] = /^UNLIMITED$/i.test(v) ? '无限制' : cellValue(v);
    }
  }
  // SHOW PARAMETER: NAME TYPE VALUE
  if (headers.length === 3 && headers[0] === 'name' && headers[1] === 'type' && headers[2] === 'value') {
    for (const row of rows) values[`oracle.param:${row[0]!.toLowerCase()}`] = cellValue(row[2] ?? '');
  }
  const logMode = column('log_mode');
  if (logMode >= 0 && rows[0]) values['oracle.logMode'] = rows[0][logMode]!;
}

const sqlResult: OutputParser = {
  name: 'sql-result',
  label: '数据库查询结果（mysql / SQL*Plus）',
  commands: [
    "SHOW VARIABLES LIKE 'slow_query_log';",
    'SELECT user, host FROM mysql.user;',
    'select tablespace_name, used_percent from dba_tablespace_usage_metrics;',
  ],
  command: /^(select|show|with)\b/i,
  produces: [
    'sql:*',
    'sql.max:*',
    'sql.rowCount',
    'mysql.var:*',
    'mysql.connectionUsePercent',
    'mysql.anonymousUsers',
    'mysql.rootHosts',
    'mysql.replicationRunning',
    'mysql.replicationLagSeconds',
    'oracle.profile:*',
    'oracle.param:*',
    'oracle.logMode',
  ],
  detect(paste) {
    if (mysqlTables(paste.lines).length > 0) return 85;
    if (dashedTables(paste.lines).some(isSqlPlusTable)) return 80;
    return reportedRowCount(paste.text) === 0 ? 60 : 0;
  },
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    const tables = [...mysqlTables(paste.lines), ...dashedTables(paste.lines).filter(isSqlPlusTable)];
    for (const table of tables) interpret(table, values);
    const reported = reportedRowCount(paste.text);
    const rowCount = reported ?? (tables.length === 1 ? tables[0]!.rows.length : undefined);
    if (rowCount !== undefined) values['sql.rowCount'] = rowCount;
    return values;
  },
};

const lsnrctl: OutputParser = {
  name: 'lsnrctl-status',
  label: '监听状态（lsnrctl status）',
  commands: ['lsnrctl status'],
  command: /^lsnrctl\b/i,
  produces: ['oracle.listener'],
  detect: (paste) =>
    /LSNRCTL for|TNS-12541|TNS-12560|STATUS of the LISTENER|监听程序的状态/i.test(paste.text) ? 95 : 0,
  parse(paste): ParsedValues {
    const text = paste.text;
    if (/TNS-12541|TNS-12560|TNS-00511|no listener|没有监听程序/i.test(text)) {
      return { 'oracle.listener': '未运行', [note('oracle.listener')]: 'TNS-12541: 没有监听程序' };
    }
    if (/STATUS of the LISTENER|监听程序的状态|The command completed successfully|命令执行成功/i.test(text)) {
      const services = [...text.matchAll(/^\s*Service "([^"]+)" has \d+ instance/gim)].map((m) => m[1]!);
      const ready = (text.match(/status READY/gi) ?? []).length;
      const values: ParsedValues = { 'oracle.listener': '运行中' };
      values[note('oracle.listener')] = services.length
        ? `服务 ${services.join('、')}；READY 实例 ${ready} 个`
        : /supports no services|不支持服务/i.test(text)
          ? '监听未注册任何服务'
          : '';
      if (!values[note('oracle.listener')]) delete values[note('oracle.listener')];
      return values;
    }
    return {};
  },
};

const archiveLogList: OutputParser = {
  name: 'archive-log-list',
  label: '归档模式（SQL*Plus archive log list）',
  commands: ['archive log list'],
  command: /^archive\s+log\s+list/i,
  produces: ['oracle.logMode'],
  detect: (paste) => (paste.lines.some((line) => /^\s*(Database log mode|数据库日志模式)\s+\S/.test(line)) ? 95 : 0),
  parse(paste): ParsedValues {
    const line = paste.lines.find((l) => /^\s*(Database log mode|数据库日志模式)\s+\S/.test(l));
    if (!line) return {};
    const mode = line.replace(/^\s*(Database log mode|数据库日志模式)\s+/, '').trim();
    return {
      'oracle.logMode': /^(No Archive Mode|非存档模式|非归档模式)$/i.test(mode)
        ? 'NOARCHIVELOG'
        : /^(Archive Mode|存档模式|归档模式)$/i.test(mode)
          ? 'ARCHIVELOG'
          : mode,
    };
  },
};

export const databaseParsers: OutputParser[] = [sqlResult, lsnrctl, archiveLogList];
