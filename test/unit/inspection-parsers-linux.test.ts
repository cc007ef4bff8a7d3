import { describe, expect, it } from 'vitest';
import { parse, recognise } from '../../shared/inspection';

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

// CentOS 7, `df -h` (no -P): the long LVM name wraps its numbers onto the next line; a mounted
// install DVD and a docker overlay are fuller than any real disk.
const dfWrapped = `[root@db01 ~]# df -h
Filesystem               Size  Used Avail Use% Mounted on
/dev/mapper/centos-root   50G   12G   39G  24% /
devtmpfs                 7.8G     0  7.8G   0% /dev
tmpfs                    7.8G     0  7.8G   0% /dev/shm
tmpfs                    7.8G  8.9M  7.8G   1% /run
tmpfs                    7.8G     0  7.8G   0% /sys/fs/cgroup
/dev/sda1               1014M  187M  828M  19% /boot
/dev/mapper/centos-home   42G   33M   42G   1% /home
/dev/mapper/vg_data-lv_oracle_archive
                         500G  431G   70G  87% /u01/app/oracle/archive
tmpfs                    1.6G     0  1.6G   0% /run/user/0
/dev/sr0                 4.4G  4.4G     0 100% /mnt/cdrom
overlay                   50G   47G  3.0G  95% /var/lib/docker/overlay2/3f1c9a/merged
[root@db01 ~]# `;

// Kylin V10 in zh_CN, df -hP, pasted from a Windows terminal: CRLF, a tab and trailing spaces.
const dfChinese = crlf(`文件系统                 容量  已用  可用 已用% 挂载点   
/dev/mapper/klas-root     50G   41G  9.5G   82% /
devtmpfs                 3.8G     0  3.8G    0% /dev
tmpfs                    3.9G     0  3.9G    0% /dev/shm
/dev/sda2               1014M  201M  814M   20% /boot
/dev/sda1                599M  6.4M  593M    2% /boot/efi\t
/dev/mapper/klas-data    200G   60G  141G   30% /data  `);

const dfInodes = `Filesystem                Inodes   IUsed    IFree IUse% Mounted on
/dev/mapper/centos-root 26214400  187654 26026746    1% /
devtmpfs                 2033152     412  2032740    1% /dev
/dev/sda1                 524288     342   523946    1% /boot
/dev/sdb1                      0       0        0     - /mnt/usb
/dev/mapper/centos-var   6553600 5898240   655360   90% /var`;

const dfTyped = `Filesystem              Type      Size  Used Avail Use% Mounted on
/dev/mapper/rhel-root   xfs        70G   54G   17G  77% /
tmpfs                   tmpfs     3.9G  3.9G     0 100% /dev/shm
/dev/vda1               xfs      1014M  270M  745M  27% /boot`;

describe('df', () => {
  it('takes the fullest real file system, skipping tmpfs, overlay and optical media, and joins wrapped lines', () => {
    const values = parse('df', dfWrapped);
    expect(values['disk.maxUsePercent']).toBe(87);
    expect(values['disk.maxUseMount']).toBe('/u01/app/oracle/archive');
    expect(values['note:disk.maxUsePercent']).toContain('/u01/app/oracle/archive 87%');
    expect(values['note:disk.maxUsePercent']).toContain('/ 24%');
    expect(values['note:disk.maxUsePercent']).not.toContain('cdrom');
  });

  it('reads the zh_CN header, CRLF, tabs and trailing spaces', () => {
    const values = parse('df', dfChinese);
    expect(values['disk.maxUsePercent']).toBe(82);
    expect(values['disk.maxUseMount']).toBe('/');
  });

  it('reports inode usage under its own key, ignoring "-"', () => {
    const values = parse('df', dfInodes);
    expect(values['disk.maxInodeUsePercent']).toBe(90);
    expect(values['disk.maxInodeUseMount']).toBe('/var');
    expect(values['disk.maxUsePercent']).toBeUndefined();
  });

  it('handles df -T (a Type column), excluding by type', () => {
    expect(parse('df', dfTyped)).toMatchObject({ 'disk.maxUsePercent': 77, 'disk.maxUseMount': '/' });
  });
});

describe('free', () => {
  it('new procps: (total − available) / total', () => {
    const values = parse(
      'free',
      `              total        used        free      shared  buff/cache   available
Mem:          15885        6120         512         410        9252        9012
Swap:          8063         245        7818`,
    );
    expect(values['memory.usedPercent']).toBe(43.3);
    expect(values['note:memory.usedPercent']).toContain('available');
    expect(values['swap.usedPercent']).toBe(3);
  });

  it('old procps (CentOS 6): the -/+ buffers/cache line', () => {
    const values = parse(
      'free',
      `             total       used       free     shared    buffers     cached
Mem:          7872       7456        415          0        249       5905
-/+ buffers/cache:       1301       6570
Swap:         8191          0       8191`,
    );
    expect(values['memory.usedPercent']).toBe(16.5);
    expect(values['note:memory.usedPercent']).toContain('buffers/cache');
    expect(values['swap.usedPercent']).toBe(0);
  });

  it('zh_CN free -h with unit suffixes and full-width colons; no swap configured', () => {
    const values = parse(
      'free',
      `               总计        已用        空闲      共享    缓冲/缓存    可用
内存：        7.6Gi       2.1Gi       1.2Gi       123Mi       4.3Gi       5.2Gi
交换：           0B          0B          0B`,
    );
    expect(values['memory.usedPercent']).toBe(31.6);
    expect(values['swap.usedPercent']).toBe(0);
    expect(values['note:swap.usedPercent']).toBe('未配置 swap');
  });
});

describe('CPU: top and vmstat', () => {
  it('top: 100 − id of the last frame', () => {
    const top = `%Cpu(s):  2.1 us,  0.9 sy,  0.0 ni, 96.8 id,  0.1 wa,  0.0 hi,  0.1 si,  0.0 st
%Cpu(s): 35.2 us,  4.8 sy,  0.0 ni, 58.9 id,  0.8 wa,  0.0 hi,  0.3 si,  0.0 st`;
    expect(parse('cpu-usage', top)['cpu.usedPercent']).toBe(41.1);
    expect(
      parse('cpu-usage', 'Cpu(s):  1.6%us,  0.8%sy,  0.0%ni, 97.4%id,  0.1%wa,  0.0%hi,  0.1%si,  0.0%st')[
        'cpu.usedPercent'
      ],
    ).toBe(2.6);
  });

  it('vmstat: the average of the samples after the first (since-boot) line', () => {
    const vmstat = `procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----
 r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st
 1  0      0 512340   2104 9472000    0    0     3    12    1    2  1  1 98  0  0
 3  0      0 511980   2104 9472010    0    0     0    40 2210 4310 20  5 74  1  0
 2  0      0 511900   2104 9472020    0    0     0    16 2180 4200 18  4 76  2  0`;
    expect(parse('cpu-usage', vmstat)['cpu.usedPercent']).toBe(25);
  });
});

// RHEL 7 sshd_config as shipped, hardened by someone who added a second PermitRootLogin below
// the first, plus Match blocks at the end.
const sshdConfig = `#	$OpenBSD: sshd_config,v 1.100 2016/08/15 12:32:04 naddy Exp $

# This is the sshd server system-wide configuration file.  See
# sshd_config(5) for more information.

#Port 22
#AddressFamily any
#ListenAddress 0.0.0.0

HostKey /etc/ssh/ssh_host_rsa_key
HostKey /etc/ssh/ssh_host_ecdsa_key
HostKey /etc/ssh/ssh_host_ed25519_key

SyslogFacility AUTHPRIV

#LoginGraceTime 2m
#PermitRootLogin yes
PermitRootLogin no
#StrictModes yes
MaxAuthTries 4

# added by the application vendor
PermitRootLogin yes

AuthorizedKeysFile	.ssh/authorized_keys

PasswordAuthentication yes
ChallengeResponseAuthentication no

GSSAPIAuthentication yes
GSSAPICleanupCredentials no

UsePAM yes

X11Forwarding yes

Subsystem	sftp	/usr/libexec/openssh/sftp-server

Match Address 10.10.0.0/16
	PermitRootLogin yes
	X11Forwarding no
Match User backup
	PermitEmptyPasswords yes
`;

describe('sshd_config', () => {
  it('the FIRST value of a keyword wins, as sshd reads it; Match blocks do not change the global value', () => {
    const values = parse('sshd-config', sshdConfig);
    expect(values['ssh.permitRootLogin']).toBe('no');
    expect(values['note:ssh.permitRootLogin']).toContain('不生效');
    expect(values['note:ssh.permitRootLogin']).toContain('Match Address 10.10.0.0/16');
    expect(values['ssh.maxAuthTries']).toBe(4);
    expect(values['ssh.x11Forwarding']).toBe('yes');
    expect(values['ssh.passwordAuthentication']).toBe('yes');
    // Not set globally in a whole file: OpenSSH's default, with the Match override noted.
    expect(values['ssh.permitEmptyPasswords']).toBe('no');
    expect(values['note:ssh.permitEmptyPasswords']).toContain('Match User backup');
    expect(values['ssh.port']).toBe(22);
  });

  it('reads a grep of a few lines, "=" separators, inline comments and lower case (sshd -T)', () => {
    expect(parse('sshd-config', 'PermitRootLogin no\n')).toEqual({ 'ssh.permitRootLogin': 'no' });
    expect(parse('sshd-config', 'PermitRootLogin=prohibit-password')['ssh.permitRootLogin']).toBe('prohibit-password');
    expect(parse('sshd-config', '  PermitRootLogin   No   # hardened 2024-03\r\n')['ssh.permitRootLogin']).toBe('no');
    const sshdT = 'port 22\nport 2222\npermitrootlogin without-password\nmaxauthtries 6\npermitemptypasswords no\n';
    expect(parse('sshd-config', sshdT)).toMatchObject({
      'ssh.permitRootLogin': 'without-password',
      'ssh.port': '22, 2222',
      'ssh.maxAuthTries': 6,
    });
  });

  it('reads grep -Hn output with file names, and warns about Include', () => {
    const values = parse(
      'sshd-config',
      '/etc/ssh/sshd_config:13:Include /etc/ssh/sshd_config.d/*.conf\n/etc/ssh/sshd_config:40:PermitRootLogin no\n',
    );
    expect(values['ssh.permitRootLogin']).toBe('no');
    expect(values['note:ssh.permitRootLogin']).toContain('sshd -T');
  });

  it('a whole file without PermitRootLogin says so instead of guessing a distribution default', () => {
    const withoutRoot = sshdConfig.replace(/^PermitRootLogin.*$/gm, '#');
    expect(parse('sshd-config', withoutRoot)['ssh.permitRootLogin']).toBe('未配置');
  });
});

describe('login.defs', () => {
  const loginDefs = `#
# Password aging controls:
#
#	PASS_MAX_DAYS	Maximum number of days a password may be used.
#	PASS_MIN_DAYS	Minimum number of days allowed between password changes.
#	PASS_MIN_LEN	Minimum acceptable password length.
#	PASS_WARN_AGE	Number of days warning given before a password expires.
#
PASS_MAX_DAYS	99999
PASS_MIN_DAYS	0
PASS_MIN_LEN	5
PASS_WARN_AGE	7

UID_MIN                  1000
ENCRYPT_METHOD SHA512
`;

  it('reads the values, not the comments that name them', () => {
    expect(parse('login-defs', loginDefs)).toMatchObject({
      'login.passMaxDays': 99999,
      'login.passMinDays': 0,
      'login.passMinLen': 5,
      'login.passWarnAge': 7,
      'login.encryptMethod': 'SHA512',
    });
  });

  it('reads the grep the template suggests; a repeated name: the last one counts (shadow-utils)', () => {
    const values = parse(
      'login-defs',
      'PASS_MAX_DAYS   90\nPASS_MIN_LEN    8\nPASS_WARN_AGE   7\nPASS_MAX_DAYS   180\n',
    );
    expect(values['login.passMaxDays']).toBe(180);
    expect(values['note:login.passMaxDays']).toContain('最后一行');
    expect(values['login.passMinLen']).toBe(8);
  });
});

describe('TMOUT', () => {
  it('reads grep -r output; a readonly assignment cannot be overridden later', () => {
    const grep = `/etc/profile:export TMOUT=900
/etc/profile.d/tmout.sh:TMOUT=600
/etc/profile.d/tmout.sh:readonly TMOUT
/etc/bashrc:# TMOUT=0`;
    expect(parse('tmout', grep)['shell.tmout']).toBe(600);
    expect(parse('tmout', 'readonly TMOUT=300\nexport TMOUT=1200\n')['shell.tmout']).toBe(300);
    expect(parse('tmout', 'TMOUT=0')['shell.tmout']).toBe(0);
  });
});

describe('time synchronisation', () => {
  it('chronyc tracking: synchronised, with the server and the offset', () => {
    const values = parse(
      'chronyc-tracking',
      `Reference ID    : 0A0A0A01 (ntp1.bank.local)
Stratum         : 3
Ref time (UTC)  : Mon Mar 04 02:41:56 2024
System time     : 0.000023451 seconds slow of NTP time
Last offset     : -0.000012346 seconds
RMS offset      : 0.000034567 seconds
Frequency       : 1.234 ppm fast
Residual freq   : -0.001 ppm
Skew            : 0.012 ppm
Root delay      : 0.023456789 seconds
Root dispersion : 0.001234567 seconds
Update interval : 64.2 seconds
Leap status     : Normal`,
    );
    expect(values).toMatchObject({ 'ntp.synchronised': '已同步', 'ntp.server': 'ntp1.bank.local', 'ntp.offsetMs': 0 });
    expect(
      parse(
        'chronyc-tracking',
        'Reference ID    : 0A0A0A01 ()\nStratum         : 2\nSystem time     : 1.512345678 seconds fast of NTP time\nLeap status     : Normal',
      )['ntp.offsetMs'],
    ).toBe(1512.3);
  });

  it('chronyc tracking: not synchronised', () => {
    const values = parse(
      'chronyc-tracking',
      `Reference ID    : 00000000 ()
Stratum         : 0
Ref time (UTC)  : Thu Jan 01 00:00:00 1970
System time     : 0.000000000 seconds fast of NTP time
Leap status     : Not synchronised`,
    );
    expect(values['ntp.synchronised']).toBe('未同步');
    expect(values['ntp.server']).toBeUndefined();
  });

  it('ntpq -p: the * peer is the one in use', () => {
    const ntpq = `     remote           refid      st t when poll reach   delay   offset  jitter
==============================================================================
*10.1.1.1        202.112.10.36    2 u   36   64  377    0.523   -0.108   0.046
+10.1.1.2        202.112.10.36    2 u   40   64  377    0.611   -0.212   0.051
 LOCAL(0)        .LOCL.          10 l  12h   64    0    0.000    0.000   0.000`;
    expect(parse('ntp-peers', ntpq)).toMatchObject({
      'ntp.synchronised': '已同步',
      'ntp.server': '10.1.1.1',
      'ntp.offsetMs': 0.1,
    });
    const unsynced = ntpq.replace('*10.1.1.1', ' 10.1.1.1').replace('+10.1.1.2', ' 10.1.1.2');
    expect(parse('ntp-peers', unsynced)['ntp.synchronised']).toBe('未同步');
    expect(parse('ntp-peers', "No association ID's returned")['ntp.synchronised']).toBe('未同步');
  });

  it('chronyc sources', () => {
    const sources = `210 Number of sources = 2
MS Name/IP address         Stratum Poll Reach LastRx Last sample
===============================================================================
^* 10.1.1.1                      2   6   377    35   +108us[ +120us] +/-   20ms
^- 10.1.1.2                      2   6   377    36   -212us[ -212us] +/-   25ms`;
    expect(parse('ntp-peers', sources)).toMatchObject({
      'ntp.synchronised': '已同步',
      'ntp.server': '10.1.1.1',
      'ntp.offsetMs': 0.1,
    });
  });

  it('timedatectl, new and old systemd', () => {
    const rhel8 = `               Local time: Mon 2024-03-04 10:41:56 CST
           Universal time: Mon 2024-03-04 02:41:56 UTC
                 RTC time: Mon 2024-03-04 02:41:55
                Time zone: Asia/Shanghai (CST, +0800)
System clock synchronized: yes
              NTP service: active
          RTC in local TZ: no`;
    expect(parse('timedatectl', rhel8)).toEqual({ 'ntp.synchronised': '已同步', 'os.timezone': 'Asia/Shanghai' });
    const centos7 = `      Local time: Mon 2024-03-04 10:41:56 CST
  Universal time: Mon 2024-03-04 02:41:56 UTC
        RTC time: Mon 2024-03-04 02:41:55
       Time zone: Asia/Shanghai (CST, +0800)
     NTP enabled: no
NTP synchronized: no
 RTC in local TZ: no
      DST active: n/a`;
    const values = parse('timedatectl', centos7);
    expect(values['ntp.synchronised']).toBe('未同步');
    expect(values['note:ntp.synchronised']).toContain('NTP enabled: no');
  });
});

describe('OS, kernel and services', () => {
  it('uname -r and uname -a', () => {
    expect(parse('uname', '3.10.0-1160.el7.x86_64\n')).toEqual({ 'os.kernel': '3.10.0-1160.el7.x86_64' });
    expect(
      parse(
        'uname',
        'Linux kylin-db01 4.19.90-24.4.v2101.ky10.aarch64 #1 SMP Mon May 24 14:45:37 CST 2021 aarch64 aarch64 aarch64 GNU/Linux',
      ),
    ).toEqual({
      'os.kernel': '4.19.90-24.4.v2101.ky10.aarch64',
    });
  });

  it('os-release, redhat-release and hostnamectl', () => {
    expect(
      parse(
        'os-release',
        'NAME="Kylin Linux Advanced Server"\nVERSION="V10 (Sword)"\nID="kylin"\nPRETTY_NAME="Kylin Linux Advanced Server V10 (Sword)"\n',
      )['os.release'],
    ).toBe('Kylin Linux Advanced Server V10 (Sword)');
    expect(parse('os-release', 'CentOS Linux release 7.9.2009 (Core)')['os.release']).toBe(
      'CentOS Linux release 7.9.2009 (Core)',
    );
    const hostnamectl = `   Static hostname: web01
         Icon name: computer-vm
  Operating System: Red Hat Enterprise Linux 8.8 (Ootpa)
            Kernel: Linux 4.18.0-477.10.1.el8_8.x86_64
      Architecture: x86-64`;
    expect(parse('os-release', hostnamectl)).toEqual({
      'os.release': 'Red Hat Enterprise Linux 8.8 (Ootpa)',
      'os.kernel': '4.18.0-477.10.1.el8_8.x86_64',
    });
  });

  it('systemctl is-active: one state, or several named by the echoed command', () => {
    expect(parse('systemctl-is-active', 'active\n')).toEqual({ 'service.active': 'active' });
    expect(
      parse(
        'systemctl-is-active',
        '[root@web01 ~]# systemctl is-active auditd rsyslog chronyd\nactive\nactive\ninactive\n',
      ),
    ).toEqual({
      'service.active:auditd': 'active',
      'service.active:rsyslog': 'active',
      'service.active:chronyd': 'inactive',
    });
  });

  it('systemctl status', () => {
    const status = `● auditd.service - Security Auditing Service
   Loaded: loaded (/usr/lib/systemd/system/auditd.service; enabled; vendor preset: enabled)
   Active: active (running) since Mon 2024-03-04 08:00:12 CST; 2h 41min ago
     Docs: man:auditd(8)
 Main PID: 912 (auditd)`;
    expect(parse('systemctl-status', status)).toMatchObject({
      'service.active:auditd': 'active',
      'service.active': 'active',
    });
    expect(parse('systemctl-status', 'Unit firewalld.service could not be found.')).toMatchObject({
      'service.active:firewalld': 'not-found',
    });
  });

  it('firewall-cmd --state, getenforce, sestatus, process limits', () => {
    expect(parse('firewall-cmd-state', 'not running\n')).toEqual({ 'firewalld.state': 'not running' });
    expect(parse('selinux', 'Permissive')).toEqual({ 'selinux.mode': 'Permissive' });
    expect(
      parse(
        'selinux',
        'SELinux status:                 enabled\nSELinuxfs mount:                /sys/fs/selinux\nCurrent mode:                   enforcing',
      ),
    ).toEqual({ 'selinux.mode': 'Enforcing' });
    expect(parse('selinux', 'SELinux status:                 disabled')).toEqual({ 'selinux.mode': 'Disabled' });
    expect(
      parse('proc-limits', 'Max open files            65535                65535                files     ')[
        'proc.maxOpenFiles'
      ],
    ).toBe(65535);
  });
});

describe('recognise: Linux outputs', () => {
  it('picks the right parser for each paste', () => {
    const cases: Array<[string, string]> = [
      [dfWrapped, 'df'],
      [dfChinese, 'df'],
      [sshdConfig, 'sshd-config'],
      ['PASS_MAX_DAYS   90\nPASS_MIN_LEN    8\n', 'login-defs'],
      [
        '              total        used        free      shared  buff/cache   available\nMem:           7821        1456         234          12        6130        6050\n',
        'free',
      ],
      ['Reference ID    : 0A0A0A01 (ntp1)\nStratum         : 3\nLeap status     : Normal\n', 'chronyc-tracking'],
      ['System clock synchronized: yes\n', 'timedatectl'],
      ['3.10.0-1160.el7.x86_64', 'uname'],
      ['active', 'systemctl-is-active'],
      ['running', 'firewall-cmd-state'],
      ['Enforcing', 'selinux'],
      ['export TMOUT=600', 'tmout'],
    ];
    for (const [text, parser] of cases) expect(recognise(text)?.parser, parser).toBe(parser);
  });

  it('recognises nothing in text that is no known output', () => {
    expect(recognise('')).toBeNull();
    expect(recognise('600')).toBeNull();
    expect(recognise('今天机房空调有告警，已通知物业。')).toBeNull();
  });
});
