import { describe, expect, it } from 'vitest';
import { parse, recognise } from '../../shared/inspection';

// Huawei S5720, VRP 5, with the prompt and pager residue a PuTTY session leaves behind.
const huaweiS5720 = `<HUAWEI-CORE-01>display version
Huawei Versatile Routing Platform Software
VRP (R) software, Version 5.170 (S5720 V200R011C10SPC500)
Copyright (C) 2000-2018 HUAWEI TECH CO., LTD
HUAWEI S5720-28X-SI-AC Routing Switch uptime is 15 weeks, 3 days, 4 hours, 28 minutes

ES5D2S28S001 0(Master) : uptime is 15 weeks, 3 days, 4 hours, 27 minutes
DDR             Memory Size : 512   M bytes
FLASH Total     Memory Size : 512   M bytes
FLASH Available Memory Size : 285   M bytes
Pcb           Version   : VER.A
BootROM       Version   : 020a.0001
  ---- More ----\u001b[42D                                          \u001b[42DBootLoad      Version   : 020a.0001
CPLD          Version   : 0104
Software      Version   : VRP (R) Software, Version 5.170 (V200R011C10SPC500)
FLASH         Version   : 0000.0000
<HUAWEI-CORE-01>`;

const huaweiCE = `Huawei Versatile Routing Platform Software
VRP (R) software, Version 8.180 (CE6850EI V200R005C10SPC800)
Copyright (C) 2012-2018 Huawei Technologies Co., Ltd.
HUAWEI CE6850-48S4Q-EI uptime is 320 days, 2 hours, 15 minutes
Patch Version: V200R005SPH016`;

const h3c = `<H3C>display version
H3C Comware Software, Version 7.1.070, Release 6616P03
Copyright (c) 2004-2022 New H3C Technologies Co., Ltd. All rights reserved.
H3C S6520X-30QC-EI uptime is 0 weeks, 2 days, 1 hour, 5 minutes
Last reboot reason : Cold reboot

Boot image: flash:/s6520x-cmw710-boot-r6616p03.bin`;

const ciscoIos = `SW-ACCESS-03#show version
Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E4, RELEASE SOFTWARE (fc2)
Technical Support: http://www.cisco.com/techsupport
Copyright (c) 1986-2021 by Cisco Systems, Inc.
Compiled Tue 23-Mar-21 02:32 by prod_rel_team

ROM: Bootstrap program is C2960X boot loader
BOOTLDR: C2960X Boot Loader (C2960X-HBOOT-M) Version 15.2(3r)E1, RELEASE SOFTWARE (fc1)

SW-ACCESS-03 uptime is 1 year, 12 weeks, 3 days, 2 hours, 41 minutes
System returned to ROM by power-on
System restarted at 09:12:44 CST Mon Dec 11 2023
System image file is "flash:c2960x-universalk9-mz.152-7.E4.bin"
Last reload reason: power-on

cisco WS-C2960X-48FPD-L (APM86XXX) processor (revision V05) with 524288K bytes of memory.
Processor board ID FOC2112X0AB
Last reset from power-on
2 Virtual Ethernet interfaces
52 Gigabit Ethernet interfaces

Model revision number           : V05
Motherboard revision number     : A0
Model number                    : WS-C2960X-48FPD-L
System serial number            : FOC2112X0AB`;

const ciscoXe = `Cisco IOS XE Software, Version 16.12.05b
Cisco IOS Software [Gibraltar], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 16.12.5b, RELEASE SOFTWARE (fc3)
Technical Support: http://www.cisco.com/techsupport
Copyright (c) 1986-2021 by Cisco Systems, Inc.

CORE-9300 uptime is 2 weeks, 4 days, 21 hours, 3 minutes
Uptime for this control processor is 2 weeks, 4 days, 21 hours, 5 minutes
System returned to ROM by Reload Command

cisco C9300-48P (X86) processor with 1343267K/6147K bytes of memory.
Processor board ID FCW2233L0AB`;

const nexus = `Cisco Nexus Operating System (NX-OS) Software
TAC support: http://www.cisco.com/tac

Software
  BIOS: version 07.69
  NXOS: version 9.3(8)
  BIOS compile time:  04/08/2021

Hardware
  cisco Nexus9000 C93180YC-EX chassis
  Intel(R) Xeon(R) CPU  @ 1.80GHz with 24633044 kB of memory.

Kernel uptime is 120 day(s), 3 hour(s), 12 minute(s), 5 second(s)`;

describe('display version / show version', () => {
  it('Huawei VRP 5: model, software version, uptime (pager residue and escapes removed)', () => {
    expect(parse('vrp-display-version', huaweiS5720)).toMatchObject({
      'device.vendor': '华为',
      'device.model': 'S5720-28X-SI-AC',
      'device.softwareVersion': 'V200R011C10SPC500',
      'device.uptime': '15 weeks, 3 days, 4 hours, 28 minutes',
    });
  });

  it('Huawei VRP 8 with a patch', () => {
    expect(parse('vrp-display-version', huaweiCE)).toMatchObject({
      'device.model': 'CE6850-48S4Q-EI',
      'device.softwareVersion': 'V200R005C10SPC800',
      'device.patch': 'V200R005SPH016',
      'device.uptime': '320 days, 2 hours, 15 minutes',
    });
  });

  it('H3C Comware 7', () => {
    expect(parse('vrp-display-version', h3c)).toMatchObject({
      'device.vendor': 'H3C',
      'device.model': 'S6520X-30QC-EI',
      'device.softwareVersion': '7.1.070 Release 6616P03',
      'device.uptime': '0 weeks, 2 days, 1 hour, 5 minutes',
    });
  });

  it('Cisco IOS, IOS XE and NX-OS', () => {
    expect(parse('cisco-show-version', ciscoIos)).toMatchObject({
      'device.vendor': 'Cisco',
      'device.model': 'WS-C2960X-48FPD-L',
      'device.softwareVersion': '15.2(7)E4',
      'device.uptime': '1 year, 12 weeks, 3 days, 2 hours, 41 minutes',
      'device.hostname': 'SW-ACCESS-03',
    });
    expect(parse('cisco-show-version', ciscoXe)).toMatchObject({
      'device.model': 'C9300-48P',
      'device.softwareVersion': '16.12.05b',
      'device.uptime': '2 weeks, 4 days, 21 hours, 3 minutes',
    });
    expect(parse('cisco-show-version', nexus)).toMatchObject({
      'device.model': 'Nexus9000 C93180YC-EX',
      'device.softwareVersion': '9.3(8)',
      'device.uptime': '120 day(s), 3 hour(s), 12 minute(s), 5 second(s)',
    });
  });

  it('recognise tells the vendors apart', () => {
    for (const [text, parser] of [
      [huaweiS5720, 'vrp-display-version'],
      [huaweiCE, 'vrp-display-version'],
      [h3c, 'vrp-display-version'],
      [ciscoIos, 'cisco-show-version'],
      [ciscoXe, 'cisco-show-version'],
      [nexus, 'cisco-show-version'],
    ]) {
      expect(recognise(text!)?.parser).toBe(parser);
    }
  });
});

describe('NTP status on network devices', () => {
  it('Huawei / H3C display ntp-service status', () => {
    const synced = ` clock status: synchronized
 clock stratum: 3
 reference clock ID: 10.1.1.1
 nominal frequency: 64.0000 Hz
 actual frequency: 64.0000 Hz
 clock precision: 2^7
 clock offset: 0.0452 ms
 root delay: 1.23 ms
 root dispersion: 12.50 ms
 peer dispersion: 10.00 ms
 reference time: 10:23:45.123 UTC Mar 4 2024(E9A1B2C3.1F2E3D4C)`;
    expect(parse('net-ntp-status', synced)).toEqual({ 'ntp.synchronised': '已同步', 'ntp.server': '10.1.1.1' });
    expect(
      parse('net-ntp-status', ' Clock status: unsynchronized\n Clock stratum: 16\n Reference clock ID: none'),
    ).toEqual({ 'ntp.synchronised': '未同步' });
  });

  it('Cisco show ntp status', () => {
    expect(
      parse(
        'net-ntp-status',
        'Clock is synchronized, stratum 3, reference is 10.1.1.1\nnominal freq is 119.2092 Hz, actual freq is 119.2089 Hz, precision is 2**17',
      ),
    ).toEqual({
      'ntp.synchronised': '已同步',
      'ntp.server': '10.1.1.1',
    });
    expect(parse('net-ntp-status', 'Clock is unsynchronized, stratum 16, no reference clock')).toEqual({
      'ntp.synchronised': '未同步',
    });
  });
});

describe('configuration lines', () => {
  it('Huawei: default SNMP community, Telnet still allowed, NTP and syslog servers, timeouts', () => {
    const config = `<HUAWEI>display current-configuration | include snmp|ntp|info-center|telnet|protocol|idle-timeout
 telnet server enable
 stelnet server enable
 snmp-agent community read public
 snmp-agent community write cipher %^%#Kx3!W>b&Z$%^%#
 snmp-agent sys-info version v2c v3
 ntp-service unicast-server 10.1.1.1
 ntp-service unicast-server 10.1.1.2 preference
 info-center loghost source Vlanif10
 info-center loghost 10.1.2.50
user-interface con 0
 idle-timeout 10 0
user-interface vty 0 4
 protocol inbound all
 idle-timeout 0 0`;
    expect(parse('net-config', config)).toMatchObject({
      'net.snmpCommunity': '存在默认/弱团体名',
      'note:net.snmpCommunity': '团体名：public',
      'net.remoteAccess': 'SSH 和 Telnet',
      'net.ntpServers': '10.1.1.1, 10.1.1.2',
      'net.syslogServers': '10.1.2.50',
      'net.idleTimeoutMinutes': 0,
    });
  });

  it('Huawei hardened: SSH only, ciphered community cannot be judged', () => {
    const config = ` undo telnet server enable
 stelnet server enable
 snmp-agent community read cipher %^%#uB3w7"9T]R%^%# acl 2001
user-interface vty 0 4
 authentication-mode aaa
 protocol inbound ssh
 idle-timeout 5 0`;
    const values = parse('net-config', config);
    expect(values).toMatchObject({ 'net.remoteAccess': '仅 SSH', 'net.idleTimeoutMinutes': 5 });
    expect(values['net.snmpCommunity']).toBeUndefined();
    expect(values['note:net.snmpCommunity']).toContain('人工确认');
  });

  it('Cisco running-config', () => {
    const config = `snmp-server community N3tM0n!2024 RO 10
snmp-server group NMS v3 priv
ntp server 10.1.1.1 prefer
ntp server vrf Mgmt-vrf 10.1.1.2
logging host 10.1.2.50
logging 10.1.2.51
logging buffered 16384
line vty 0 4
 exec-timeout 5 0
 transport input ssh
line vty 5 15
 exec-timeout 15 0
 transport input ssh`;
    expect(parse('net-config', config)).toMatchObject({
      'net.snmpCommunity': 'v2c，团体名非默认',
      'net.remoteAccess': '仅 SSH',
      'net.ntpServers': '10.1.1.1, 10.1.1.2',
      'net.syslogServers': '10.1.2.50, 10.1.2.51',
      'net.idleTimeoutMinutes': 15,
    });
    expect(
      parse('net-config', 'snmp-server group NMS v3 priv\nsnmp-server user nms NMS v3 auth sha x priv aes 128 y')[
        'net.snmpCommunity'
      ],
    ).toBe('仅 SNMPv3');
  });

  it('saved configuration', () => {
    expect(
      parse(
        'net-config-compare',
        '<HUAWEI>compare configuration\nThe current configuration is the same as the next startup configuration file.',
      ),
    ).toEqual({ 'net.configSaved': '已保存' });
    expect(
      parse(
        'net-config-compare',
        'Warning: The current configuration is not the same as the next startup configuration file. There may be several differences, and the following are some of them:\n====== Current configuration line 45 ======\n vlan batch 10 20 30',
      ),
    ).toEqual({ 'net.configSaved': '存在未保存的变更' });
    expect(parse('net-config-compare', '!Contextual Config Diffs:\n!No changes were found')).toEqual({
      'net.configSaved': '已保存',
    });
    expect(
      parse(
        'net-config-compare',
        '!Contextual Config Diffs:\ninterface GigabitEthernet1/0/5\n +description to-server-07',
      ),
    ).toEqual({ 'net.configSaved': '存在未保存的变更' });
  });
});

describe('interfaces and CPU', () => {
  it('Huawei display interface brief: PHY down (not *down) on physical ports', () => {
    const brief = `PHY: Physical
*down: administratively down
^down: standby
(l): loopback
(s): spoofing
(b): BFD down
(e): ETHOAM down
(dl): DLDP down
(d): Dampening Suppressed
InUti/OutUti: input utility/output utility
Interface                   PHY   Protocol  InUti OutUti   inErrors  outErrors
Eth-Trunk1                  up    up        0.01%  0.01%          0          0
  GigabitEthernet0/0/1      up    up        0.01%  0.01%          0          0
  GigabitEthernet0/0/2      up    up        0.01%  0.01%          0          0
GigabitEthernet0/0/3        down  down         0%     0%          0          0
GigabitEthernet0/0/4        *down down         0%     0%          0          0
GigabitEthernet0/0/5        down  down         0%     0%          0          0
MEth0/0/1                   up    up        0.01%  0.01%          0          0
NULL0                       up    up(s)        0%     0%          0          0
Vlanif1                     down  down         0%     0%          0          0`;
    const values = parse('net-interfaces', brief);
    expect(values['net.unusedPortsNotShut']).toBe(2);
    expect(values['note:net.unusedPortsNotShut']).toContain('GigabitEthernet0/0/3、GigabitEthernet0/0/5');
  });

  it('H3C (DOWN vs ADM) and Cisco show interfaces status', () => {
    const h3cBrief = `Brief information on interfaces in bridge mode:
Link: ADM - administratively down; Stby - standby
Speed: (a) - auto
Duplex: (a)/A - auto; H - half; F - full
Type: A - access; T - trunk; H - hybrid
Interface            Link Speed   Duplex Type PVID Description
GE1/0/1              UP   1G(a)   F(a)   A    1
GE1/0/2              DOWN auto    A      A    1
GE1/0/3              ADM  auto    A      A    1`;
    expect(parse('net-interfaces', h3cBrief)['net.unusedPortsNotShut']).toBe(1);
    const cisco = `Port      Name               Status       Vlan       Duplex  Speed Type
Gi1/0/1   to-server01 eth0   connected    10         a-full a-1000 10/100/1000BaseTX
Gi1/0/2                      notconnect   1            auto   auto 10/100/1000BaseTX
Gi1/0/3   reserved           disabled     1            auto   auto 10/100/1000BaseTX
Te1/1/1                      notconnect   1            full    10G Not Present`;
    expect(parse('net-interfaces', cisco)['net.unusedPortsNotShut']).toBe(2);
    expect(recognise(cisco)?.parser).toBe('net-interfaces');
  });

  it('CPU usage: Huawei, Cisco, H3C', () => {
    expect(
      parse(
        'net-cpu',
        'CPU Usage Stat. Cycle: 60 (Second)\nCPU Usage            : 12% Max: 46%\nCPU Usage Stat. Time : 2024-03-04  10:41:56',
      ),
    ).toEqual({ 'cpu.usedPercent': 12 });
    expect(
      parse('net-cpu', 'CPU utilization for five seconds: 9%/1%; one minute: 7%; five minutes: 6%')['cpu.usedPercent'],
    ).toBe(6);
    expect(
      parse(
        'net-cpu',
        'Slot 1 CPU 0 CPU usage:\n       6% in last 5 seconds\n       5% in last 1 minute\n       4% in last 5 minutes\nSlot 2 CPU 0 CPU usage:\n       9% in last 5 minutes',
      )['cpu.usedPercent'],
    ).toBe(9);
  });
});

describe('storage (Huawei OceanStor)', () => {
  const disks = `admin:/>show disk general

  ID      Health Status  Running Status  Type  Capacity   Role         Speed(RPM)  Disk Domain ID  Number Of Used Times
  ------  -------------  --------------  ----  ---------  -----------  ----------  --------------  --------------------
  CTE0.0  Normal         Online          SAS   558.406GB  Member Disk  10000       0               --
  CTE0.1  Normal         Online          SAS   558.406GB  Member Disk  10000       0               --
  CTE0.2  Pre-fail       Online          SAS   558.406GB  Member Disk  10000       0               --
  CTE0.3  Fault          Offline         SAS   558.406GB  Member Disk  10000       0               --
  CTE0.4  Normal         Online          SAS   558.406GB  Hot Spare Disk 10000     --              --

admin:/>show storage_pool general

  ID  Name            Disk Domain ID  Health Status  Running Status  Total Capacity  Free Capacity  Usage Type
  --  --------------  --------------  -------------  --------------  --------------  -------------  ----------
  0   StoragePool001  0               Normal         Online          20.000TB        3.000TB        LUN
  1   StoragePool002  1               Degraded       Online          10.000TB        5.000TB        LUN

admin:/>`;

  it('counts faulty and pre-fail disks, degraded pools, and the fullest pool', () => {
    const values = parse('oceanstor-tables', disks);
    expect(values['storage.faultDisks']).toBe(1);
    expect(values['note:storage.faultDisks']).toContain('CTE0.3');
    expect(values['storage.prefailDisks']).toBe(1);
    expect(values['storage.abnormalDiskDomains']).toBe(1);
    expect(values['storage.poolMaxUsedPercent']).toBe(85);
    expect(values['note:storage.poolMaxUsedPercent']).toContain('StoragePool001 85%');
  });

  it('hardware tables are summed; system and controller general read', () => {
    const hardware = `admin:/>show power_supply

  ID           Health Status  Running Status  Type  Version
  -----------  -------------  --------------  ----  -------
  CTE0.PSU0    Normal         Online          AC    ...
  CTE0.PSU1    Fault          Offline         AC    ...

admin:/>show fan

  ID        Health Status  Running Status
  --------  -------------  --------------
  CTE0.FAN0 Normal         Running
admin:/>show bbu general

  ID         Health Status  Running Status  Electricity(%)
  ---------  -------------  --------------  --------------
  CTE0.A.BBU Normal         Online          100
  CTE0.B.BBU Fault          Offline         0
`;
    expect(parse('oceanstor-tables', hardware)).toMatchObject({ 'storage.abnormalHardware': 2 });
    const system = `admin:/>show system general

  System Name          : Huawei.Storage
  Health Status        : Normal
  Running Status       : Normal
  Total Capacity       : 39.921TB
  SN                   : 2102351QLH10J5000012
  Location             :
  Product Model        : 5500 V5
  Product Version      : V500R007C60SPC300
  High Water Level(%)  : 80
  Low Water Level(%)   : 20
  Time                 : 2024-03-04/10:41:56 UTC+08:00
  Patch Version        : SPH025`;
    expect(parse('oceanstor-general', system)).toEqual({
      'storage.softwareVersion': 'V500R007C60SPC300 SPH025',
      'device.model': '5500 V5',
      'storage.systemHealth': 'Normal',
    });
    const controllers = `  Controller             : CTE0.A
  Health Status          : Normal
  Running Status         : Online
  Role                   : Master

  Controller             : CTE0.B
  Health Status          : Fault
  Running Status         : Offline
  Role                   : Slave`;
    expect(parse('oceanstor-general', controllers)).toMatchObject({ 'storage.abnormalControllers': 1 });
    expect(recognise(disks)?.parser).toBe('oceanstor-tables');
    expect(recognise(system)?.parser).toBe('oceanstor-general');
  });

  it('multipath -ll and UltraPath', () => {
    const multipath = `mpatha (36a4badb0004a5e8c00000a1b5f3c2d11) dm-2 HUAWEI,XSG1
size=500G features='0' hwhandler='0' wp=rw
\`-+- policy='service-time 0' prio=1 status=active
  |- 1:0:0:1 sdb 8:16 active ready running
  |- 2:0:0:1 sdc 8:32 active ready running
  |- 1:0:1:1 sdd 8:48 failed faulty running
  \`- 2:0:1:1 sde 8:64 active ready running`;
    expect(parse('multipath', multipath)).toMatchObject({
      'storage.failedPaths': 1,
      'note:storage.failedPaths': '故障路径：mpatha sdd（共 4 条）',
    });
    expect(recognise(multipath)?.parser).toBe('multipath');
  });
});
