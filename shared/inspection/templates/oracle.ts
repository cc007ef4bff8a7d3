import { defineTemplate } from './define';

const sqlplus = 'set lines 200 pages 100\n';
const profileQuery = `${sqlplus}select resource_name, limit from dba_profiles where profile = 'DEFAULT' and resource_type = 'PASSWORD';`;
const lastBackup =
  `${sqlplus}select status as bak_status, round((sysdate - end_time) * 24, 1) as hours_ago\n` +
  '  from (select status, end_time from v$rman_backup_job_details order by end_time desc)\n where rownum = 1;';

export const oracleDatabase = defineTemplate(
  {
    key: 'oracle',
    name: '数据库基线检查（Oracle）',
    assetTypes: ['database'],
    description:
      '适用于 Oracle 11g R2 / 12c / 19c（单实例与 RAC）。以 oracle 用户登录数据库服务器，sqlplus / as sysdba 执行 SQL；' +
      'SQL*Plus 表格输出可直接粘贴（先 set lines 200 pages 100，避免折行）。查询中的列别名（hours_ago 等）用于自动填入，请勿修改。',
  },
  [
    {
      id: 'inst',
      title: '实例与监听',
      items: [
        {
          id: 'ora.inst.version',
          title: '数据库版本与补丁',
          method: 'select banner from v$version;\n$ORACLE_HOME/OPatch/opatch lspatches',
          expected: '为仍在支持期内的版本（如 19c），并已安装近期的 RU/PSU',
          severity: 'minor',
          parser: 'sql:banner',
          guidance: '11g、12c 已结束常规支持：在报告中提示风险，建议升级到 19c；补丁须在测试环境验证后按变更流程安装。',
        },
        {
          id: 'ora.inst.status',
          title: '实例状态',
          method: `${sqlplus}select instance_name, status as inst_status from v$instance;`,
          expected: 'OPEN',
          kind: 'text',
          pattern: '^OPEN$',
          severity: 'critical',
          parser: 'sql:inst_status',
        },
        {
          id: 'ora.inst.listener',
          title: '监听状态',
          method: 'lsnrctl status',
          expected: '运行中，业务服务已注册（READY）',
          kind: 'choice',
          options: ['运行中', '未运行'],
          acceptable: ['运行中'],
          severity: 'critical',
          parser: 'oracle.listener',
          guidance:
            'lsnrctl start 启动监听；服务未注册时在数据库中执行 alter system register;，并检查 local_listener 参数。',
        },
        {
          id: 'ora.inst.alert',
          title: '告警日志',
          method:
            'adrci exec="show alert -tail 200" | grep ORA-\n或查看 $ORACLE_BASE/diag/rdbms/<库名>/<实例名>/trace/alert_<实例名>.log',
          expected: '近期无 ORA-00600、ORA-07445、ORA-01555、ORA-04031 等错误',
          guidance: 'ORA-00600 / ORA-07445 为内部错误，收集 trace 文件提交 Oracle 支持（SR）。',
        },
        {
          id: 'ora.inst.crs',
          title: '集群资源状态（RAC）',
          method: 'crsctl stat res -t',
          expected: '所有资源 ONLINE，无 OFFLINE / UNKNOWN（单实例选“不适用”）',
          severity: 'critical',
        },
      ],
    },
    {
      id: 'acct',
      title: '账户与口令',
      items: [
        {
          id: 'ora.acct.default-users',
          title: '处于 OPEN 状态的默认/示例账户数',
          method:
            `${sqlplus}select count(*) as open_cnt from dba_users where account_status = 'OPEN'\n` +
            "   and username in ('SCOTT','OUTLN','DBSNMP','ANONYMOUS','CTXSYS','MDSYS','OLAPSYS','ORDSYS','WMSYS','XDB');",
          expected: '0 个',
          kind: 'number',
          max: 0,
          unit: '个',
          parser: 'sql:open_cnt',
          guidance:
            'alter user <账户> account lock password expire;。DBSNMP 用于 OEM 监控，如客户在用则保留并修改口令，在备注中说明。',
        },
        {
          id: 'ora.acct.password-life',
          title: '口令有效期（DEFAULT profile 的 PASSWORD_LIFE_TIME）',
          method: profileQuery,
          expected: '≤ 90 天（UNLIMITED 不合格）',
          kind: 'number',
          max: 90,
          unit: '天',
          parser: 'oracle.profile:password_life_time',
          guidance:
            'alter profile default limit password_life_time 90;。应用账户口令过期会导致业务中断，应用账户可使用单独的 profile，并由客户确认。',
        },
        {
          id: 'ora.acct.failed-login',
          title: '登录失败锁定次数（FAILED_LOGIN_ATTEMPTS）',
          method: profileQuery,
          expected: '1 – 5 次',
          kind: 'number',
          min: 1,
          max: 5,
          unit: '次',
          parser: 'oracle.profile:failed_login_attempts',
          guidance: 'alter profile default limit failed_login_attempts 5 password_lock_time 1/24;（锁定 1 小时）。',
        },
        {
          id: 'ora.acct.verify-function',
          title: '口令复杂度校验函数（PASSWORD_VERIFY_FUNCTION）',
          method: profileQuery,
          expected: '已设置校验函数（如 ORA12C_VERIFY_FUNCTION），不为 NULL',
          kind: 'text',
          pattern: '^(?!null$|default$)\\S+$',
          parser: 'oracle.profile:password_verify_function',
          guidance:
            '以 sysdba 执行 @?/rdbms/admin/utlpwdmg.sql 创建校验函数，再 alter profile default limit password_verify_function ora12c_verify_function;。',
        },
        {
          id: 'ora.acct.dba-role',
          title: 'DBA 角色授予范围',
          method: "select grantee from dba_role_privs where granted_role = 'DBA';",
          expected: '仅 SYS、SYSTEM 及经客户批准的管理账户',
          guidance: '业务账户不应拥有 DBA 角色：回收前与应用方确认所需的具体权限，再按需单独授权。',
        },
      ],
    },
    {
      id: 'space',
      title: '空间与容量',
      items: [
        {
          id: 'ora.space.tablespace',
          title: '表空间使用率（最高）',
          method: `${sqlplus}select tablespace_name, round(used_percent, 2) as used_percent\n  from dba_tablespace_usage_metrics order by 2 desc;`,
          expected: '≤ 85%',
          kind: 'number',
          max: 85,
          unit: '%',
          parser: 'sql.max:used_percent',
          guidance:
            '该视图按数据文件可扩展到的最大大小计算（含 AUTOEXTEND）。扩容：alter tablespace <名称> add datafile ... size ... autoextend on;（ASM 写 +DATA）。',
        },
        {
          id: 'ora.space.fra',
          title: '快速恢复区使用率',
          method: `${sqlplus}select round(space_used / space_limit * 100, 2) as fra_pct from v$recovery_file_dest;`,
          expected: '≤ 80%',
          kind: 'number',
          max: 80,
          unit: '%',
          parser: 'sql:fra_pct',
          guidance:
            '快速恢复区写满会导致归档失败、数据库挂起：用 RMAN 删除已备份的归档（delete archivelog all backed up 1 times to device type disk;）或调大 db_recovery_file_dest_size。',
        },
        {
          id: 'ora.space.asm',
          title: 'ASM 磁盘组使用率（最高）',
          method: `${sqlplus}select name, round((1 - free_mb / total_mb) * 100, 2) as used_pct from v$asm_diskgroup;`,
          expected: '≤ 85%',
          kind: 'number',
          max: 85,
          unit: '%',
          parser: 'sql.max:used_pct',
          guidance: '未使用 ASM 时选“不适用”。',
        },
        {
          id: 'ora.space.filesystem',
          title: '数据文件与归档所在文件系统使用率',
          method: 'df -hP',
          expected: '≤ 80%',
          kind: 'number',
          max: 80,
          unit: '%',
          parser: 'disk.maxUsePercent',
        },
      ],
    },
    {
      id: 'bak',
      title: '备份与归档',
      items: [
        {
          id: 'ora.bak.archivelog',
          title: '归档模式',
          method: 'archive log list\n或 select log_mode from v$database;',
          expected: 'ARCHIVELOG',
          kind: 'choice',
          options: ['ARCHIVELOG', 'NOARCHIVELOG'],
          acceptable: ['ARCHIVELOG'],
          severity: 'critical',
          parser: 'oracle.logMode',
          guidance:
            '非归档模式只能恢复到最近一次冷备份。开启需停机：shutdown immediate → startup mount → alter database archivelog → alter database open。',
        },
        {
          id: 'ora.bak.status',
          title: '最近一次 RMAN 备份状态',
          method: lastBackup,
          expected: 'COMPLETED',
          kind: 'choice',
          options: ['COMPLETED', 'COMPLETED WITH WARNINGS', 'COMPLETED WITH ERRORS', 'FAILED', 'RUNNING'],
          acceptable: ['COMPLETED'],
          severity: 'critical',
          parser: 'sql:bak_status',
          guidance:
            '查看 RMAN 日志定位失败原因；备份由第三方软件（NBU、CommVault 等）调度时，同时核对备份软件的作业状态。',
        },
        {
          id: 'ora.bak.age',
          title: '最近一次备份距今',
          method: lastBackup,
          expected: '≤ 24 小时',
          kind: 'number',
          max: 24,
          unit: '小时',
          severity: 'critical',
          parser: 'sql:hours_ago',
        },
        {
          id: 'ora.bak.controlfile',
          title: '控制文件自动备份',
          method: 'rman target / 后执行：show controlfile autobackup;',
          expected: 'CONFIGURE CONTROLFILE AUTOBACKUP ON',
          severity: 'minor',
          guidance: 'RMAN> configure controlfile autobackup on;',
        },
        {
          id: 'ora.bak.restore-drill',
          title: '恢复演练',
          method: '查阅恢复演练记录',
          expected: '最近一个季度内做过恢复演练并有记录',
        },
      ],
    },
    {
      id: 'log',
      title: '审计与日志',
      items: [
        {
          id: 'ora.log.audit',
          title: '审计（audit_trail）',
          method: 'show parameter audit_trail',
          expected: 'DB、OS 或 XML 等（不为 NONE）',
          kind: 'text',
          pattern: '^(os|db|db,\\s*extended|xml|xml,\\s*extended)$',
          parser: 'oracle.param:audit_trail',
          guidance:
            "alter system set audit_trail = db, extended scope = spfile; 后重启生效。12c 及以上也可使用统一审计（select value from v$option where parameter = 'Unified Auditing';）。",
        },
        {
          id: 'ora.log.redo',
          title: '重做日志组与成员',
          method: `${sqlplus}select group#, thread#, members, bytes / 1024 / 1024 as mb, status from v$log;`,
          expected: '每个线程 ≥ 3 组，每组 ≥ 2 个成员且位于不同磁盘',
          severity: 'minor',
        },
      ],
    },
    {
      id: 'cfg',
      title: '配置',
      items: [
        {
          id: 'ora.cfg.processes',
          title: '进程与会话数使用率',
          method: `${sqlplus}select resource_name, current_utilization, max_utilization, limit_value\n  from v$resource_limit where resource_name in ('processes', 'sessions');`,
          expected: 'max_utilization 低于 limit_value 的 80%',
          severity: 'minor',
        },
        {
          id: 'ora.cfg.remote-login',
          title: '口令文件认证（remote_login_passwordfile）',
          method: 'show parameter remote_login_passwordfile',
          expected: 'EXCLUSIVE（或 NONE）',
          kind: 'text',
          pattern: '^(exclusive|none)$',
          severity: 'minor',
          parser: 'oracle.param:remote_login_passwordfile',
        },
      ],
    },
  ],
);
