import { describe, expect, it } from 'vitest';
import { parse, recognise } from '../../shared/inspection';

describe('MySQL client output', () => {
  it("SHOW VARIABLES LIKE 'slow_query_log' as a boxed table", () => {
    const boxed = `mysql> SHOW VARIABLES LIKE 'slow_query_log';
+----------------+-------+
| Variable_name  | Value |
+----------------+-------+
| slow_query_log | OFF   |
+----------------+-------+
1 row in set (0.00 sec)

mysql> `;
    expect(parse('sql-result', boxed)).toMatchObject({ 'mysql.var:slow_query_log': 'OFF', 'sql.rowCount': 1 });
    expect(recognise(boxed)).toMatchObject({ parser: 'sql-result', command: "SHOW VARIABLES LIKE 'slow_query_log';" });
  });

  it('batch (mysql -e, tab-separated), \\G, numbers and several variables', () => {
    expect(parse('sql-result', 'Variable_name\tValue\nslow_query_log\tON\nlong_query_time\t2.000000\n')).toMatchObject({
      'mysql.var:slow_query_log': 'ON',
      'mysql.var:long_query_time': 2,
    });
    const vertical = `*************************** 1. row ***************************
Variable_name: validate_password.length
        Value: 8
*************************** 2. row ***************************
Variable_name: validate_password.policy
        Value: MEDIUM
2 rows in set (0.01 sec)`;
    expect(parse('sql-result', vertical)).toMatchObject({
      'mysql.var:validate_password.length': 8,
      'mysql.var:validate_password.policy': 'MEDIUM',
      'sql.rowCount': 2,
    });
  });

  it('connection usage from two pasted commands', () => {
    const two = `mysql> SHOW GLOBAL STATUS LIKE 'Max_used_connections';
+----------------------+-------+
| Variable_name        | Value |
+----------------------+-------+
| Max_used_connections | 412   |
+----------------------+-------+
1 row in set (0.00 sec)

+-----------------+-------+
| Variable_name   | Value |
+-----------------+-------+
| max_connections | 500   |
+-----------------+-------+
1 row in set (0.00 sec)`;
    expect(parse('sql-result', two)).toMatchObject({ 'mysql.connectionUsePercent': 82.4 });
  });

  it('mysql.user: anonymous accounts and where root may log in from', () => {
    const users = `+------------------+-----------+
| user             | host      |
+------------------+-----------+
| app              | 10.1.%    |
| root             | %         |
|                  | localhost |
| mysql.infoschema | localhost |
| mysql.session    | localhost |
| mysql.sys        | localhost |
| root             | localhost |
+------------------+-----------+
7 rows in set (0.00 sec)`;
    expect(parse('sql-result', users)).toMatchObject({
      'mysql.anonymousUsers': 1,
      'mysql.rootHosts': '%, localhost',
      'sql.rowCount': 7,
    });
  });

  it('Empty set is a row count of 0', () => {
    expect(
      parse(
        'sql-result',
        "mysql> SELECT user, host FROM mysql.user WHERE authentication_string = '';\nEmpty set (0.00 sec)\n",
      ),
    ).toEqual({ 'sql.rowCount': 0 });
  });

  it('SHOW REPLICA STATUS\\G', () => {
    const replica = `*************************** 1. row ***************************
             Replica_IO_State: Waiting for source to send event
                  Source_Host: 10.1.3.11
                  Source_User: repl
           Replica_IO_Running: Yes
          Replica_SQL_Running: No
                   Last_Error: Error 'Duplicate entry '1001' for key 'PRIMARY'' on query.
        Seconds_Behind_Source: NULL`;
    expect(parse('sql-result', replica)).toMatchObject({ 'mysql.replicationRunning': '异常' });
    expect(parse('sql-result', replica)['mysql.replicationLagSeconds']).toBeUndefined();
    const slave = replica
      .replace(/Replica_/g, 'Slave_')
      .replace('Slave_SQL_Running: No', 'Slave_SQL_Running: Yes')
      .replace('Seconds_Behind_Source: NULL', 'Seconds_Behind_Master: 3');
    expect(parse('sql-result', slave)).toMatchObject({
      'mysql.replicationRunning': '正常',
      'mysql.replicationLagSeconds': 3,
    });
  });
});

describe('Oracle SQL*Plus output', () => {
  it('tablespace usage: the maximum, with the tablespace named', () => {
    const tablespaces = `SQL> select tablespace_name, round(used_percent, 2) as used_percent from dba_tablespace_usage_metrics order by 2 desc;

TABLESPACE_NAME                USED_PERCENT
------------------------------ ------------
USERS_DATA                            88.46
SYSAUX                                 4.12
SYSTEM                                 2.95
UNDOTBS1                                .37
TEMP                                      0

5 rows selected.

SQL> `;
    const values = parse('sql-result', tablespaces);
    expect(values['sql.max:used_percent']).toBe(88.46);
    expect(values['note:sql.max:used_percent']).toBe('USERS_DATA：88.46');
    expect(values['sql.rowCount']).toBe(5);
    expect(recognise(tablespaces)?.parser).toBe('sql-result');
  });

  it('a repeated page header (pagesize) does not end the table', () => {
    const paged = `TABLESPACE_NAME                USED_PERCENT
------------------------------ ------------
SYSTEM                                 2.95

TABLESPACE_NAME                USED_PERCENT
------------------------------ ------------
ARCHIVE_2023                          91.2`;
    expect(parse('sql-result', paged)['sql.max:used_percent']).toBe(91.2);
  });

  it('the last RMAN backup: status with spaces, hours ago', () => {
    const backup = `BAK_STATUS                HOURS_AGO
----------------------- ----------
COMPLETED WITH WARNINGS       30.5`;
    expect(parse('sql-result', backup)).toMatchObject({
      'sql:bak_status': 'COMPLETED WITH WARNINGS',
      'sql:hours_ago': 30.5,
    });
  });

  it('dba_profiles and SHOW PARAMETER', () => {
    const profiles = `RESOURCE_NAME                    LIMIT
-------------------------------- ----------------------------------------
FAILED_LOGIN_ATTEMPTS            10
PASSWORD_LIFE_TIME               UNLIMITED
PASSWORD_REUSE_TIME              UNLIMITED
PASSWORD_REUSE_MAX               UNLIMITED
PASSWORD_VERIFY_FUNCTION         NULL
PASSWORD_LOCK_TIME               1
PASSWORD_GRACE_TIME              7

7 rows selected.`;
    expect(parse('sql-result', profiles)).toMatchObject({
      'oracle.profile:failed_login_attempts': 10,
      'oracle.profile:password_life_time': '无限制',
      'oracle.profile:password_verify_function': 'NULL',
    });
    const parameter = `SQL> show parameter audit_trail

NAME                                 TYPE        VALUE
------------------------------------ ----------- ------------------------------
audit_trail                          string      DB, EXTENDED`;
    expect(parse('sql-result', parameter)).toMatchObject({ 'oracle.param:audit_trail': 'DB, EXTENDED' });
  });

  it('lsnrctl status: running with services, and no listener', () => {
    const running = `LSNRCTL for Linux: Version 19.0.0.0.0 - Production on 04-MAR-2024 10:41:56

Copyright (c) 1991, 2019, Oracle.  All rights reserved.

Connecting to (DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db01)(PORT=1521)))
STATUS of the LISTENER
------------------------
Alias                     LISTENER
Version                   TNSLSNR for Linux: Version 19.0.0.0.0 - Production
Start Date                01-FEB-2024 08:00:12
Uptime                    32 days 2 hr. 41 min. 44 sec
Listener Parameter File   /u01/app/oracle/product/19.0.0/dbhome_1/network/admin/listener.ora
Services Summary...
Service "ORCL" has 1 instance(s).
  Instance "ORCL", status READY, has 1 handler(s) for this service...
Service "ORCLXDB" has 1 instance(s).
  Instance "ORCL", status READY, has 1 handler(s) for this service...
The command completed successfully`;
    expect(parse('lsnrctl-status', running)).toEqual({
      'oracle.listener': '运行中',
      'note:oracle.listener': '服务 ORCL、ORCLXDB；READY 实例 2 个',
    });
    const down = `LSNRCTL for Linux: Version 11.2.0.4.0 - Production on 04-MAR-2024 10:41:56

Connecting to (ADDRESS=(PROTOCOL=tcp)(HOST=)(PORT=1521))
TNS-12541: TNS:no listener
 TNS-12560: TNS:protocol adapter error
  TNS-00511: No listener
   Linux Error: 111: Connection refused`;
    expect(parse('lsnrctl-status', down)['oracle.listener']).toBe('未运行');
    expect(recognise(running)?.parser).toBe('lsnrctl-status');
  });

  it('archive log list, English and Chinese NLS', () => {
    expect(
      parse(
        'archive-log-list',
        'Database log mode              Archive Mode\nAutomatic archival             Enabled\nArchive destination            USE_DB_RECOVERY_FILE_DEST',
      ),
    ).toEqual({ 'oracle.logMode': 'ARCHIVELOG' });
    expect(parse('archive-log-list', '数据库日志模式            非存档模式\n自动存档             禁用')).toEqual({
      'oracle.logMode': 'NOARCHIVELOG',
    });
    expect(parse('sql-result', 'LOG_MODE\n------------\nARCHIVELOG')).toMatchObject({ 'oracle.logMode': 'ARCHIVELOG' });
  });
});

describe('middleware', () => {
  it('versions: nginx, Tomcat, WebLogic', () => {
    expect(parse('middleware-version', 'nginx version: nginx/1.20.1')).toEqual({ 'mw.version': 'nginx/1.20.1' });
    const tomcat = `Using CATALINA_BASE:   /opt/tomcat
Server version: Apache Tomcat/9.0.85
Server built:   Jan 5 2024 08:27:50 UTC
Server number:  9.0.85.0
OS Name:        Linux
OS Version:     3.10.0-1160.el7.x86_64
Architecture:   amd64
JVM Version:    1.8.0_392-b08
JVM Vendor:     Red Hat, Inc.`;
    expect(parse('middleware-version', tomcat)).toEqual({
      'mw.version': 'Apache Tomcat/9.0.85',
      'mw.jvmVersion': '1.8.0_392-b08',
    });
    expect(
      parse(
        'middleware-version',
        "\nWebLogic Server 12.2.1.4.0 Thu Sep 12 04:04:29 GMT 2019 1981264\n\nUse 'weblogic.version -verbose' to see the individual subsystem versions.",
      )['mw.version'],
    ).toBe('WebLogic Server 12.2.1.4.0');
  });

  it('nginx -T: server_tokens, autoindex, ssl_protocols; Tomcat listings and protocols', () => {
    const nginx = `nginx: the configuration file /etc/nginx/nginx.conf syntax is ok
nginx: configuration file /etc/nginx/nginx.conf test is successful
# configuration file /etc/nginx/nginx.conf:
user nginx;
http {
    server_tokens off;
    server {
        listen 443 ssl;
        ssl_protocols TLSv1 TLSv1.1 TLSv1.2;
        location /download/ {
            autoindex on;
        }
    }
}`;
    expect(parse('middleware-config', nginx)).toEqual({
      'mw.serverTokens': 'off',
      'mw.directoryListing': '已开启',
      'mw.tlsProtocols': 'TLSv1 TLSv1.1 TLSv1.2',
    });
    const defaults = '# configuration file /etc/nginx/nginx.conf:\nhttp {\n    server { listen 80; }\n}';
    expect(parse('middleware-config', defaults)).toMatchObject({
      'mw.serverTokens': 'on',
      'mw.directoryListing': '已关闭',
    });
    const webXml = `        <init-param>
            <param-name>listings</param-name>
            <param-value>false</param-value>
        </init-param>`;
    expect(parse('middleware-config', webXml)).toEqual({ 'mw.directoryListing': '已关闭' });
    expect(parse('middleware-config', '<SSLHostConfig protocols="TLSv1.2+TLSv1.3">')).toEqual({
      'mw.tlsProtocols': 'TLSv1.2 TLSv1.3',
    });
  });

  it('openssl x509 -enddate: days left from "now"', () => {
    const now = new Date('2024-03-04T00:00:00Z');
    expect(parse('openssl-x509', 'notAfter=Jun  1 12:00:00 2024 GMT', { now })).toMatchObject({
      'tls.certDaysLeft': 89,
      'tls.certNotAfter': '2024-06-01',
    });
    expect(parse('openssl-x509', '            Not After : Feb 20 23:59:59 2024 GMT', { now })['tls.certDaysLeft']).toBe(
      -13,
    );
  });
});
