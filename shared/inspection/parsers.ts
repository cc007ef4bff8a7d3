/**
 * Command-output parsers: paste what a command printed, get values for checklist items.
 *
 *   recognise(text)          which known output this is, and its values (null if none)
 *   recogniseAll(text)       the same for a paste of several commands with their prompts
 *   parse(name, text)        the values of one named parser
 *
 * Values are keyed by value key (see parser-types.ts); an item names its key in `parser`.
 * Every parser is a pure function of the text (and of `now` for the one that needs a date).
 */
import { databaseParsers } from './parsers-database';
import { linuxParsers } from './parsers-linux';
import { middlewareParsers } from './parsers-middleware';
import { networkParsers } from './parsers-network';
import { storageParsers } from './parsers-storage';
import { windowsParsers } from './parsers-windows';
import type { OutputParser, ParsedValues, ParseOptions } from './parser-types';
import { cleanPaste, type PasteText, splitSegments } from './paste';

export type { OutputParser, ParsedValues, ParseOptions } from './parser-types';

export const outputParsers: readonly OutputParser[] = [
  ...linuxParsers,
  ...windowsParsers,
  ...networkParsers,
  ...storageParsers,
  ...databaseParsers,
  ...middlewareParsers,
];

const byName = new Map(outputParsers.map((parser) => [parser.name, parser]));

export function parserByName(name: string): OutputParser | undefined {
  return byName.get(name);
}

/** The values one named parser reads from `text`. Throws for an unknown parser name. */
export function parse(parserName: string, text: string, options: ParseOptions = {}): ParsedValues {
  const parser = byName.get(parserName);
  if (!parser) throw new Error(`未知的输出解析器：${parserName}`);
  return parser.parse(cleanPaste(text), options);
}

export interface Recognised {
  /** Name of the parser that read the paste. */
  parser: string;
  /** Its label, for "已识别：磁盘使用率（df -hP）". */
  label: string;
  values: ParsedValues;
  /** The command echoed before the output, when the paste had a prompt line. */
  command?: string;
}

/**
 * Which known output `text` is, and what it says. Parsers are tried from the most confident
 * down (an echoed command that matches a parser breaks ties); the first that yields a value
 * wins. null when no parser reads anything from it.
 */
export function recognise(text: string, options: ParseOptions = {}): Recognised | null {
  return recognisePaste(cleanPaste(text), options);
}

/**
 * A paste of several commands, each after its prompt ("[root@web01 ~]# df -hP" … "[root@web01
 * ~]# free -m" …): one result per command whose output was recognised, in paste order. A paste
 * without prompts gives at most one result, as recognise() does.
 */
export function recogniseAll(text: string, options: ParseOptions = {}): Recognised[] {
  const paste = cleanPaste(text);
  const segments = splitSegments(paste);
  if (segments.length <= 1) {
    const single = recognisePaste(paste, options);
    return single ? [single] : [];
  }
  return segments
    .map((segment) => recognisePaste(segment, options))
    .filter((result): result is Recognised => result !== null);
}

function recognisePaste(paste: PasteText, options: ParseOptions): Recognised | null {
  const ranked = outputParsers
    .map((parser, order) => {
      const echoed = parser.command ? paste.commands.some((command) => parser.command!.test(command)) : false;
      let score = 0;
      try {
        score = parser.detect(paste);
      } catch {
        score = 0;
      }
      return { parser, order, score: score > 0 ? score + (echoed ? 10 : 0) : echoed ? 5 : 0 };
    })
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  for (const { parser } of ranked) {
    let values: ParsedValues;
    try {
      values = parser.parse(paste, options);
    } catch {
      continue;
    }
    if (Object.keys(values).some((key) => !key.startsWith('note:'))) {
      const result: Recognised = { parser: parser.name, label: parser.label, values };
      if (paste.commands.length === 1) result.command = paste.commands[0]!;
      return result;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Value keys

/**
 * What each value key means, for the template editor's parser list. A family (a key ending
 * in ":*") takes a parameter after the colon: "mysql.var:slow_query_log".
 */
export const valueKeyLabels: Record<string, string> = {
  'disk.maxUsePercent': '磁盘使用率最高值（%）',
  'disk.maxUseMount': '使用率最高的挂载点/盘符',
  'disk.maxInodeUsePercent': 'inode 使用率最高值（%）',
  'disk.maxInodeUseMount': 'inode 使用率最高的挂载点',
  'memory.usedPercent': '内存使用率（%）',
  'swap.usedPercent': 'swap 使用率（%）',
  'cpu.usedPercent': 'CPU 使用率（%）',
  'ssh.permitRootLogin': 'SSH PermitRootLogin',
  'ssh.permitEmptyPasswords': 'SSH PermitEmptyPasswords',
  'ssh.passwordAuthentication': 'SSH PasswordAuthentication',
  'ssh.maxAuthTries': 'SSH MaxAuthTries',
  'ssh.x11Forwarding': 'SSH X11Forwarding',
  'ssh.clientAliveInterval': 'SSH ClientAliveInterval（秒）',
  'ssh.clientAliveCountMax': 'SSH ClientAliveCountMax',
  'ssh.loginGraceTime': 'SSH LoginGraceTime',
  'ssh.protocol': 'SSH Protocol',
  'ssh.port': 'SSH 端口',
  'login.passMaxDays': 'PASS_MAX_DAYS（天）',
  'login.passMinDays': 'PASS_MIN_DAYS（天）',
  'login.passMinLen': 'PASS_MIN_LEN（位）',
  'login.passWarnAge': 'PASS_WARN_AGE（天）',
  'login.encryptMethod': 'ENCRYPT_METHOD',
  'shell.tmout': 'TMOUT（秒）',
  'ntp.synchronised': '时间同步状态（已同步/未同步）',
  'ntp.server': '当前同步的时间源',
  'ntp.offsetMs': '与时间源的偏差（毫秒，绝对值）',
  'os.timezone': '时区',
  'os.kernel': '内核版本',
  'os.release': '操作系统版本',
  'service.active': '服务状态（单个 systemctl is-active 输出，仅填入当前检查项）',
  'service.active:*': '指定服务的状态（active/inactive/failed）',
  'firewalld.state': 'firewalld 状态（running/not running）',
  'selinux.mode': 'SELinux 模式',
  'proc.maxOpenFiles': '进程打开文件数软限制',
  'win.minPasswordLength': '密码长度最小值',
  'win.maxPasswordAgeDays': '密码最长使用期限（天）',
  'win.minPasswordAgeDays': '密码最短使用期限（天）',
  'win.passwordHistory': '强制密码历史（个）',
  'win.lockoutThreshold': '账户锁定阈值（次，0 = 不锁定）',
  'win.lockoutDurationMinutes': '账户锁定时间（分钟）',
  'win.lockoutWindowMinutes': '锁定计数器重置时间（分钟）',
  'win.passwordComplexity': '密码复杂性要求（已启用/已禁用）',
  'win.userActive:*': '指定账户是否启用（已启用/已禁用）',
  'win.adminRenamed': 'Administrator 是否已重命名',
  'win.audit:*': '指定审核子类别的设置（成功和失败/成功/失败/无审核）',
  'win.hotfixCount': '已安装更新数',
  'win.lastHotfixDate': '最近一次安装更新的日期',
  'win.eventLogMaxSizeMb:*': '指定事件日志的最大大小（MB）',
  'win.reg:*': '指定注册表值',
  'win.firewall': 'Windows 防火墙（全部启用/部分启用/全部关闭）',
  'device.vendor': '设备厂商',
  'device.model': '设备型号',
  'device.softwareVersion': '软件版本',
  'device.patch': '补丁版本',
  'device.uptime': '运行时间',
  'device.hostname': '设备名',
  'net.snmpCommunity': 'SNMP 团体名情况',
  'net.remoteAccess': '远程登录协议（仅 SSH/SSH 和 Telnet/仅 Telnet）',
  'net.ntpServers': '已配置的 NTP 服务器',
  'net.syslogServers': '已配置的日志服务器',
  'net.idleTimeoutMinutes': '登录空闲超时（分钟，多处取最长）',
  'net.configSaved': '配置是否已保存',
  'net.unusedPortsNotShut': '未连接且未关闭的端口数',
  'storage.faultDisks': '故障硬盘数',
  'storage.prefailDisks': '预失效硬盘数',
  'storage.poolMaxUsedPercent': '存储池容量使用率最高值（%）',
  'storage.abnormalLuns': '状态异常的 LUN 数',
  'storage.abnormalDiskDomains': '状态异常的硬盘域/存储池数',
  'storage.abnormalHardware': '状态异常的硬件部件数（框、电源、风扇、BBU 等）',
  'storage.systemHealth': '存储系统健康状态',
  'storage.softwareVersion': '存储系统软件版本',
  'storage.abnormalControllers': '状态异常的控制器数',
  'storage.failedPaths': '故障路径数',
  'sql:*': '查询结果第一行的指定列',
  'sql.max:*': '查询结果中指定数值列的最大值',
  'sql.rowCount': '查询结果行数（仅填入当前检查项）',
  'mysql.var:*': 'MySQL 变量/状态值',
  'mysql.connectionUsePercent': 'MySQL 连接数使用率（%）',
  'mysql.anonymousUsers': 'MySQL 匿名账户数',
  'mysql.rootHosts': 'MySQL root 账户允许的主机',
  'mysql.replicationRunning': 'MySQL 复制线程状态（正常/异常）',
  'mysql.replicationLagSeconds': 'MySQL 复制延迟（秒）',
  'oracle.profile:*': 'Oracle DEFAULT profile 的指定资源限制',
  'oracle.param:*': 'Oracle 初始化参数',
  'oracle.logMode': 'Oracle 归档模式',
  'oracle.listener': 'Oracle 监听状态（运行中/未运行）',
  'mw.version': '中间件版本',
  'mw.jvmVersion': 'JVM 版本',
  'mw.serverTokens': 'Nginx server_tokens',
  'mw.directoryListing': '目录浏览（已开启/已关闭）',
  'mw.tlsProtocols': '启用的 TLS/SSL 协议',
  'tls.certDaysLeft': '证书剩余有效天数',
  'tls.certNotAfter': '证书到期日',
};

/**
 * Keys that carry no name of what they describe (one bare "active", a row count): they fill
 * only the item the output was pasted into, never every item that uses the key.
 */
export const targetedOnlyKeys: ReadonlySet<string> = new Set(['service.active', 'sql.rowCount']);

/** The family of a key ("mysql.var:slow_query_log" → "mysql.var:*"), or the key itself. */
export function keyFamily(key: string): string {
  const colon = key.indexOf(':');
  return colon > 0 ? `${key.slice(0, colon)}:*` : key;
}

/** Whether some parser can produce `key` (an item's `parser` field). */
export function isKnownValueKey(key: string): boolean {
  const colon = key.indexOf(':');
  if (colon > 0 && colon === key.length - 1) return false;
  return producedKeys.has(keyFamily(key));
}

/** The parsers that can fill an item whose `parser` is `key`, for "粘贴以下命令的输出" hints. */
export function parsersForKey(key: string): OutputParser[] {
  const family = keyFamily(key);
  return outputParsers.filter((parser) => parser.produces.includes(family));
}

/** Label of a value key, for the template editor ("PASS_MAX_DAYS（天）"; families with their parameter). */
export function valueKeyLabel(key: string): string {
  const exact = valueKeyLabels[key];
  if (exact) return exact;
  const family = keyFamily(key);
  const label = valueKeyLabels[family];
  return label ? `${label}：${key.slice(key.indexOf(':') + 1)}` : key;
}

const producedKeys = new Set(outputParsers.flatMap((parser) => parser.produces));
