import { describe, expect, it } from 'vitest';
import {
  builtinTemplate,
  fillFromText,
  parse,
  parsersForKey,
  recognise,
  recogniseAll,
  valueKeyLabel,
  verdictFor,
} from '../../shared/inspection';

const linux = builtinTemplate('linux-server')!;
const byId = (id: string) => linux.items.find((item) => item.id === id)!;

// One session: several commands after their prompts, as copied from Xshell.
const session = `Last login: Mon Mar  4 09:12:01 2024 from 10.1.8.23\r
[root@web01 ~]# grep -E '^PASS_(MAX_DAYS|MIN_DAYS|MIN_LEN|WARN_AGE)' /etc/login.defs\r
PASS_MAX_DAYS	99999\r
PASS_MIN_DAYS	0\r
PASS_MIN_LEN	5\r
PASS_WARN_AGE	7\r
[root@web01 ~]# df -hP\r
Filesystem               Size  Used Avail Use% Mounted on\r
/dev/mapper/centos-root   50G   43G  7.0G  86% /\r
devtmpfs                 3.9G     0  3.9G   0% /dev\r
/dev/sda1               1014M  187M  828M  19% /boot\r
[root@web01 ~]# free -m\r
              total        used        free      shared  buff/cache   available\r
Mem:           7821        1456         234          12        6130        6050\r
Swap:          4095           0        4095\r
[root@web01 ~]# systemctl is-active auditd\r
active\r
[root@web01 ~]# grep -i '^PermitRootLogin' /etc/ssh/sshd_config\r
PermitRootLogin yes\r
[root@web01 ~]# `;

describe('recogniseAll and fillFromText', () => {
  it('splits a session into its commands and recognises each', () => {
    expect(recogniseAll(session).map((r) => [r.parser, r.command])).toEqual([
      ['login-defs', "grep -E '^PASS_(MAX_DAYS|MIN_DAYS|MIN_LEN|WARN_AGE)' /etc/login.defs"],
      ['df', 'df -hP'],
      ['free', 'free -m'],
      ['systemctl-is-active', 'systemctl is-active auditd'],
      ['sshd-config', "grep -i '^PermitRootLogin' /etc/ssh/sshd_config"],
    ]);
  });

  it('one paste fills every item it answers, with notes for the remark', () => {
    const { fills } = fillFromText(linux.items, session);
    const value = (id: string) => fills.find((f) => f.itemId === id)?.value;
    expect(value('linux.acct.pass-max-days')).toBe(99999);
    expect(value('linux.acct.pass-min-len')).toBe(5);
    expect(value('linux.acct.pass-warn-age')).toBe(7);
    expect(value('linux.res.disk')).toBe(86);
    expect(fills.find((f) => f.itemId === 'linux.res.disk')!.note).toContain('/ 86%');
    expect(value('linux.res.memory')).toBe(22.6);
    expect(value('linux.res.swap')).toBe(0);
    expect(value('linux.log.auditd')).toBe('active');
    expect(value('linux.ssh.permit-root')).toBe('yes');
    // And the verdicts follow.
    expect(verdictFor(byId('linux.acct.pass-max-days'), { value: value('linux.acct.pass-max-days')! })).toBe('fail');
    expect(verdictFor(byId('linux.res.disk'), { value: value('linux.res.disk')! })).toBe('fail');
    expect(verdictFor(byId('linux.log.auditd'), { value: value('linux.log.auditd')! })).toBe('pass');
    expect(verdictFor(byId('linux.ssh.permit-root'), { value: value('linux.ssh.permit-root')! })).toBe('fail');
    // Items the paste does not answer stay untouched; photos are never filled.
    expect(value('linux.svc.ntp')).toBeUndefined();
    expect(fills.some((f) => f.itemId === 'linux.hw.panel-photo')).toBe(false);
  });

  it('a bare "active" fills only the item it was pasted into', () => {
    expect(fillFromText(linux.items, 'active\n').fills).toEqual([]);
    expect(fillFromText(linux.items, 'active\n', { targetItemId: 'linux.log.auditd' }).fills).toEqual([
      { itemId: 'linux.log.auditd', key: 'service.active:auditd', value: 'active', parser: 'systemctl-is-active' },
    ]);
  });

  it('a one-line paste into an item without a parser result is taken as the value', () => {
    const { fills } = fillFromText(linux.items, '[root@web01 ~]# echo $TMOUT\n600\n', {
      targetItemId: 'linux.acct.tmout',
    });
    expect(fills).toEqual([{ itemId: 'linux.acct.tmout', key: '', value: '600', parser: '' }]);
    expect(verdictFor(byId('linux.acct.tmout'), { value: '600' })).toBe('pass');
    expect(fillFromText(linux.items, 'root\n', { targetItemId: 'linux.acct.uid0' }).fills[0]!.value).toBe('root');
  });

  it('fills a MySQL template, combining two commands into the connection usage', () => {
    const mysql = builtinTemplate('mysql')!;
    const paste = `mysql> SHOW GLOBAL STATUS LIKE 'Max_used_connections';
+----------------------+-------+
| Variable_name        | Value |
+----------------------+-------+
| Max_used_connections | 412   |
+----------------------+-------+
1 row in set (0.00 sec)

mysql> SHOW VARIABLES LIKE 'max_connections';
+-----------------+-------+
| Variable_name   | Value |
+-----------------+-------+
| max_connections | 500   |
+-----------------+-------+
1 row in set (0.00 sec)

mysql> SHOW VARIABLES LIKE 'slow_query_log';
+----------------+-------+
| Variable_name  | Value |
+----------------+-------+
| slow_query_log | ON    |
+----------------+-------+
1 row in set (0.00 sec)
`;
    const { fills } = fillFromText(mysql.items, paste);
    expect(fills.find((f) => f.itemId === 'mysql.cap.connections')).toMatchObject({
      value: 82.4,
      note: 'Max_used_connections 412 / max_connections 500',
    });
    expect(fills.find((f) => f.itemId === 'mysql.log.slow')?.value).toBe('ON');
    // A row count answers only the item it was pasted into.
    expect(fills.some((f) => f.itemId === 'mysql.acct.empty-password')).toBe(false);
    const empty = fillFromText(mysql.items, 'Empty set (0.00 sec)', { targetItemId: 'mysql.acct.empty-password' });
    expect(empty.fills).toEqual([
      { itemId: 'mysql.acct.empty-password', key: 'sql.rowCount', value: 0, parser: 'sql-result' },
    ]);
  });

  it('fills the Oracle template from SQL*Plus with the template’s own column aliases', () => {
    const oracle = builtinTemplate('oracle')!;
    const paste = `SQL> select status as bak_status, round((sysdate - end_time) * 24, 1) as hours_ago
  2    from (select status, end_time from v$rman_backup_job_details order by end_time desc)
  3   where rownum = 1;

BAK_STATUS                HOURS_AGO
----------------------- ----------
COMPLETED                      7.5

SQL> `;
    const { fills } = fillFromText(oracle.items, paste);
    expect(fills.map((f) => [f.itemId, f.value])).toEqual([
      ['ora.bak.status', 'COMPLETED'],
      ['ora.bak.age', 7.5],
    ]);
  });

  it('network template from a Huawei session', () => {
    const network = builtinTemplate('network-device')!;
    const paste = `<SW-01>display ntp-service status
 clock status: synchronized
 clock stratum: 3
 reference clock ID: 10.1.1.1
<SW-01>display current-configuration | include snmp-agent
 snmp-agent
 snmp-agent community read cipher %^%#abc%^%#
 snmp-agent community write private
<SW-01>`;
    const { fills } = fillFromText(network.items, paste);
    expect(fills.find((f) => f.itemId === 'net.log.ntp-sync')?.value).toBe('已同步');
    expect(fills.find((f) => f.itemId === 'net.mgmt.snmp')).toMatchObject({
      value: '存在默认/弱团体名',
      note: '团体名：private',
    });
  });
});

describe('recognise details', () => {
  it('a matching echoed command breaks ties and is reported', () => {
    expect(recognise('[root@web01 ~]# firewall-cmd --state\nrunning\n')).toMatchObject({
      parser: 'firewall-cmd-state',
      command: 'firewall-cmd --state',
    });
  });

  it('parse() refuses unknown parser names in Chinese', () => {
    expect(() => parse('nope', 'x')).toThrow('未知的输出解析器');
  });

  it('tells the UI which commands fill a key and what a key means', () => {
    expect(parsersForKey('ntp.synchronised').map((p) => p.name)).toEqual([
      'chronyc-tracking',
      'ntp-peers',
      'timedatectl',
      'w32tm-status',
      'net-ntp-status',
    ]);
    expect(parsersForKey('mysql.var:slow_query_log').map((p) => p.name)).toEqual(['sql-result']);
    expect(valueKeyLabel('login.passMaxDays')).toBe('PASS_MAX_DAYS（天）');
    expect(valueKeyLabel('service.active:auditd')).toBe('指定服务的状态（active/inactive/failed）：auditd');
  });
});

describe('robustness', () => {
  it('never throws on arbitrary text', async () => {
    const fc = await import('fast-check');
    const alphabet = fc.constantFrom(
      ' ',
      '\t',
      '\n',
      '\r',
      '-',
      '+',
      '|',
      ':',
      '%',
      '#',
      '>',
      '*',
      '=',
      'a',
      'Z',
      '0',
      '9',
      '.',
      '/',
      '内',
      '存',
      '：',
      '\u001b',
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 400 }).map((chars) => chars.join('')),
        (text) => {
          recogniseAll(text);
          fillFromText(linux.items, text, { targetItemId: 'linux.res.disk' });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays fast on pathological pastes (long blank runs, digit runs, huge tables)', () => {
    const pastes = [
      ' '.repeat(100_000),
      `x${' '.repeat(50_000)}y\n`.repeat(2),
      '9'.repeat(100_000),
      `${'-- '.repeat(30)}\n`.repeat(2000),
      `| a |\n`.repeat(20_000),
      `%Cpu(s): ${'1'.repeat(50_000)}`,
    ];
    for (const text of pastes) {
      const started = performance.now();
      recogniseAll(text);
      expect(performance.now() - started).toBeLessThan(3000);
    }
  });
});
