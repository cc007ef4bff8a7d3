/**
 * Parsers for switch and router output: Huawei VRP, H3C Comware, Cisco IOS / IOS-XE / NX-OS.
 */
import { note, type OutputParser, type ParsedValues } from './parser-types';
import { ipv4Pattern } from './paste';

// ---------------------------------------------------------------------------------------------
// display version (Huawei VRP, H3C Comware)

const vrpVersion: OutputParser = {
  name: 'vrp-display-version',
  label: '设备版本（华为/H3C display version）',
  commands: ['display version'],
  command: /^dis(p|play)?\s+ver/i,
  produces: ['device.vendor', 'device.model', 'device.softwareVersion', 'device.patch', 'device.uptime'],
  detect: (paste) =>
    /Versatile Routing Platform|Comware Software|Comware Platform/i.test(paste.text) && /uptime is/i.test(paste.text)
      ? 95
      : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    const huawei = /Versatile Routing Platform/i.test(paste.text);
    values['device.vendor'] = huawei ? '华为' : 'H3C';
    for (const line of paste.lines) {
      const uptime = /^\s*(?:HUAWEI|Huawei|H3C|HPE|New H3C)\s+(\S+)(?:\s+[^\d\s]\S*)*?\s+uptime is\s+(.+)$/.exec(line);
      if (uptime && values['device.model'] === undefined) {
        values['device.model'] = uptime[1]!;
        values['device.uptime'] = uptime[2]!.trim();
      }
      if (huawei) {
        // VRP (R) software, Version 5.170 (S5720 V200R011C10SPC500)
        const version = /VRP \(R\) software, Version ([\d.]+) \(([^)]+)\)/i.exec(line);
        if (version && values['device.softwareVersion'] === undefined) {
          values['device.softwareVersion'] = version[2]!.trim().split(/\s+/).at(-1)!;
          values[note('device.softwareVersion')] = `VRP ${version[1]}（${version[2]}）`;
        }
        const patch = /^\s*Patch Version\s*:\s*(\S+)/i.exec(line);
        if (patch) values['device.patch'] = patch[1]!;
      } else {
        // H3C Comware Software, Version 7.1.070, Release 6616P03
        const version = /Comware Software, Version ([\d.]+),\s*(?:ESS\s+|Release\s+)(\S+)/i.exec(line);
        if (version && values['device.softwareVersion'] === undefined) {
          values['device.softwareVersion'] = `${version[1]} Release ${version[2]}`;
          values[note('device.softwareVersion')] = `Comware ${version[1]}，Release ${version[2]}`;
        }
      }
    }
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// show version (Cisco)

const ciscoVersion: OutputParser = {
  name: 'cisco-show-version',
  label: '设备版本（Cisco show version）',
  commands: ['show version'],
  command: /^sh(ow)?\s+ver/i,
  produces: ['device.vendor', 'device.model', 'device.softwareVersion', 'device.uptime', 'device.hostname'],
  detect: (paste) =>
    /Cisco IOS|Cisco Nexus Operating System|NX-OS|Cisco Adaptive Security Appliance/i.test(paste.text) &&
    /uptime is|up \d+/i.test(paste.text)
      ? 95
      : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = { 'device.vendor': 'Cisco' };
    const text = paste.text;
    const xe = /Cisco IOS XE Software, Version (\S+)/i.exec(text);
    const ios = /Cisco IOS Software.*?, Version ([^,\s]+)/i.exec(text);
    const nx = /^\s*(?:NXOS|system):\s+version\s+(\S+)/im.exec(text);
    const asa = /Adaptive Security Appliance Software Version (\S+)/i.exec(text);
    const version = xe ?? nx ?? ios ?? asa;
    if (version) values['device.softwareVersion'] = version[1]!;
    if (xe) values[note('device.softwareVersion')] = 'IOS XE';
    else if (nx) values[note('device.softwareVersion')] = 'NX-OS';
    const modelNumber = /^\s*Model number\s*:\s*(\S+)/im.exec(text);
    const processor = /^\s*cisco (\S+) \(.*\) processor/im.exec(text) ?? /^\s*cisco (\S+) .*processor/im.exec(text);
    const nexus = /^\s*cisco (Nexus\s*\S+\s+\S+?)\s+[Cc]hassis/im.exec(text);
    const hardware = /^\s*Hardware:\s+([^,\s]+)/im.exec(text);
    const model = modelNumber ?? nexus ?? processor ?? hardware;
    if (model) values['device.model'] = model[1]!.trim();
    const uptime = /^\s*(\S+) uptime is (.+)$/im.exec(text);
    const kernel = /^\s*Kernel uptime is (.+)$/im.exec(text);
    const asaUp = /^\s*(\S+) up (\d.+)$/im.exec(text);
    if (kernel) values['device.uptime'] = kernel[1]!.trim();
    else if (uptime) {
      values['device.uptime'] = uptime[2]!.trim();
      values['device.hostname'] = uptime[1]!;
    } else if (asaUp && asa) {
      values['device.uptime'] = asaUp[2]!.trim();
      values['device.hostname'] = asaUp[1]!;
    }
    const reason = /^\s*(?:System returned to ROM by|Last reload reason:?)\s*(.+)$/im.exec(text);
    if (reason && values['device.uptime'] !== undefined)
      values[note('device.uptime')] = `上次重启原因：${reason[1]!.trim()}`;
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// NTP status on network devices

const networkNtp: OutputParser = {
  name: 'net-ntp-status',
  label: '时间同步（display ntp-service status / show ntp status）',
  commands: ['display ntp-service status', 'show ntp status'],
  command: /^(dis(p|play)?\s+ntp|sh(ow)?\s+ntp)/i,
  produces: ['ntp.synchronised', 'ntp.server'],
  detect: (paste) =>
    paste.lines.some((line) => /^\s*clock status\s*:/i.test(line) || /^\s*Clock is (un)?synchronized/i.test(line))
      ? 95
      : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    for (const line of paste.lines) {
      const huawei = /^\s*clock status\s*:\s*(\S+)/i.exec(line);
      if (huawei) values['ntp.synchronised'] = /^synchronized$/i.test(huawei[1]!) ? '已同步' : '未同步';
      const cisco = /^\s*Clock is (synchronized|unsynchronized)(?:.*reference is (\S+))?/i.exec(line);
      if (cisco) {
        values['ntp.synchronised'] = /^synchronized$/i.test(cisco[1]!) ? '已同步' : '未同步';
        if (cisco[2]) values['ntp.server'] = cisco[2].replace(/,$/, '');
      }
      const reference = /^\s*reference clock ID\s*:\s*(\S+)/i.exec(line);
      if (reference && ipv4Pattern.test(reference[1]!)) values['ntp.server'] = reference[1]!;
    }
    if (values['ntp.synchronised'] === '未同步') delete values['ntp.server'];
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// Configuration lines: SNMP, remote access, NTP and syslog servers, idle timeout

const weakCommunities = new Set([
  'public',
  'private',
  'community',
  'cisco',
  'huawei',
  'h3c',
  'admin',
  'manager',
  'snmp',
  'test',
  'read',
  'write',
  'monitor',
  'security',
  'default',
  '123456',
  'password',
]);

const configStatement =
  /^\s*(snmp-agent\b|snmp-server\b|ntp-service\s+unicast-server|ntp\s+server|info-center\s+loghost|logging\s+(host|server)?\s*\S|transport\s+input|protocol\s+inbound|telnet\s+server|undo\s+telnet\s+server|stelnet\s+server|ssh\s+server\s+enable|idle-timeout|exec-timeout|user-interface\s+vty|line\s+vty)/i;

export const remoteAccessOptions = ['仅 SSH', 'SSH 和 Telnet', '仅 Telnet', '不允许远程登录'];
export const snmpOptions = ['未启用 SNMP', '仅 SNMPv3', 'v2c，团体名非默认', '存在默认/弱团体名'];

const networkConfig: OutputParser = {
  name: 'net-config',
  label: '设备配置（display current-configuration / show running-config）',
  commands: [
    'display current-configuration | include snmp|ntp|info-center|telnet|stelnet',
    'display current-configuration configuration user-interface',
    'show running-config | include snmp|ntp|logging|transport|exec-timeout',
  ],
  command: /(current-configuration|running-config|cur\b)/i,
  produces: ['net.snmpCommunity', 'net.remoteAccess', 'net.ntpServers', 'net.syslogServers', 'net.idleTimeoutMinutes'],
  detect: (paste) => {
    const count = paste.lines.filter((line) => configStatement.test(line)).length;
    return count >= 2 ? 85 : count === 1 ? 60 : 0;
  },
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    const communities: Array<{ name: string; hidden: boolean }> = [];
    let snmpV3 = false;
    let snmpDisabled = false;
    const vtyProtocols = new Set<string>();
    let vtyProtocolSeen = false;
    let telnetServer: boolean | undefined;
    const ntp: string[] = [];
    const syslog: string[] = [];
    const timeouts: number[] = [];
    for (const raw of paste.lines) {
      const line = raw.trim();
      // Huawei/H3C: snmp-agent community read|write [cipher|simple] NAME [acl …]
      const agent = /^snmp-agent community (?:read|write|complexity|\S+)\s+(?:(cipher|simple)\s+)?(\S+)/i.exec(line);
      if (agent)
        communities.push({
          name: agent[2]!,
          hidden: agent[1]?.toLowerCase() === 'cipher' || /^%[$^@]|^\$c\$/.test(agent[2]!),
        });
      // Cisco: snmp-server community NAME [view V] RO|RW [acl]
      const server = /^snmp-server community (\S+)/i.exec(line);
      if (server) communities.push({ name: server[1]!, hidden: /^\d$/.test(server[1]!) });
      if (
        /^snmp-agent sys-info version (v3)\s*$/i.test(line) ||
        /^snmp-server (group|user) \S+ .*\bv3\b/i.test(line) ||
        /^snmp-agent usm-user v3\b/i.test(line)
      )
        snmpV3 = true;
      if (/^(undo snmp-agent|no snmp-server)\s*$/i.test(line)) snmpDisabled = true;
      // Remote login on the VTY lines.
      const huaweiVty = /^protocol inbound (\S+)/i.exec(line);
      if (huaweiVty) {
        vtyProtocolSeen = true;
        const p = huaweiVty[1]!.toLowerCase();
        if (p === 'all') ['ssh', 'telnet'].forEach((x) => vtyProtocols.add(x));
        else vtyProtocols.add(p);
      }
      const ciscoVty = /^transport input (.+)$/i.exec(line);
      if (ciscoVty) {
        vtyProtocolSeen = true;
        for (const p of ciscoVty[1]!.toLowerCase().split(/\s+/)) {
          if (p === 'all') ['ssh', 'telnet'].forEach((x) => vtyProtocols.add(x));
          else if (p === 'ssh' || p === 'telnet') vtyProtocols.add(p);
        }
      }
      if (/^(undo telnet server enable|undo telnet server-source)/i.test(line) || /^undo telnet server\s*$/i.test(line))
        telnetServer = false;
      else if (/^telnet server enable\b/i.test(line)) telnetServer = true;
      // NTP servers.
      const ntpServer = /^(?:ntp-service unicast-server|ntp server)\s+(?:vrf \S+\s+|ipv6\s+)?(\S+)/i.exec(line);
      if (ntpServer && !ntp.includes(ntpServer[1]!)) ntp.push(ntpServer[1]!);
      // Syslog servers.
      const loghost =
        /^(?:info-center loghost|logging host|logging server)\s+(?:vpn-instance \S+\s+|ipv6\s+)?(\S+)/i.exec(line);
      if (loghost && !/^(source|vpn-instance|ipv6|meth)/i.test(loghost[1]!) && !syslog.includes(loghost[1]!))
        syslog.push(loghost[1]!);
      const plainLogging = /^logging (\d+\.\d+\.\d+\.\d+)\b/i.exec(line);
      if (plainLogging && ipv4Pattern.test(plainLogging[1]!) && !syslog.includes(plainLogging[1]!))
        syslog.push(plainLogging[1]!);
      // Idle timeout: "idle-timeout 5 0" (Huawei/H3C), "exec-timeout 5 0" (Cisco): minutes seconds.
      const timeout = /^(?:idle-timeout|exec-timeout)\s+(\d+)(?:\s+(\d+))?/i.exec(line);
      if (timeout) timeouts.push(Number(timeout[1]) + Number(timeout[2] ?? 0) / 60);
    }
    if (snmpDisabled) values['net.snmpCommunity'] = '未启用 SNMP';
    else if (communities.some((c) => !c.hidden && weakCommunities.has(c.name.toLowerCase()))) {
      values['net.snmpCommunity'] = '存在默认/弱团体名';
      values[note('net.snmpCommunity')] = `团体名：${communities
        .filter((c) => !c.hidden && weakCommunities.has(c.name.toLowerCase()))
        .map((c) => c.name)
        .join('、')}`;
    } else if (communities.length > 0 && communities.every((c) => !c.hidden))
      values['net.snmpCommunity'] = 'v2c，团体名非默认';
    else if (communities.length === 0 && snmpV3) values['net.snmpCommunity'] = '仅 SNMPv3';
    else if (communities.length > 0)
      values[note('net.snmpCommunity')] = '团体名以密文显示，无法判断是否为默认团体名，请人工确认';
    if (vtyProtocolSeen) {
      if (telnetServer === false) vtyProtocols.delete('telnet');
      const ssh = vtyProtocols.has('ssh');
      const telnet = vtyProtocols.has('telnet');
      values['net.remoteAccess'] =
        ssh && telnet ? 'SSH 和 Telnet' : ssh ? '仅 SSH' : telnet ? '仅 Telnet' : '不允许远程登录';
    }
    if (ntp.length) values['net.ntpServers'] = ntp.join(', ');
    if (syslog.length) values['net.syslogServers'] = syslog.join(', ');
    if (timeouts.length) {
      const worst = timeouts.includes(0) ? 0 : Math.max(...timeouts);
      values['net.idleTimeoutMinutes'] = Math.round(worst * 100) / 100;
      if (worst === 0) values[note('net.idleTimeoutMinutes')] = '存在 0 0 的配置：永不超时';
    }
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// Saved configuration

const configSaved: OutputParser = {
  name: 'net-config-compare',
  label: '配置是否已保存（compare configuration / show archive config differences）',
  commands: ['compare configuration', 'show archive config differences nvram:startup-config system:running-config'],
  command: /^(compare\s+conf|sh(ow)?\s+archive\s+config\s+diff)/i,
  produces: ['net.configSaved'],
  detect: (paste) =>
    /current configuration is (not )?the same as the next startup configuration|No changes were found|Contextual Config Diffs/i.test(
      paste.text,
    )
      ? 95
      : 0,
  parse(paste): ParsedValues {
    if (
      /current configuration is not the same|^\s*[+-](?![+-])\S/im.test(paste.text) &&
      !/No changes were found/i.test(paste.text)
    ) {
      return { 'net.configSaved': '存在未保存的变更' };
    }
    if (/current configuration is the same|No changes were found/i.test(paste.text))
      return { 'net.configSaved': '已保存' };
    return {};
  },
};

// ---------------------------------------------------------------------------------------------
// Interfaces: unused ports that are not shut down

const physicalPort =
  /^(GigabitEthernet|XGigabitEthernet|MultiGE|Ethernet|FastEthernet|TenGigabitEthernet|Ten-GigabitEthernet|FortyGigE|HundredGigE|TwentyFiveGigE|10GE|25GE|40GE|100GE|GE|XGE|FGE|HGE|WGE|Gi|Fa|Te|Tw|Fo|Hu|Eth)\d/i;

const interfaces: OutputParser = {
  name: 'net-interfaces',
  label: '未使用端口（display interface brief / show interfaces status）',
  commands: ['display interface brief', 'show interfaces status'],
  command: /^(dis(p|play)?\s+int\w*\s+br|sh(ow)?\s+int\w*\s+status)/i,
  produces: ['net.unusedPortsNotShut'],
  detect: (paste) =>
    paste.lines.some(
      (line) =>
        /^\s*Interface\s+PHY\s+Protocol/i.test(line) ||
        /^\s*Interface\s+Link\s+(Speed|Protocol)/i.test(line) ||
        /^\s*Port\s+Name\s+Status\s+Vlan/i.test(line),
    )
      ? 95
      : 0,
  parse(paste): ParsedValues {
    const open: string[] = [];
    let seen = 0;
    for (const line of paste.lines) {
      const tokens = line.trim().split(/\s+/);
      const name = tokens[0] ?? '';
      if (!physicalPort.test(name)) continue;
      seen++;
      // Huawei: "GigabitEthernet0/0/3  down  down" (PHY "*down" = shut down). H3C: Link DOWN / ADM.
      const second = tokens[1] ?? '';
      if (/^down$/i.test(second) && !/^\*/.test(second)) {
        open.push(name);
        continue;
      }
      // Cisco / NX-OS: the status column, wherever the free-text Name column leaves it.
      if (tokens.slice(1).some((token) => /^(notconnect|notconnec|sfpAbsent|xcvrAbsen)$/.test(token))) open.push(name);
    }
    if (seen === 0) return {};
    const values: ParsedValues = { 'net.unusedPortsNotShut': open.length };
    if (open.length)
      values[note('net.unusedPortsNotShut')] =
        `未连接且未关闭：${open.slice(0, 12).join('、')}${open.length > 12 ? ` 等 ${open.length} 个` : ''}`;
    return values;
  },
};

// ---------------------------------------------------------------------------------------------
// CPU usage on network devices

const networkCpu: OutputParser = {
  name: 'net-cpu',
  label: 'CPU 使用率（display cpu-usage / show processes cpu）',
  commands: ['display cpu-usage', 'show processes cpu | include CPU utilization'],
  command: /^(dis(p|play)?\s+cpu|sh(ow)?\s+proc\w*\s+cpu)/i,
  produces: ['cpu.usedPercent'],
  detect: (paste) =>
    /^\s*CPU Usage\s*:\s*\d+%/im.test(paste.text) ||
    /CPU utilization for five seconds/i.test(paste.text) ||
    /\d%\s+in last 5 minutes/i.test(paste.text) ||
    /CPU states\s*:.*idle/i.test(paste.text)
      ? 95
      : 0,
  parse(paste): ParsedValues {
    const text = paste.text;
    const huawei = /^\s*CPU Usage\s*:\s*(\d+(?:\.\d+)?)%/im.exec(text);
    if (huawei) return { 'cpu.usedPercent': Number(huawei[1]) };
    const cisco = /five minutes:\s*(\d+)%/i.exec(text);
    if (cisco) return { 'cpu.usedPercent': Number(cisco[1]), [note('cpu.usedPercent')]: '5 分钟平均值' };
    const h3c = [...text.matchAll(/\b(\d+)%\s+in last 5 minutes/gi)].map((m) => Number(m[1]));
    if (h3c.length)
      return { 'cpu.usedPercent': Math.max(...h3c), [note('cpu.usedPercent')]: '5 分钟平均值（多个 CPU 取最高）' };
    const nx = /CPU states\s*:.*?([\d.]+)%\s*idle/i.exec(text);
    if (nx) return { 'cpu.usedPercent': Math.round((100 - Number(nx[1])) * 10) / 10 };
    return {};
  },
};

export const networkParsers: OutputParser[] = [
  vrpVersion,
  ciscoVersion,
  networkNtp,
  networkConfig,
  configSaved,
  interfaces,
  networkCpu,
];
