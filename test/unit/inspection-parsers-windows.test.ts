import { describe, expect, it } from 'vitest';
import { parse, recognise } from '../../shared/inspection';

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

// Windows Server 2019, English, as `net accounts` prints it (CRLF).
const netAccountsEn = crlf(`C:\\Users\\Administrator>net accounts
Force user logoff how long after time expires?:       Never
Minimum password age (days):                          0
Maximum password age (days):                          42
Minimum password length:                              0
Length of password history maintained:                None
Lockout threshold:                                    Never
Lockout duration (minutes):                           30
Lockout observation window (minutes):                 30
Computer role:                                        SERVER
The command completed successfully.

`);

// Windows Server 2016, 简体中文, hardened.
const netAccountsZh = crlf(`强制用户在时间到期之后多久必须注销?:     从不
密码最短使用期限(天):                    1
密码最长使用期限(天):                    90
密码长度最小值:                          8
保持的密码历史记录长度:                  5
锁定阈值:                                5
锁定持续时间(分):                        30
锁定观测窗口(分):                        30
计算机角色:                              SERVER
命令成功完成。
`);

describe('net accounts', () => {
  it('English: Never / None / numbers', () => {
    expect(parse('net-accounts', netAccountsEn)).toEqual({
      'win.minPasswordAgeDays': 0,
      'win.maxPasswordAgeDays': 42,
      'win.minPasswordLength': 0,
      'win.passwordHistory': 0,
      'win.lockoutThreshold': 0,
      'note:win.lockoutThreshold': '从不锁定（阈值 0）',
      'win.lockoutDurationMinutes': 30,
      'win.lockoutWindowMinutes': 30,
    });
  });

  it('Chinese', () => {
    expect(parse('net-accounts', netAccountsZh)).toEqual({
      'win.minPasswordAgeDays': 1,
      'win.maxPasswordAgeDays': 90,
      'win.minPasswordLength': 8,
      'win.passwordHistory': 5,
      'win.lockoutThreshold': 5,
      'win.lockoutDurationMinutes': 30,
      'win.lockoutWindowMinutes': 30,
    });
  });

  it('Unlimited maximum age reads as 无限制 (which fails a maximum)', () => {
    expect(
      parse(
        'net-accounts',
        'Maximum password age (days):                          Unlimited\nMinimum password length:  12',
      )['win.maxPasswordAgeDays'],
    ).toBe('无限制');
    expect(
      parse('net-accounts', '密码最长使用期限(天):                    无限制\n密码长度最小值:  12')[
        'win.maxPasswordAgeDays'
      ],
    ).toBe('无限制');
  });
});

describe('secedit export', () => {
  it('reads [System Access] and the legacy [Event Audit] levels', () => {
    const cfg = crlf(`[Unicode]
Unicode=yes
[System Access]
MinimumPasswordAge = 1
MaximumPasswordAge = -1
MinimumPasswordLength = 8
PasswordComplexity = 1
PasswordHistorySize = 5
LockoutBadCount = 5
ResetLockoutCount = 30
LockoutDuration = 30
RequireLogonToChangePassword = 0
ForceLogoffWhenHourExpire = 0
NewAdministratorName = "sysadm"
NewGuestName = "Guest"
ClearTextPassword = 0
LSAAnonymousNameLookup = 0
EnableAdminAccount = 1
EnableGuestAccount = 0
[Event Audit]
AuditSystemEvents = 0
AuditLogonEvents = 3
AuditObjectAccess = 0
AuditPrivilegeUse = 0
AuditPolicyChange = 1
AuditAccountManage = 3
AuditProcessTracking = 0
AuditDSAccess = 0
AuditAccountLogon = 2
[Version]
signature="$CHICAGO$"
Revision=1`);
    expect(parse('secedit', cfg)).toMatchObject({
      'win.minPasswordLength': 8,
      'win.maxPasswordAgeDays': '无限制',
      'win.passwordComplexity': '已启用',
      'win.passwordHistory': 5,
      'win.lockoutThreshold': 5,
      'win.lockoutDurationMinutes': 30,
      'win.lockoutWindowMinutes': 30,
      'win.userActive:guest': '已禁用',
      'win.adminRenamed': '已重命名',
      'win.audit:logon': '成功和失败',
      'win.audit:audit-policy-change': '成功',
      'win.audit:user-account-management': '成功和失败',
      'win.audit:credential-validation': '失败',
    });
    expect(recognise(cfg)?.parser).toBe('secedit');
  });
});

describe('auditpol', () => {
  const english = `System audit policy
Category/Subcategory                      Setting
System
  Security System Extension               No Auditing
  System Integrity                        Success and Failure
  Security State Change                   Success
Logon/Logoff
  Logon                                   Success and Failure
  Logoff                                  Success
  Account Lockout                         Success
  Special Logon                           Success
  Other Logon/Logoff Events               No Auditing
Account Management
  Computer Account Management             Success
  Security Group Management               Success
  User Account Management                 Success
Policy Change
  Audit Policy Change                     Success
Account Logon
  Credential Validation                   No Auditing`;
  const chinese = `系统审核策略
类别/子类别                               设置
系统
  安全系统扩展                            无审核
  系统完整性                              成功和失败
登录/注销
  登录                                    成功和失败
  注销                                    成功
  帐户锁定                                成功
  其他登录/注销事件                       无审核
帐户管理
  用户帐户管理                            成功和失败
策略更改
  审核策略更改                            成功
帐户登录
  凭据验证                                失败`;

  it('English subcategories, settings in Chinese', () => {
    expect(parse('auditpol', english)).toMatchObject({
      'win.audit:logon': '成功和失败',
      'win.audit:logoff': '成功',
      'win.audit:account-lockout': '成功',
      'win.audit:user-account-management': '成功',
      'win.audit:audit-policy-change': '成功',
      'win.audit:credential-validation': '无审核',
      'win.audit:system-integrity': '成功和失败',
    });
  });

  it('Chinese subcategories; the category line 登录/注销 is not the subcategory 登录', () => {
    const values = parse('auditpol', crlf(chinese));
    expect(values).toMatchObject({
      'win.audit:logon': '成功和失败',
      'win.audit:logoff': '成功',
      'win.audit:account-lockout': '成功',
      'win.audit:user-account-management': '成功和失败',
      'win.audit:audit-policy-change': '成功',
      'win.audit:credential-validation': '失败',
    });
    expect(recognise(chinese)?.parser).toBe('auditpol');
  });
});

describe('systeminfo', () => {
  it('English and Chinese: OS, memory usage, hotfix count', () => {
    const en = `Host Name:                 WIN-APP01
OS Name:                   Microsoft Windows Server 2019 Datacenter
OS Version:                10.0.17763 N/A Build 17763
OS Manufacturer:           Microsoft Corporation
System Boot Time:          3/1/2024, 8:12:40 AM
Total Physical Memory:     16,383 MB
Available Physical Memory: 4,095 MB
Hotfix(s):                 3 Hotfix(s) Installed.
                           [01]: KB5034619
                           [02]: KB5034127
                           [03]: KB5035849`;
    expect(parse('systeminfo', en)).toMatchObject({
      'os.release': 'Microsoft Windows Server 2019 Datacenter',
      'memory.usedPercent': 75,
      'win.hotfixCount': 3,
    });
    const zh = `主机名:           WIN-DB01
OS 名称:          Microsoft Windows Server 2016 Standard
OS 版本:          10.0.14393 暂缺 Build 14393
系统启动时间:     2024/3/1, 8:12:40
物理内存总量:     32,767 MB
可用的物理内存:   8,191 MB
修补程序:         安装了 12 个修补程序。
                  [01]: KB4049065`;
    expect(parse('systeminfo', zh)).toMatchObject({
      'os.release': 'Microsoft Windows Server 2016 Standard',
      'memory.usedPercent': 75,
      'win.hotfixCount': 12,
    });
    expect(recognise(zh)?.parser).toBe('systeminfo');
  });
});

describe('installed updates', () => {
  it('wmic qfe list brief (en-US dates) and Get-HotFix (zh-CN dates)', () => {
    const wmic = `Description      FixComments  HotFixID   InstallDate  InstalledBy          InstalledOn  Name  ServicePackInEffect  Status
Update                        KB4514366               NT AUTHORITY\\SYSTEM  9/11/2019
Security Update               KB5034619               NT AUTHORITY\\SYSTEM  2/14/2024
Update                        KB5034127               NT AUTHORITY\\SYSTEM  1/10/2024`;
    expect(parse('hotfix-list', wmic)).toMatchObject({ 'win.lastHotfixDate': '2024-02-14', 'win.hotfixCount': 3 });
    const getHotfix = `
Source        Description      HotFixID      InstalledBy          InstalledOn
------        -----------      --------      -----------          -----------
WIN-DB01      Update           KB5034439     NT AUTHORITY\\SYSTEM  2024/1/9 0:00:00
WIN-DB01      Security Update  KB5035855     NT AUTHORITY\\SYSTEM  2024/3/13 0:00:00
`;
    expect(parse('hotfix-list', getHotfix)).toMatchObject({ 'win.lastHotfixDate': '2024-03-13', 'win.hotfixCount': 2 });
    expect(recognise(getHotfix)?.parser).toBe('hotfix-list');
  });
});

describe('disks, event logs, registry, users, firewall, time', () => {
  it('wmic logicaldisk: the fullest local disk', () => {
    const wmic = `Caption  FreeSpace     Size
C:       10685767680   106846744576
D:       322122547200  536870907904

`;
    expect(parse('windows-disks', wmic)).toMatchObject({ 'disk.maxUsePercent': 90, 'disk.maxUseMount': 'C:' });
    const psdrive = `Name           Used (GB)     Free (GB) Provider      Root
----           ---------     --------- --------      ----
C                  70.12         29.88 FileSystem    C:\\
D                 100.00        400.00 FileSystem    D:\\
E                                      FileSystem    E:\\`;
    expect(parse('windows-disks', psdrive)).toMatchObject({ 'disk.maxUsePercent': 70.1, 'disk.maxUseMount': 'C:' });
  });

  it('wevtutil gl and Get-EventLog -List: sizes in MB by log name', () => {
    const wevtutil = `name: Security
enabled: true
type: Admin
owningPublisher:
isolation: Custom
channelAccess: O:BAG:SYD:(A;;0xf0005;;;SY)(A;;0x5;;;BA)(A;;0x1;;;S-1-5-32-573)
logging:
  logFileName: %SystemRoot%\\System32\\Winevt\\Logs\\Security.evtx
  retention: false
  autoBackup: false
  maxSize: 20971520
publishing:
  fileMax: 1`;
    expect(parse('event-log-size', wevtutil)).toEqual({ 'win.eventLogMaxSizeMb:security': 20 });
    const list = `
  Max(K) Retain OverflowAction        Entries Log
  ------ ------ --------------        ------- ---
  20,480      0 OverwriteAsNeeded      12,345 Application
 196,608      0 OverwriteAsNeeded      88,102 Security
  20,480      0 OverwriteAsNeeded       4,321 System
`;
    expect(parse('event-log-size', list)).toEqual({
      'win.eventLogMaxSizeMb:application': 20,
      'win.eventLogMaxSizeMb:security': 192,
      'win.eventLogMaxSizeMb:system': 20,
    });
  });

  it('reg query: DWORD in decimal, strings as they are', () => {
    const reg = `
HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp
    PortNumber    REG_DWORD    0xd3d
    UserAuthentication    REG_DWORD    0x1
    SecurityLayer    REG_DWORD    0x2
`;
    expect(parse('reg-query', reg)).toEqual({
      'win.reg:portnumber': 3389,
      'win.reg:userauthentication': 1,
      'win.reg:securitylayer': 2,
    });
  });

  it('net user guest, English and Chinese', () => {
    const en = `User name                    Guest
Full Name
Comment                      Built-in account for guest access to the computer/domain
Account active               No
Account expires              Never`;
    expect(parse('net-user', en)).toEqual({ 'win.userActive:guest': '已禁用' });
    const zh = `用户名                 Guest
全名
注释                   供来宾访问计算机或访问域的内置帐户
帐户启用               Yes
帐户到期               从不`;
    expect(parse('net-user', zh)).toEqual({ 'win.userActive:guest': '已启用' });
  });

  it('netsh advfirewall, English and Chinese', () => {
    const en = `
Domain Profile Settings:
----------------------------------------------------------------------
State                                 ON

Private Profile Settings:
----------------------------------------------------------------------
State                                 ON

Public Profile Settings:
----------------------------------------------------------------------
State                                 OFF
Ok.
`;
    expect(parse('netsh-firewall', en)).toMatchObject({
      'win.firewall': '部分启用',
      'note:win.firewall': '未启用：Public',
    });
    const zh = `
域配置文件 设置:
----------------------------------------------------------------------
状态                                  启用

专用配置文件 设置:
----------------------------------------------------------------------
状态                                  启用

公用配置文件 设置:
----------------------------------------------------------------------
状态                                  启用
确定。
`;
    expect(parse('netsh-firewall', zh)).toEqual({ 'win.firewall': '全部启用' });
    expect(recognise(zh)?.parser).toBe('netsh-firewall');
  });

  it('w32tm /query /status: synchronised, and running on the local clock', () => {
    const synced = `Leap Indicator: 0(no warning)
Stratum: 4 (secondary reference - syncd by (S)NTP)
Precision: -23 (119.209ns per tick)
Root Delay: 0.0312500s
Root Dispersion: 7.7839012s
ReferenceId: 0x0A010101 (source IP:  10.1.1.1)
Last Successful Sync Time: 3/4/2024 10:30:12 AM
Source: 10.1.1.1
Poll Interval: 10 (1024s)`;
    expect(parse('w32tm-status', synced)).toEqual({ 'ntp.synchronised': '已同步', 'ntp.server': '10.1.1.1' });
    const local = `闰指示符: 3(未同步)
层次: 0 (未指定)
源: Local CMOS Clock
轮询间隔: 6 (64s)`;
    expect(parse('w32tm-status', local)['ntp.synchronised']).toBe('未同步');
    expect(recognise(local)?.parser).toBe('w32tm-status');
  });

  it('recognises net accounts in both languages', () => {
    expect(recognise(netAccountsEn)).toMatchObject({ parser: 'net-accounts', command: 'net accounts' });
    expect(recognise(netAccountsZh)?.parser).toBe('net-accounts');
  });
});
