/**
 * Parsers for Linux command output (CentOS/RHEL 6–9, Kylin, openEuler, Ubuntu), English and
 * zh_CN locales.
 */
import { note, type OutputParser, type ParsedValues } from './parser-types';
import { promptCommand, sizeInBytes } from './paste';
import { round1 } from './text';

// ---------------------------------------------------------------------------------------------
// df

/** File systems that hold no data of their own (or are read-only media): never "the fullest disk". */
const pseudoFileSystems = new Set([
  'tmpfs',
  'devtmpfs',
  'overlay',
  'overlayfs',
  'shm',
  'udev',
  'none',
  'proc',
  'sysfs',
  'cgroup',
  'cgroup2',
  'squashfs',
  'efivarfs',
  'devpts',
  'mqueue',
  'hugetlbfs',
  'debugfs',
  'tracefs',
  'securityfs',
  'pstore',
  'bpf',
  'autofs',
  'binfmt_misc',
  'fusectl',
  'configfs',
  'rpc_pipefs',
  'nsfs',
  'ramfs',
  'selinuxfs',
  'nfsd',
  'iso9660',
  'udf',
  'fuse.lxcfs',
  'fuse.gvfsd-fuse',
  'fuse.portal',
]);

interface DfRow {
  fileSystem: string;
  type: string;
  percent: number;
  mount: string;
}

function isPseudo(row: Pick<DfRow, 'fileSystem' | 'type' | 'mount'>): boolean {
  return (
    pseudoFileSystems.has(row.fileSystem) ||
    pseudoFileSystems.has(row.type) ||
    // Mounted install DVDs and ISO images (a local yum repository) are always 100 % full.
    /^\/dev\/(loop|sr)\d*/.test(row.fileSystem) ||
    /^\/(proc|sys|run)(\/|$)/.test(row.mount)
  );
}

const dfHeader = /^\s*(Filesystem|文件系统)\s/;

/** Rows of one df table; a device name too long for its column wraps the numbers onto the next line (df without -P). */
function dfRows(lines: readonly string[], start: number, hasType: boolean): DfRow[] {
  const rows: DfRow[] = [];
  let pending = '';
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (promptCommand(line) !== null || dfHeader.test(line)) break;
    if (line.trim() === '') continue;
    const tokens = `${pending} ${line.trim()}`.trim().split(/\s+/);
    const first = hasType ? 5 : 4;
    const k = tokens.findIndex((token, index) => index >= first && /^(\d+%|-)$/.test(token));
    if (k < 0) {
      // Only the device name so far: the rest follows on the next line.
      pending = tokens.length === 1 || (hasType && tokens.length === 2) ? tokens.join(' ') : '';
      continue;
    }
    pending = '';
    const mount = tokens.slice(k + 1).join(' ');
    if (tokens[k] === '-' || !mount) continue;
    rows.push({
      fileSystem: tokens[0]!,
      type: hasType ? tokens[1]! : '',
      percent: Number(tokens[k]!.slice(0, -1)),
      mount,
    });
  }
  return rows;
}

const df: OutputParser = {
  name: 'df',
  label: '磁盘使用率（df -hP / df -iP）',
  commands: ['df -hP', 'df -h', 'df -iP', 'df -hTP'],
  command: /^df\b/,
  produces: ['disk.maxUsePercent', 'disk.maxUseMount', 'disk.maxInodeUsePercent', 'disk.maxInodeUseMount'],
  detect: (paste) =>
    paste.lines.some((line) => dfHeader.test(line) && /(Use%|已用%|Capacity|IUse%|\(I\)%|Mounted on|挂载点)/.test(line))
      ? 95
      : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    paste.lines.forEach((line, index) => {
      if (!dfHeader.test(line)) return;
      const inode = /IUse%|\(I\)%|\bInodes?\b/i.test(line);
      const hasType = /\b(Type)\b|类型/.test(line);
      const all = dfRows(paste.lines, index + 1, hasType);
      const real = all.filter((row) => !isPseudo(row));
      if (real.length === 0) return;
      const top = real.reduce((best, row) => (row.percent > best.percent ? row : best), real[0]!);
      const key = inode ? 'disk.maxInodeUsePercent' : 'disk.maxUsePercent';
      values[key] = top.percent;
      values[inode ? 'disk.maxInodeUseMount' : 'disk.maxUseMount'] = top.mount;
      const others = real.filter((row) => row !== top).sort((a, b) => b.percent - a.percent);
      const skipped = all.length - real.length;
      values[note(key)] =
        `最高：${top.mount} ${top.percent}%（${top.fileSystem}）` +
        (others.length
          ? `；其余：${others
              .slice(0, 8)
              .map((row) => `${row.mount} ${row.percent}%`)
              .join('，')}${others.length > 8 ? ' …' : ''}`
          : '') +
        (skipped ? `；未计入 tmpfs/光盘/loop 等 ${skipped} 个` : '');
    });
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// free

const freeColumns: Record<string, string> = {
  total: 'total',
  used: 'used',
  free: 'free',
  shared: 'shared',
  'buff/cache': 'buff/cache',
  available: 'available',
  buffers: 'buffers',
  cached: 'cached',
  cache: 'cached',
  总计: 'total',
  已用: 'used',
  空闲: 'free',
  共享: 'shared',
  '缓冲/缓存': 'buff/cache',
  可用: 'available',
  缓冲: 'buffers',
  缓存: 'cached',
};
const freeHeader = /^\s*(total|总计)\s+(used|已用)\s/;

const free: OutputParser = {
  name: 'free',
  label: '内存使用率（free -m）',
  commands: ['free -m', 'free -h', 'free -g'],
  command: /^free\b/,
  produces: ['memory.usedPercent', 'swap.usedPercent'],
  detect: (paste) =>
    paste.lines.some((line) => freeHeader.test(line)) && paste.lines.some((line) => /^\s*(Mem|内存)\s*:/.test(line))
      ? 95
      : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    const headerIndex = paste.lines.findIndex((line) => freeHeader.test(line));
    if (headerIndex < 0) return values;
    const columns = paste.lines[headerIndex]!.trim()
      .split(/\s+/)
      .map((name) => freeColumns[name] ?? name);
    const row = (label: RegExp): Record<string, number> | null => {
      const line = paste.lines.slice(headerIndex + 1).find((l) => label.test(l));
      if (!line) return null;
      const tokens = line.replace(label, '').trim().split(/\s+/);
      const out: Record<string, number> = {};
      tokens.forEach((token, i) => {
        const bytes = sizeInBytes(token);
        if (bytes !== null && columns[i]) out[columns[i]!] = bytes;
      });
      return out;
    };
    const mem = row(/^\s*(Mem|内存)\s*:/);
    if (mem?.total) {
      const buffersLine = paste.lines.find((l) => /^\s*-\/\+\s*(buffers\/cache|缓冲\/缓存)\s*:/.test(l));
      let used: number | undefined;
      let how: string;
      if (mem.available !== undefined) {
        used = mem.total - mem.available;
        how = '按 (total − available) / total 计算（available 为不换出即可分配的内存）';
      } else if (buffersLine) {
        used =
          sizeInBytes(
            buffersLine
              .replace(/^[^:]*:/, '')
              .trim()
              .split(/\s+/)[0] ?? '',
          ) ?? undefined;
        how = '按 “-/+ buffers/cache” 行的 used / total 计算（不含缓冲与缓存）';
      } else if (mem.used !== undefined && mem.buffers !== undefined && mem.cached !== undefined) {
        used = mem.used - mem.buffers - mem.cached;
        how = '按 (used − buffers − cached) / total 计算';
      } else {
        used = mem.used;
        how = '按 used / total 计算';
      }
      if (used !== undefined) {
        values['memory.usedPercent'] = round1((used / mem.total) * 100);
        values[note('memory.usedPercent')] = how;
      }
    }
    const swap = row(/^\s*(Swap|交换)\s*:/);
    if (swap && swap.total !== undefined) {
      values['swap.usedPercent'] = swap.total > 0 ? round1(((swap.used ?? 0) / swap.total) * 100) : 0;
      if (swap.total === 0) values[note('swap.usedPercent')] = '未配置 swap';
    }
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// CPU: top, vmstat

const cpu: OutputParser = {
  name: 'cpu-usage',
  label: 'CPU 使用率（top / vmstat）',
  commands: ['top -bn2 -d1 | grep "Cpu(s)"', 'vmstat 1 5'],
  command: /^(top|vmstat)\b/,
  produces: ['cpu.usedPercent'],
  detect: (paste) =>
    paste.lines.some((line) => /^\s*%?Cpu\(s\)\s*:/.test(line)) ||
    paste.lines.some((line) => /\bus\s+sy\s+id\s+wa\b/.test(line))
      ? 85
      : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    const topLines = paste.lines.filter((line) => /^\s*%?Cpu\(s\)\s*:/.test(line));
    if (topLines.length > 0) {
      const idle = /([\d.]+)\s*%?\s*id\b/.exec(topLines.at(-1)!);
      if (idle) {
        values['cpu.usedPercent'] = round1(100 - Number(idle[1]));
        values[note('cpu.usedPercent')] =
          topLines.length > 1
            ? '取 top 最后一次刷新：100 − id'
            : '100 − id（top 第一帧为开机以来的平均值，建议 top -bn2 -d1 取第二帧）';
      }
      return values;
    }
    const headerIndex = paste.lines.findIndex((line) => /\bus\s+sy\s+id\s+wa\b/.test(line));
    if (headerIndex >= 0) {
      const header = paste.lines[headerIndex]!.trim().split(/\s+/);
      const idIndex = header.indexOf('id');
      const rows = paste.lines
        .slice(headerIndex + 1)
        .map((line) => line.trim().split(/\s+/))
        .filter((tokens) => tokens.length === header.length && tokens.every((t) => /^\d+$/.test(t)));
      const sample = rows.length > 1 ? rows.slice(1) : rows;
      if (sample.length > 0 && idIndex >= 0) {
        const idle = sample.reduce((sum, tokens) => sum + Number(tokens[idIndex]), 0) / sample.length;
        values['cpu.usedPercent'] = round1(100 - idle);
        values[note('cpu.usedPercent')] =
          rows.length > 1
            ? `vmstat 后 ${sample.length} 次采样的平均值（第一行为开机以来平均，未计入）`
            : 'vmstat 仅一行：为开机以来的平均值';
      }
    }
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// sshd_config / sshd -T

const sshdKeys: Record<string, { key: string; numeric?: boolean; lower?: boolean; fallback?: string | number }> = {
  permitrootlogin: { key: 'ssh.permitRootLogin', lower: true },
  permitemptypasswords: { key: 'ssh.permitEmptyPasswords', lower: true, fallback: 'no' },
  passwordauthentication: { key: 'ssh.passwordAuthentication', lower: true },
  maxauthtries: { key: 'ssh.maxAuthTries', numeric: true, fallback: 6 },
  x11forwarding: { key: 'ssh.x11Forwarding', lower: true, fallback: 'no' },
  clientaliveinterval: { key: 'ssh.clientAliveInterval', numeric: true, fallback: 0 },
  clientalivecountmax: { key: 'ssh.clientAliveCountMax', numeric: true, fallback: 3 },
  logingracetime: { key: 'ssh.loginGraceTime' },
  protocol: { key: 'ssh.protocol' },
  port: { key: 'ssh.port', fallback: 22 },
};

const sshdKeywordLine =
  /^\s*#?\s*(PermitRootLogin|PasswordAuthentication|ChallengeResponseAuthentication|KbdInteractiveAuthentication|UsePAM|X11Forwarding|Subsystem|AuthorizedKeysFile|HostKey|PubkeyAuthentication|MaxAuthTries|MaxSessions|ClientAliveInterval|ClientAliveCountMax|UseDNS|PermitEmptyPasswords|ListenAddress|SyslogFacility|LogLevel|AcceptEnv|PrintMotd|LoginGraceTime|GSSAPIAuthentication|StrictModes|Match|Include)\b/i;

/** "/etc/ssh/sshd_config:12:PermitRootLogin no" (grep -Hn) → "PermitRootLogin no". */
function stripGrepPrefix(line: string): { line: string; file: string } {
  const match = /^(\/[^\s:]+):(?:\d+:)?(.*)$/.exec(line) ?? /^()\d+:(.*)$/.exec(line);
  return match ? { line: match[2]!, file: match[1]! } : { line, file: '' };
}

const sshdConfig: OutputParser = {
  name: 'sshd-config',
  label: 'SSH 服务配置（sshd_config / sshd -T）',
  commands: [
    'grep -Ei "^\\s*(PermitRootLogin|PermitEmptyPasswords|MaxAuthTries|Port)" /etc/ssh/sshd_config',
    'cat /etc/ssh/sshd_config',
    'sshd -T',
  ],
  command: /sshd_config|sshd\s+-T/,
  produces: Object.values(sshdKeys).map((entry) => entry.key),
  detect(paste) {
    const lines = paste.lines.map((line) => stripGrepPrefix(line).line);
    if (lines.some((line) => /^\s*(PermitRootLogin|PermitEmptyPasswords)(\s*=\s*|\s+)\S/i.test(line))) return 90;
    return lines.filter((line) => sshdKeywordLine.test(line)).length >= 3 ? 80 : 0;
  },
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    const overrides = new Map<string, string[]>();
    const ports: string[] = [];
    let match = '';
    let include = '';
    let keywordLines = 0;
    let firstFile = '';
    for (const raw of paste.lines) {
      const { line, file } = stripGrepPrefix(raw);
      if (sshdKeywordLine.test(line)) keywordLines++;
      if (/^\s*(#|$)/.test(line)) continue;
      const directive = /^\s*([A-Za-z][A-Za-z0-9]*)(?:\s*=\s*|\s+)(.*)$/.exec(line);
      if (!directive) continue;
      const keyword = directive[1]!.toLowerCase();
      // A trailing "# comment" is not part of the value.
      const argument = directive[2]!.replace(/\s+#.*$/, '').trim();
      if (keyword === 'match') {
        match = argument;
        continue;
      }
      if (keyword === 'include' && !match) {
        include ||= argument;
        continue;
      }
      const spec = sshdKeys[keyword];
      if (!spec || !argument) continue;
      const first = argument.split(/\s+/)[0]!;
      const value = spec.lower ? first.toLowerCase() : first;
      if (match) {
        // Inside a Match block: applies only to matching connections (and overrides the global value for them).
        overrides.set(spec.key, [...(overrides.get(spec.key) ?? []), `Match ${match} 中为 ${value}`]);
        continue;
      }
      if (keyword === 'port') {
        ports.push(value);
        continue;
      }
      // sshd takes the FIRST value it reads for a keyword; later lines are ignored.
      if (values[spec.key] !== undefined) {
        values[note(spec.key)] =
          `${String(values[note(spec.key)] ?? '')}重复设置的 ${directive[1]} ${value} 不生效（sshd 以第一次出现为准）；`;
        continue;
      }
      values[spec.key] = spec.numeric && /^\d+$/.test(value) ? Number(value) : value;
      if (file && !firstFile) firstFile = file;
    }
    if (ports.length)
      values['ssh.port'] = ports.length === 1 && /^\d+$/.test(ports[0]!) ? Number(ports[0]) : ports.join(', ');
    // A whole file (not a grep of a few lines): unset keywords take sshd's defaults.
    const wholeFile = keywordLines >= 8 || /\$OpenBSD: sshd_config/.test(paste.text);
    for (const spec of Object.values(sshdKeys)) {
      if (values[spec.key] !== undefined) continue;
      if (wholeFile && spec.fallback !== undefined) {
        values[spec.key] = spec.fallback;
        values[note(spec.key)] = '未显式配置，取 OpenSSH 默认值';
      } else if (wholeFile && spec.key === 'ssh.permitRootLogin') {
        values[spec.key] = '未配置';
        values[note(spec.key)] =
          '未显式配置：默认值因版本而异（OpenSSH 7.0 起为 prohibit-password，RHEL/CentOS 7、8 允许 root 口令登录），应显式设置为 no';
      }
    }
    for (const [key, list] of overrides) {
      values[note(key)] = `${String(values[note(key)] ?? '')}${list.join('；')}（仅对匹配的连接生效）；`;
    }
    if (include) {
      for (const spec of Object.values(sshdKeys)) {
        if (values[spec.key] !== undefined && typeof values[note(spec.key)] !== 'string') {
          values[note(spec.key)] = `注意：Include ${include} 中的同名设置若先出现则优先生效，请以 sshd -T 的输出为准`;
        }
      }
    }
    for (const key of Object.keys(values)) {
      if (key.startsWith('note:')) values[key] = String(values[key]).replace(/；$/, '');
    }
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// /etc/login.defs

const loginDefsKeys: Record<string, string> = {
  PASS_MAX_DAYS: 'login.passMaxDays',
  PASS_MIN_DAYS: 'login.passMinDays',
  PASS_MIN_LEN: 'login.passMinLen',
  PASS_WARN_AGE: 'login.passWarnAge',
  ENCRYPT_METHOD: 'login.encryptMethod',
};

const loginDefs: OutputParser = {
  name: 'login-defs',
  label: '口令策略（/etc/login.defs）',
  commands: ["grep -E '^PASS_(MAX_DAYS|MIN_DAYS|MIN_LEN|WARN_AGE)' /etc/login.defs", 'cat /etc/login.defs'],
  command: /login\.defs/,
  produces: Object.values(loginDefsKeys),
  detect: (paste) =>
    paste.lines.some((line) => /^\s*PASS_(MAX_DAYS|MIN_DAYS|MIN_LEN|WARN_AGE)\s+\S/.test(stripGrepPrefix(line).line))
      ? 95
      : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    for (const raw of paste.lines) {
      const line = stripGrepPrefix(raw).line;
      const match = /^\s*(PASS_MAX_DAYS|PASS_MIN_DAYS|PASS_MIN_LEN|PASS_WARN_AGE|ENCRYPT_METHOD)\s+(\S+)/.exec(line);
      if (!match) continue;
      const key = loginDefsKeys[match[1]!]!;
      const value = /^-?\d+$/.test(match[2]!) ? Number(match[2]) : match[2]!;
      // shadow-utils reads the file top to bottom and keeps the LAST value of a name.
      if (values[key] !== undefined && values[key] !== value)
        values[note(key)] = `重复设置，以最后一行 ${match[1]} ${value} 为准`;
      values[key] = value;
    }
    if (values['login.passMinLen'] !== undefined && values[note('login.passMinLen')] === undefined) {
      values[note('login.passMinLen')] =
        'RHEL/CentOS 7 起口令长度实际由 pam_pwquality（/etc/security/pwquality.conf 的 minlen）控制';
    }
    if (values['login.passMaxDays'] !== undefined && values[note('login.passMaxDays')] === undefined) {
      values[note('login.passMaxDays')] = 'login.defs 只对之后新建的账号生效；已有账号用 chage -l <用户> 核对';
    }
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// TMOUT

const tmout: OutputParser = {
  name: 'tmout',
  label: '会话超时（TMOUT）',
  commands: [
    'grep -rE "^\\s*(export\\s+|readonly\\s+|declare\\s+-\\w+\\s+)?TMOUT=" /etc/profile /etc/profile.d/ /etc/bashrc',
    'env | grep TMOUT',
  ],
  command: /TMOUT/,
  produces: ['shell.tmout'],
  detect: (paste) => (paste.lines.some((line) => /\bTMOUT=["']?\d+/.test(line)) ? 85 : 0),
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    let readonlyValue: number | null = null;
    let last: number | null = null;
    const found: string[] = [];
    for (const raw of paste.lines) {
      const { line, file } = stripGrepPrefix(raw);
      if (/^\s*#/.test(line)) continue;
      const match = /(?:^|[\s;])((?:export|readonly|declare\s+-\w+|typeset\s+-\w+)\s+)?TMOUT=["']?(\d+)/.exec(line);
      if (!match) continue;
      const value = Number(match[2]);
      found.push(`${file ? `${file}: ` : ''}${value}`);
      if (
        (match[1] ?? '').startsWith('readonly') ||
        /declare\s+-\w*r/.test(match[1] ?? '') ||
        /readonly\s+TMOUT\b/.test(line)
      )
        readonlyValue ??= value;
      last = value;
    }
    const value = readonlyValue ?? last;
    if (value !== null) {
      values['shell.tmout'] = value;
      if (found.length > 1)
        values[note('shell.tmout')] =
          `多处设置（${found.join('；')}），${readonlyValue !== null ? '以第一个 readonly 为准' : '以最后执行的为准'}`;
      if (value === 0) values[note('shell.tmout')] = 'TMOUT=0 表示不超时';
    }
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// NTP: chronyc tracking, ntpq -p / chronyc sources, timedatectl

const chronycTracking: OutputParser = {
  name: 'chronyc-tracking',
  label: '时间同步（chronyc tracking）',
  commands: ['chronyc tracking'],
  command: /^chronyc\s+tracking/,
  produces: ['ntp.synchronised', 'ntp.server', 'ntp.offsetMs'],
  detect: (paste) =>
    paste.lines.some((line) => /^\s*Reference ID\s*:/.test(line)) &&
    paste.lines.some((line) => /^\s*(Leap status|Stratum)\s*:/.test(line))
      ? 95
      : 0,
  parse(paste): ParsedValues {
    const field = (name: string) =>
      paste.lines
        .map((line) => new RegExp(`^\\s*${name}\\s*:\\s*(.*)$`).exec(line))
        .find(Boolean)?.[1]
        ?.trim() ?? '';
    const values: ParsedValues = {};
    const reference = field('Reference ID');
    const leap = field('Leap status');
    const stratum = Number(field('Stratum'));
    const refId = reference.split(/\s+/)[0] ?? '';
    const name = /\(([^)]*)\)/.exec(reference)?.[1] ?? '';
    const local = /^7F7F0101$/i.test(refId) || /^LOCAL$/i.test(name);
    const synced = /^normal$/i.test(leap) && !/^0+$/.test(refId) && !local && stratum > 0;
    values['ntp.synchronised'] = synced ? '已同步' : '未同步';
    if (!synced)
      values[note('ntp.synchronised')] = local
        ? '以本机时钟为参考（local），未与外部时间源同步'
        : `Leap status: ${leap || '未知'}`;
    if (name && synced) values['ntp.server'] = name;
    const system = /^([\d.]+) seconds (fast|slow)/.exec(field('System time'));
    if (system) {
      values['ntp.offsetMs'] = round1(Number(system[1]) * 1000);
      values[note('ntp.offsetMs')] =
        `本机比 NTP 时间${system[2] === 'fast' ? '快' : '慢'} ${values['ntp.offsetMs']} ms`;
    }
    return values;
  },
};

const ntpPeers: OutputParser = {
  name: 'ntp-peers',
  label: '时间同步（ntpq -p / chronyc sources）',
  commands: ['ntpq -pn', 'ntpq -p', 'chronyc sources'],
  command: /^(ntpq|chronyc\s+sources)/,
  produces: ['ntp.synchronised', 'ntp.server', 'ntp.offsetMs'],
  detect: (paste) =>
    paste.lines.some(
      (line) => /^\s*remote\s+refid\s+st\s+t\b/.test(line) || /^\s*MS Name\/IP address\s+Stratum/.test(line),
    ) || /No association ID's returned|ntpq: read: Connection refused/.test(paste.text)
      ? 95
      : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    const chrony = paste.lines.some((line) => /^\s*MS Name\/IP address/.test(line));
    if (/No association ID's returned|Connection refused/.test(paste.text)) {
      values['ntp.synchronised'] = '未同步';
      values[note('ntp.synchronised')] = 'ntpd 没有任何时间源或未运行';
      return values;
    }
    let peer: string[] | null = null;
    for (const line of paste.lines) {
      if (chrony ? /^\^\*/.test(line) : /^[*o]/.test(line)) {
        peer = line
          .replace(chrony ? /^\^\*\s*/ : /^[*o]\s*/, '')
          .trim()
          .split(/\s+/);
        break;
      }
    }
    values['ntp.synchronised'] = peer ? '已同步' : '未同步';
    if (!peer) {
      values[note('ntp.synchronised')] = '没有标记为 * 的时间源（当前未选定同步源）';
      return values;
    }
    values['ntp.server'] = peer[0]!;
    if (chrony) {
      // "+108us[ +120us] +/-   20ms": the adjusted offset in brackets.
      const sample = /\[\s*([+-]?[\d.]+)(ns|us|ms|s)\]/.exec(peer.join(' '));
      if (sample) {
        const scale = { ns: 1e-6, us: 1e-3, ms: 1, s: 1000 }[sample[2] as 'ns' | 'us' | 'ms' | 's'];
        values['ntp.offsetMs'] = round1(Math.abs(Number(sample[1]) * scale));
      }
    } else {
      // remote refid st t when poll reach delay offset jitter
      const offset = Number(peer[8]);
      if (Number.isFinite(offset)) values['ntp.offsetMs'] = round1(Math.abs(offset));
    }
    return values;
  },
};

const timedatectl: OutputParser = {
  name: 'timedatectl',
  label: '时间同步与时区（timedatectl）',
  commands: ['timedatectl', 'timedatectl status'],
  command: /^timedatectl\b/,
  produces: ['ntp.synchronised', 'os.timezone'],
  detect: (paste) =>
    paste.lines.some((line) => /^\s*(System clock synchronized|NTP synchronized)\s*:/.test(line)) ? 95 : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    for (const line of paste.lines) {
      const sync = /^\s*(System clock synchronized|NTP synchronized)\s*:\s*(\S+)/.exec(line);
      if (sync) values['ntp.synchronised'] = sync[2] === 'yes' ? '已同步' : '未同步';
      const service = /^\s*(NTP service|NTP enabled|Network time on)\s*:\s*(\S+)/.exec(line);
      if (service && service[2] !== 'active' && service[2] !== 'yes')
        values[note('ntp.synchronised')] = `${service[1]}: ${service[2]}（未启用时间同步服务）`;
      const zone = /^\s*Time zone\s*:\s*(\S+)/.exec(line);
      if (zone) values['os.timezone'] = zone[1]!;
    }
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// OS and kernel

const kernelPattern = /^\d+\.\d+(\.\d+)?[-+.~\w]*$/;

const uname: OutputParser = {
  name: 'uname',
  label: '内核版本（uname -r）',
  commands: ['uname -r', 'uname -a'],
  command: /^uname\b/,
  produces: ['os.kernel'],
  detect(paste) {
    const lines = paste.lines.filter((line) => line.trim() !== '' && promptCommand(line) === null);
    if (lines.length === 1 && kernelPattern.test(lines[0]!.trim()) && /[a-z_-]/i.test(lines[0]!)) return 80;
    return lines.some((line) => /^Linux \S+ \d+\.\d+\S* #\d+/.test(line.trim())) ? 90 : 0;
  },
  parse(paste): ParsedValues {
    for (const raw of paste.lines) {
      const line = raw.trim();
      const full = /^Linux \S+ (\d+\.\d+\S*) #/.exec(line);
      if (full) return { 'os.kernel': full[1]! };
      if (kernelPattern.test(line) && promptCommand(raw) === null) return { 'os.kernel': line };
    }
    return {};
  },
};

const osRelease: OutputParser = {
  name: 'os-release',
  label: '操作系统版本（/etc/os-release、redhat-release、hostnamectl）',
  commands: ['cat /etc/os-release', 'cat /etc/redhat-release', 'cat /etc/kylin-release', 'hostnamectl'],
  command: /(os-release|redhat-release|kylin-release|centos-release|hostnamectl)/,
  produces: ['os.release', 'os.kernel'],
  detect: (paste) =>
    paste.lines.some(
      (line) =>
        /^PRETTY_NAME=/.test(line) ||
        /^\s*Operating System\s*:/.test(line) ||
        /^[A-Za-z][\w ]*? release \S+/.test(line.trim()),
    )
      ? 90
      : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    for (const line of paste.lines) {
      const pretty = /^PRETTY_NAME="?([^"]*)"?/.exec(line);
      if (pretty) values['os.release'] ??= pretty[1]!.trim();
      const host = /^\s*Operating System\s*:\s*(.+)$/.exec(line);
      if (host) values['os.release'] = host[1]!.trim();
      const kernel = /^\s*Kernel\s*:\s*Linux\s+(\S+)/.exec(line);
      if (kernel) values['os.kernel'] = kernel[1]!;
      const release = /^([A-Za-z][\w ]*? release \S+.*)$/.exec(line.trim());
      if (release && !/^PRETTY_NAME/.test(line)) values['os.release'] = release[1]!;
    }
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// systemd, firewalld, SELinux

const unitStates = /^(active|inactive|failed|activating|deactivating|reloading|unknown)$/;

const systemctlIsActive: OutputParser = {
  name: 'systemctl-is-active',
  label: '服务状态（systemctl is-active）',
  commands: ['systemctl is-active auditd', 'systemctl is-active auditd rsyslog chronyd'],
  command: /^systemctl\s+is-active\b/,
  produces: ['service.active', 'service.active:*'],
  detect(paste) {
    const lines = paste.lines.filter((line) => line.trim() !== '' && promptCommand(line) === null);
    return lines.length > 0 && lines.length <= 20 && lines.every((line) => unitStates.test(line.trim())) ? 85 : 0;
  },
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    let units: string[] = [];
    let next = 0;
    const unnamed: string[] = [];
    for (const line of paste.lines) {
      const command = promptCommand(line);
      if (command !== null) {
        units =
          /^systemctl\s+is-active\s+(.*)$/
            .exec(command)?.[1]
            ?.split(/\s+/)
            .filter((unit) => !unit.startsWith('-')) ?? [];
        next = 0;
        continue;
      }
      const state = line.trim();
      if (!unitStates.test(state)) continue;
      const unit = units[next++];
      if (unit) values[`service.active:${unit.replace(/\.service$/, '')}`] = state;
      else unnamed.push(state);
    }
    if (unnamed.length === 1) values['service.active'] = unnamed[0]!;
    else if (Object.keys(values).length === 1) values['service.active'] = Object.values(values)[0]!;
    return values;
  },
};

const systemctlStatus: OutputParser = {
  name: 'systemctl-status',
  label: '服务状态（systemctl status）',
  commands: ['systemctl status auditd'],
  command: /^systemctl\s+status\b/,
  produces: ['service.active', 'service.active:*'],
  detect: (paste) =>
    paste.lines.some((line) => /^\s*Active:\s+(active|inactive|failed|activating|deactivating)\b/.test(line)) ||
    /Unit \S+ could not be found/.test(paste.text)
      ? 90
      : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    let unit = '';
    for (const line of paste.lines) {
      const title = /^\s*[●*○×↻]?\s*([\w@.-]+?)(?:\.service)? - /.exec(line);
      if (title) unit = title[1]!;
      const missing = /Unit ([\w@.-]+?)(?:\.service)? could not be found/.exec(line);
      if (missing) values[`service.active:${missing[1]}`] = 'not-found';
      const active = /^\s*Active:\s+(\S+)\s*(\(([^)]*)\))?/.exec(line);
      if (active && unit) {
        values[`service.active:${unit}`] = active[1]!;
        if (active[3]) values[note(`service.active:${unit}`)] = `${active[1]} (${active[3]})`;
      }
    }
    const named = Object.keys(values).filter((key) => key.startsWith('service.active:'));
    if (named.length === 1) values['service.active'] = values[named[0]!]!;
    return values;
  },
};

const firewallState: OutputParser = {
  name: 'firewall-cmd-state',
  label: '主机防火墙（firewall-cmd --state）',
  commands: ['firewall-cmd --state'],
  command: /^firewall-cmd\s+--state/,
  produces: ['firewalld.state'],
  detect(paste) {
    const lines = paste.lines.filter((line) => line.trim() !== '' && promptCommand(line) === null);
    return lines.length === 1 && /^(running|not running)$/.test(lines[0]!.trim()) ? 90 : 0;
  },
  parse(paste): ParsedValues {
    const line = paste.lines.find((l) => /^\s*(running|not running)\s*$/.test(l));
    return line ? { 'firewalld.state': line.trim() } : {};
  },
};

const selinux: OutputParser = {
  name: 'selinux',
  label: 'SELinux 状态（getenforce / sestatus）',
  commands: ['getenforce', 'sestatus'],
  command: /^(getenforce|sestatus)\b/,
  produces: ['selinux.mode'],
  detect(paste) {
    const lines = paste.lines.filter((line) => line.trim() !== '' && promptCommand(line) === null);
    if (lines.length === 1 && /^(Enforcing|Permissive|Disabled)$/i.test(lines[0]!.trim())) return 90;
    return paste.lines.some((line) => /^\s*SELinux status\s*:/.test(line)) ? 90 : 0;
  },
  parse(paste): ParsedValues {
    const capital = (mode: string) => mode.charAt(0).toUpperCase() + mode.slice(1).toLowerCase();
    for (const line of paste.lines) {
      const bare = /^\s*(Enforcing|Permissive|Disabled)\s*$/i.exec(line);
      if (bare) return { 'selinux.mode': capital(bare[1]!) };
    }
    const status = paste.lines.map((line) => /^\s*SELinux status\s*:\s*(\S+)/.exec(line)).find(Boolean)?.[1];
    if (status === 'disabled') return { 'selinux.mode': 'Disabled' };
    const mode = paste.lines.map((line) => /^\s*Current mode\s*:\s*(\S+)/.exec(line)).find(Boolean)?.[1];
    return mode ? { 'selinux.mode': capital(mode) } : {};
  },
};

// ---------------------------------------------------------------------------------------------
// Process limits

const openFiles: OutputParser = {
  name: 'proc-limits',
  label: '进程打开文件数上限（/proc/<pid>/limits）',
  commands: ['cat /proc/$(pgrep -f catalina | head -1)/limits | grep "open files"'],
  command: /\/limits\b/,
  produces: ['proc.maxOpenFiles'],
  detect: (paste) => (paste.lines.some((line) => /^\s*Max open files\s+\S+\s+\S+/.test(line)) ? 90 : 0),
  parse(paste): ParsedValues {
    const match = paste.lines.map((line) => /^\s*Max open files\s+(\S+)\s+(\S+)/.exec(line)).find(Boolean);
    if (!match) return {};
    const soft = match[1] === 'unlimited' ? '无限制' : Number(match[1]);
    return { 'proc.maxOpenFiles': soft, [note('proc.maxOpenFiles')]: `软限制 ${match[1]}，硬限制 ${match[2]}` };
  },
};

export const linuxParsers: OutputParser[] = [
  df,
  free,
  cpu,
  sshdConfig,
  loginDefs,
  tmout,
  chronycTracking,
  ntpPeers,
  timedatectl,
  uname,
  osRelease,
  systemctlIsActive,
  systemctlStatus,
  firewallState,
  selinux,
  openFiles,
];
