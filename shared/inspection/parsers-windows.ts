/**
 * Parsers for Windows Server command output, English and Chinese (简体中文) editions.
 */
import { note, type OutputParser, type ParsedValues } from './parser-types';
import { dashedTables, keyValueLines, sizeInBytes } from './paste';
import { round1 } from './text';

const unlimited = '无限制';

// ---------------------------------------------------------------------------------------------
// net accounts

interface NetAccountsField {
  key: string;
  labels: RegExp;
  /** How "Never"/"从不", "None"/"无" and "Unlimited"/"无限制" read for this field. */
  never?: number | string;
}

const netAccountsFields: NetAccountsField[] = [
  { key: 'win.minPasswordLength', labels: /minimum password length|密码长度最小值/i },
  { key: 'win.maxPasswordAgeDays', labels: /maximum password age|密码最长使用期限/i, never: unlimited },
  { key: 'win.minPasswordAgeDays', labels: /minimum password age|密码最短使用期限/i },
  { key: 'win.passwordHistory', labels: /password history|密码历史/i, never: 0 },
  // "Never" here means accounts are never locked out: a threshold of 0.
  { key: 'win.lockoutThreshold', labels: /lockout threshold|锁定阈值/i, never: 0 },
  { key: 'win.lockoutDurationMinutes', labels: /lockout duration|锁定持续时间/i, never: unlimited },
  { key: 'win.lockoutWindowMinutes', labels: /observation window|观测窗口|观察窗口/i },
];

const neverWords = /^(never|none|unlimited|从不|无|无限制|永不)$/i;

const netAccounts: OutputParser = {
  name: 'net-accounts',
  label: '账户与口令策略（net accounts）',
  commands: ['net accounts'],
  command: /^net\s+accounts\b/i,
  produces: netAccountsFields.map((field) => field.key),
  detect: (paste) =>
    paste.lines.filter((line) => netAccountsFields.some((field) => field.labels.test(line)) && /:/.test(line)).length >=
      2 && !/\[System Access\]/i.test(paste.text)
      ? 95
      : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    for (const [label, value] of keyValueLines(paste.lines, /^\s*(.+?)\s*:\s+(.*)$/)) {
      const field = netAccountsFields.find((f) => f.labels.test(label));
      if (!field) continue;
      if (/^\d+$/.test(value)) values[field.key] = Number(value);
      else if (neverWords.test(value)) values[field.key] = field.never ?? unlimited;
    }
    if (values['win.lockoutThreshold'] === 0) values[note('win.lockoutThreshold')] = '从不锁定（阈值 0）';
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// secedit /export /cfg (the [System Access] and [Event Audit] sections)

const auditLevels = ['无审核', '成功', '失败', '成功和失败'];

const secedit: OutputParser = {
  name: 'secedit',
  label: '本地安全策略（secedit /export）',
  commands: ['secedit /export /cfg C:\\secpol.cfg && type C:\\secpol.cfg'],
  command: /secedit|secpol\.cfg/i,
  produces: [
    'win.minPasswordLength',
    'win.maxPasswordAgeDays',
    'win.minPasswordAgeDays',
    'win.passwordHistory',
    'win.lockoutThreshold',
    'win.lockoutDurationMinutes',
    'win.lockoutWindowMinutes',
    'win.passwordComplexity',
    'win.userActive:*',
    'win.adminRenamed',
    'win.audit:*',
  ],
  detect: (paste) =>
    /\[System Access\]/i.test(paste.text) ||
    paste.lines.some((line) => /^\s*(MinimumPasswordLength|PasswordComplexity|LockoutBadCount)\s*=/.test(line))
      ? 95
      : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    const settings = new Map<string, string>();
    for (const line of paste.lines) {
      const match = /^\s*(\w+)\s*=\s*(.*?)\s*$/.exec(line);
      if (match) settings.set(match[1]!.toLowerCase(), match[2]!.replace(/^"(.*)"$/, '$1'));
    }
    const number = (name: string) => {
      const value = settings.get(name);
      return value !== undefined && /^-?\d+$/.test(value) ? Number(value) : undefined;
    };
    const set = (key: string, value: string | number | undefined) => {
      if (value !== undefined) values[key] = value;
    };
    set('win.minPasswordLength', number('minimumpasswordlength'));
    const maxAge = number('maximumpasswordage');
    set('win.maxPasswordAgeDays', maxAge === -1 || maxAge === 0 ? unlimited : maxAge);
    set('win.minPasswordAgeDays', number('minimumpasswordage'));
    set('win.passwordHistory', number('passwordhistorysize'));
    set('win.lockoutThreshold', number('lockoutbadcount'));
    set('win.lockoutDurationMinutes', number('lockoutduration') === -1 ? unlimited : number('lockoutduration'));
    set('win.lockoutWindowMinutes', number('resetlockoutcount'));
    const complexity = number('passwordcomplexity');
    if (complexity !== undefined) values['win.passwordComplexity'] = complexity === 1 ? '已启用' : '已禁用';
    const guest = number('enableguestaccount');
    if (guest !== undefined) values['win.userActive:guest'] = guest === 1 ? '已启用' : '已禁用';
    const admin = settings.get('newadministratorname');
    if (admin !== undefined)
      values['win.adminRenamed'] = admin.toLowerCase() === 'administrator' ? '未重命名' : '已重命名';
    // Legacy audit policy: 0 none, 1 success, 2 failure, 3 both.
    const legacy: Array<[string, string]> = [
      ['auditlogonevents', 'logon'],
      ['auditaccountmanage', 'user-account-management'],
      ['auditpolicychange', 'audit-policy-change'],
      ['auditaccountlogon', 'credential-validation'],
    ];
    for (const [name, code] of legacy) {
      const level = number(name);
      if (level !== undefined && level >= 0 && level <= 3) values[`win.audit:${code}`] = auditLevels[level]!;
    }
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// auditpol /get /category:*

const auditSubcategories: Array<[string, RegExp]> = [
  ['logon', /^(logon|登录)$/i],
  ['logoff', /^(logoff|注销)$/i],
  ['account-lockout', /^(account lockout|帐户锁定|账户锁定)$/i],
  ['user-account-management', /^(user account management|用户帐户管理|用户账户管理)$/i],
  ['security-group-management', /^(security group management|安全组管理)$/i],
  ['audit-policy-change', /^(audit policy change|审核策略更改)$/i],
  ['credential-validation', /^(credential validation|凭据验证)$/i],
  ['process-creation', /^(process creation|进程创建|过程创建)$/i],
  ['sensitive-privilege-use', /^(sensitive privilege use|敏感权限使用)$/i],
  ['security-state-change', /^(security state change|安全状态更改)$/i],
  ['system-integrity', /^(system integrity|系统完整性)$/i],
  ['special-logon', /^(special logon|特殊登录)$/i],
];

const auditSetting = /\s{2,}(Success and Failure|No Auditing|Success|Failure|成功和失败|无审核|成功|失败)$/i;
const auditSettingZh: Record<string, string> = {
  'success and failure': '成功和失败',
  'no auditing': '无审核',
  success: '成功',
  failure: '失败',
};

const auditpol: OutputParser = {
  name: 'auditpol',
  label: '审核策略（auditpol /get /category:*）',
  commands: ['auditpol /get /category:*'],
  command: /^auditpol\b/i,
  produces: ['win.audit:*'],
  detect: (paste) =>
    /System audit policy|系统审核策略|Category\/Subcategory|类别\/子类别/i.test(paste.text) &&
    paste.lines.some((line) => auditSetting.test(line))
      ? 95
      : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    for (const line of paste.lines) {
      if (!/^\s+\S/.test(line)) continue;
      const setting = auditSetting.exec(line);
      if (!setting) continue;
      const name = line.slice(0, setting.index).trim();
      const code = auditSubcategories.find(([, pattern]) => pattern.test(name))?.[0];
      if (code) values[`win.audit:${code}`] = auditSettingZh[setting[1]!.toLowerCase()] ?? setting[1]!;
    }
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// systeminfo

const systeminfo: OutputParser = {
  name: 'systeminfo',
  label: '系统信息（systeminfo）',
  commands: ['systeminfo'],
  command: /^systeminfo\b/i,
  produces: ['os.release', 'memory.usedPercent', 'win.hotfixCount'],
  detect: (paste) =>
    paste.lines.some((line) => /^\s*(OS Name|OS 名称)\s*:/.test(line)) &&
    paste.lines.some((line) => /^\s*(Total Physical Memory|物理内存总量)\s*:/.test(line))
      ? 95
      : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    const fields = keyValueLines(paste.lines, /^([^\s:][^:]*?)\s*:\s+(.*)$/);
    const get = (pattern: RegExp) => fields.find(([label]) => pattern.test(label))?.[1];
    const name = get(/^(OS Name|OS 名称)$/);
    const version = get(/^(OS Version|OS 版本)$/);
    if (name) {
      values['os.release'] = name;
      if (version) values[note('os.release')] = `版本 ${version}`;
    }
    const total = sizeInBytes((get(/^(Total Physical Memory|物理内存总量)$/) ?? '').replace(/\s+/g, ''));
    const available = sizeInBytes((get(/^(Available Physical Memory|可用的物理内存)$/) ?? '').replace(/\s+/g, ''));
    if (total && available !== null) {
      values['memory.usedPercent'] = round1(((total - available) / total) * 100);
      values[note('memory.usedPercent')] = '按 (物理内存总量 − 可用的物理内存) / 物理内存总量 计算';
    }
    const hotfix = get(/^(Hotfix\(s\)|修补程序)$/);
    const count = hotfix ? /(\d+)/.exec(hotfix) : null;
    if (count) values['win.hotfixCount'] = Number(count[1]);
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// Installed updates: wmic qfe, Get-HotFix

/** "2/14/2024" (en-US), "2024/2/14" (zh-CN), "2024-02-14" → "2024-02-14". */
function windowsDate(text: string): string | null {
  const ymd = /\b(\d{4})[/-](\d{1,2})[/-](\d{1,2})\b/.exec(text);
  const mdy = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(text);
  const [y, m, d] = ymd ? [ymd[1], ymd[2], ymd[3]] : mdy ? [mdy[3], mdy[1], mdy[2]] : [];
  if (!y || !m || !d || Number(m) > 12 || Number(d) > 31) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

const hotfixes: OutputParser = {
  name: 'hotfix-list',
  label: '已安装补丁（wmic qfe / Get-HotFix）',
  commands: ['wmic qfe list brief', 'Get-HotFix | Sort-Object InstalledOn'],
  command: /(wmic\s+qfe|Get-HotFix)/i,
  produces: ['win.lastHotfixDate', 'win.hotfixCount'],
  detect: (paste) => (/\bHotFixID\b/i.test(paste.text) && /\bKB\d{6,7}\b/.test(paste.text) ? 95 : 0),
  parse(paste): ParsedValues {
    const found: Array<{ kb: string; date: string | null }> = [];
    for (const line of paste.lines) {
      const kb = /\b(KB\d{6,7})\b/.exec(line);
      if (kb) found.push({ kb: kb[1]!, date: windowsDate(line.slice(kb.index)) });
    }
    if (found.length === 0) return {};
    const values: ParsedValues = { 'win.hotfixCount': found.length };
    const dated = found.filter((f) => f.date).sort((a, b) => (a.date! < b.date! ? 1 : -1));
    if (dated.length) {
      values['win.lastHotfixDate'] = dated[0]!.date!;
      values[note('win.lastHotfixDate')] = `最近安装：${dated
        .slice(0, 3)
        .map((f) => `${f.kb}（${f.date}）`)
        .join('，')}；共 ${found.length} 个更新`;
    }
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// Disks: wmic logicaldisk, Get-PSDrive

const windowsDisks: OutputParser = {
  name: 'windows-disks',
  label: '磁盘使用率（wmic logicaldisk / Get-PSDrive）',
  commands: ['wmic logicaldisk where DriveType=3 get Caption,FreeSpace,Size', 'Get-PSDrive -PSProvider FileSystem'],
  command: /(wmic\s+logicaldisk|Get-PSDrive)/i,
  produces: ['disk.maxUsePercent', 'disk.maxUseMount'],
  detect: (paste) =>
    paste.lines.some((line) => /^\s*Caption\s+FreeSpace\s+Size\s*$/i.test(line)) ||
    paste.lines.some((line) => /^\s*Name\s+Used \(GB\)\s+Free \(GB\)/.test(line))
      ? 95
      : 0,
  parse(paste): ParsedValues {
    const disks: Array<{ name: string; percent: number }> = [];
    const wmicHeader = paste.lines.findIndex((line) => /^\s*Caption\s+FreeSpace\s+Size\s*$/i.test(line));
    if (wmicHeader >= 0) {
      for (const line of paste.lines.slice(wmicHeader + 1)) {
        const match = /^\s*([A-Z]:)\s+(\d+)\s+(\d+)\s*$/i.exec(line);
        if (match && Number(match[3]) > 0)
          disks.push({
            name: match[1]!.toUpperCase(),
            percent: round1((1 - Number(match[2]) / Number(match[3])) * 100),
          });
      }
    }
    for (const table of dashedTables(paste.lines)) {
      const used = table.headers.findIndex((h) => /^Used \(GB\)$/.test(h));
      const freeColumn = table.headers.findIndex((h) => /^Free \(GB\)$/.test(h));
      const name = table.headers.indexOf('Name');
      if (used < 0 || freeColumn < 0 || name < 0) continue;
      for (const row of table.rows) {
        const u = Number(row[used]);
        const f = Number(row[freeColumn]);
        if (Number.isFinite(u) && Number.isFinite(f) && u + f > 0 && row[used] !== '')
          disks.push({ name: `${row[name]}:`, percent: round1((u / (u + f)) * 100) });
      }
    }
    if (disks.length === 0) return {};
    const top = disks.reduce((best, disk) => (disk.percent > best.percent ? disk : best), disks[0]!);
    return {
      'disk.maxUsePercent': top.percent,
      'disk.maxUseMount': top.name,
      [note('disk.maxUsePercent')]: `最高：${top.name} ${top.percent}%${
        disks.length > 1
          ? `；其余：${disks
              .filter((d) => d !== top)
              .map((d) => `${d.name} ${d.percent}%`)
              .join('，')}`
          : ''
      }`,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Event logs: wevtutil gl, Get-EventLog -List

const eventLogs: OutputParser = {
  name: 'event-log-size',
  label: '事件日志大小（wevtutil gl / Get-EventLog -List）',
  commands: ['wevtutil gl Security', 'Get-EventLog -List'],
  command: /(wevtutil|Get-EventLog)/i,
  produces: ['win.eventLogMaxSizeMb:*'],
  detect: (paste) =>
    (paste.lines.some((line) => /^\s*name:\s*\S/.test(line)) &&
      paste.lines.some((line) => /^\s*maxSize:\s*\d+/.test(line))) ||
    paste.lines.some((line) => /^\s*Max\(K\)\s+Retain\s+OverflowAction/.test(line))
      ? 95
      : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    let name = '';
    for (const line of paste.lines) {
      const named = /^name:\s*(.+)$/.exec(line.trim());
      if (named && !/^\s/.test(line)) name = named[1]!.trim().toLowerCase();
      const size = /^\s*maxSize:\s*(\d+)/.exec(line);
      if (size && name) values[`win.eventLogMaxSizeMb:${name}`] = round1(Number(size[1]) / 1048576);
      const retention = /^\s*retention:\s*(\S+)/.exec(line);
      if (retention && name && retention[1] === 'true')
        values[note(`win.eventLogMaxSizeMb:${name}`)] = '日志满时不覆盖（retention: true）';
    }
    for (const table of dashedTables(paste.lines)) {
      const max = table.headers.indexOf('Max(K)');
      const log = table.headers.indexOf('Log');
      if (max < 0 || log < 0) continue;
      for (const row of table.rows) {
        const kb = Number((row[max] ?? '').replace(/,/g, ''));
        if (row[log] && Number.isFinite(kb))
          values[`win.eventLogMaxSizeMb:${row[log]!.toLowerCase()}`] = round1(kb / 1024);
      }
    }
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// reg query

const regQuery: OutputParser = {
  name: 'reg-query',
  label: '注册表值（reg query）',
  commands: [
    'reg query "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp" /v PortNumber',
  ],
  command: /^reg\s+query\b/i,
  produces: ['win.reg:*'],
  detect: (paste) =>
    paste.lines.some((line) => /^\s+\S+\s+REG_(DWORD|QWORD|SZ|EXPAND_SZ|MULTI_SZ|BINARY)\b/.test(line)) ? 95 : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    for (const line of paste.lines) {
      const match = /^\s+(\S.*?)\s+(REG_\w+)\s*(.*)$/.exec(line);
      if (!match) continue;
      const name = match[1]!.toLowerCase();
      const data = match[3]!.trim();
      values[`win.reg:${name}`] =
        /^REG_(DWORD|QWORD)$/.test(match[2]!) && /^0x[0-9a-f]+$/i.test(data) ? Number.parseInt(data, 16) : data;
    }
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// net user <name>

const netUser: OutputParser = {
  name: 'net-user',
  label: '账户状态（net user <账户名>）',
  commands: ['net user guest'],
  command: /^net\s+user\s+\S/i,
  produces: ['win.userActive:*'],
  detect: (paste) =>
    paste.lines.some((line) => /^\s*(User name|用户名)\s+\S/.test(line)) &&
    paste.lines.some((line) => /^\s*(Account active|帐户启用|账户启用)\s+\S/.test(line))
      ? 95
      : 0,
  parse(paste): ParsedValues {
    const user = paste.lines.map((line) => /^\s*(?:User name|用户名)\s+(\S+)/.exec(line)).find(Boolean)?.[1];
    const active = paste.lines
      .map((line) => /^\s*(?:Account active|帐户启用|账户启用)\s+(\S+)/.exec(line))
      .find(Boolean)?.[1];
    if (!user || !active) return {};
    return { [`win.userActive:${user.toLowerCase()}`]: /^(yes|是)$/i.test(active) ? '已启用' : '已禁用' };
  },
};

// ---------------------------------------------------------------------------------------------
// netsh advfirewall show allprofiles state

const windowsFirewall: OutputParser = {
  name: 'netsh-firewall',
  label: 'Windows 防火墙（netsh advfirewall show allprofiles state）',
  commands: ['netsh advfirewall show allprofiles state'],
  command: /netsh\s+advfirewall/i,
  produces: ['win.firewall'],
  detect: (paste) =>
    paste.lines.some((line) => /(Profile Settings|配置文件\s*设置)\s*:/.test(line)) &&
    paste.lines.some((line) => /^\s*(State|状态)\s+\S/.test(line))
      ? 95
      : 0,
  parse(paste): ParsedValues {
    const profiles: Array<{ name: string; on: boolean }> = [];
    let profile = '';
    for (const line of paste.lines) {
      const heading = /^\s*(.+?)\s*(Profile Settings|配置文件\s*设置)\s*:/.exec(line);
      if (heading) profile = heading[1]!.trim() || heading[0]!.trim();
      const state = /^\s*(?:State|状态)\s+(\S+)/.exec(line);
      if (state && profile) {
        profiles.push({ name: profile, on: /^(on|启用|打开)$/i.test(state[1]!) });
        profile = '';
      }
    }
    if (profiles.length === 0) return {};
    const on = profiles.filter((p) => p.on).length;
    const value = on === profiles.length ? '全部启用' : on === 0 ? '全部关闭' : '部分启用';
    const values: ParsedValues = { 'win.firewall': value };
    if (value === '部分启用')
      values[note('win.firewall')] = `未启用：${profiles
        .filter((p) => !p.on)
        .map((p) => p.name)
        .join('、')}`;
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// w32tm /query /status

const w32tm: OutputParser = {
  name: 'w32tm-status',
  label: '时间同步（w32tm /query /status）',
  commands: ['w32tm /query /status'],
  command: /^w32tm\b/i,
  produces: ['ntp.synchronised', 'ntp.server'],
  detect: (paste) => (paste.lines.some((line) => /^\s*(Leap Indicator|闰指示符)\s*:/.test(line)) ? 95 : 0),
  parse(paste): ParsedValues {
    const fields = keyValueLines(paste.lines);
    const leap = fields.find(([label]) => /^(Leap Indicator|闰指示符)$/.test(label))?.[1] ?? '';
    const source = fields.find(([label]) => /^(Source|源)$/.test(label))?.[1] ?? '';
    const local = /Local CMOS Clock|Free-running System Clock|本地 CMOS 时钟|自由运行的系统时钟/i.test(source);
    const synced = !/^3\b/.test(leap) && !local && source !== '';
    const values: ParsedValues = { 'ntp.synchronised': synced ? '已同步' : '未同步' };
    if (synced) values['ntp.server'] = source.replace(/,0x\w+$/, '');
    else values[note('ntp.synchronised')] = `时间源：${source || '未知'}`;
    return values;
  },
};

export const windowsParsers: OutputParser[] = [
  netAccounts,
  secedit,
  auditpol,
  systeminfo,
  hotfixes,
  windowsDisks,
  eventLogs,
  regQuery,
  netUser,
  windowsFirewall,
  w32tm,
];
