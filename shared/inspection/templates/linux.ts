import { defineTemplate, syncedOptions } from './define';

export const linuxServer = defineTemplate(
  {
    key: 'linux-server',
    name: 'Linux 服务器基线检查',
    assetTypes: ['server'],
    description:
      '适用于 CentOS / RHEL 6–9、银河麒麟（Kylin）V10、openEuler 等 Linux 服务器。以 root（或 sudo）执行检查命令；' +
      '命令输出可直接粘贴到检查项，系统自动读取数值并判定。阈值为常用基线取值，项目可按客户安全规范调整。',
  },
  [
    {
      id: 'sys',
      title: '系统信息',
      items: [
        {
          id: 'linux.sys.os-release',
          title: '操作系统版本',
          method: 'cat /etc/redhat-release\n麒麟：cat /etc/kylin-release\n通用：cat /etc/os-release',
          expected: '与交付清单一致，且为厂商仍在支持周期内的版本',
          severity: 'minor',
          parser: 'os.release',
          guidance:
            '记录实际版本。CentOS 7 已于 2024-06-30 停止维护，CentOS 8 已于 2021-12-31 停止维护，不再获得安全更新：' +
            '在报告中提示风险，并建议迁移至 RHEL、麒麟 V10、openEuler 等仍在支持期内的版本或购买延保。',
        },
        {
          id: 'linux.sys.kernel',
          title: '内核版本',
          method: 'uname -r',
          expected: '与同批次服务器一致，无已公布的高危漏洞未修复',
          severity: 'minor',
          parser: 'os.kernel',
          guidance: '与厂商安全公告比对。升级内核需要重启，须按变更流程在维护窗口实施，并保留旧内核作为回退。',
        },
        {
          id: 'linux.sys.patch',
          title: '安全补丁',
          method:
            'rpm -qa --last | head -20\nyum updateinfo list security\nRHEL 8+/麒麟：dnf updateinfo list --security',
          expected: '近 6 个月内做过补丁更新，无未修复的 Critical / Important 安全更新',
          guidance:
            '现场无外网时使用客户内网 yum 源或离线补丁包。更新前做好快照或备份，按变更流程实施，更新后确认业务正常。',
        },
        {
          id: 'linux.sys.selinux',
          title: 'SELinux 状态',
          method: 'getenforce\n或 sestatus',
          expected: 'Enforcing',
          kind: 'choice',
          options: ['Enforcing', 'Permissive', 'Disabled'],
          acceptable: ['Enforcing'],
          severity: 'minor',
          parser: 'selinux.mode',
          guidance:
            '修改 /etc/selinux/config 中 SELINUX=enforcing，重启生效（由 Disabled 改为 Enforcing 前先 touch /.autorelabel）。' +
            '如业务软件明确要求关闭，记录为偏差并由客户确认，可选“不适用”并在备注中说明。',
        },
        {
          id: 'linux.sys.timezone',
          title: '时区',
          method: 'timedatectl',
          expected: 'Asia/Shanghai',
          kind: 'text',
          pattern: '^Asia/(Shanghai|Chongqing|Harbin|Urumqi)$',
          severity: 'minor',
          parser: 'os.timezone',
          guidance: 'timedatectl set-timezone Asia/Shanghai；修改后重启依赖时区的应用。',
        },
      ],
    },
    {
      id: 'acct',
      title: '账号与口令',
      items: [
        {
          id: 'linux.acct.pass-max-days',
          title: '口令最长使用期限（PASS_MAX_DAYS）',
          method: "grep -E '^PASS_(MAX_DAYS|MIN_DAYS|MIN_LEN|WARN_AGE)' /etc/login.defs",
          expected: '≤ 90 天',
          kind: 'number',
          max: 90,
          unit: '天',
          parser: 'login.passMaxDays',
          guidance:
            '在 /etc/login.defs 设置 PASS_MAX_DAYS 90。该设置只对之后新建的账号生效：已有账号执行 chage -M 90 <用户名>，' +
            '并用 chage -l <用户名> 核对。应用程序使用的系统账号口令过期会导致业务中断，需与客户确认后处理。',
        },
        {
          id: 'linux.acct.pass-min-len',
          title: '口令最小长度（PASS_MIN_LEN）',
          method: "grep -E '^PASS_MIN_LEN' /etc/login.defs\ngrep -E '^\\s*minlen' /etc/security/pwquality.conf",
          expected: '≥ 8 位',
          kind: 'number',
          min: 8,
          unit: '位',
          parser: 'login.passMinLen',
          guidance:
            'RHEL/CentOS 7 及以后、麒麟 V10 的口令长度实际由 pam_pwquality 控制：在 /etc/security/pwquality.conf 设置 minlen = 8（或更高）；' +
            '同时把 login.defs 中 PASS_MIN_LEN 设为 8，两处保持一致。',
        },
        {
          id: 'linux.acct.pass-warn-age',
          title: '口令到期提前告警天数（PASS_WARN_AGE）',
          method: "grep -E '^PASS_WARN_AGE' /etc/login.defs",
          expected: '≥ 7 天',
          kind: 'number',
          min: 7,
          unit: '天',
          severity: 'minor',
          parser: 'login.passWarnAge',
          guidance: '在 /etc/login.defs 设置 PASS_WARN_AGE 7；已有账号执行 chage -W 7 <用户名>。',
        },
        {
          id: 'linux.acct.pwquality',
          title: '口令复杂度',
          method:
            "grep -Ev '^\\s*(#|$)' /etc/security/pwquality.conf\ngrep pam_pwquality /etc/pam.d/system-auth /etc/pam.d/password-auth",
          expected: 'minlen ≥ 8，且至少包含 3 类字符（minclass = 3，或 dcredit/ucredit/lcredit/ocredit = -1）',
          guidance:
            '在 /etc/security/pwquality.conf 设置 minlen = 8、minclass = 3，并确认 system-auth 与 password-auth 中启用了 pam_pwquality.so' +
            '（CentOS 6 为 pam_cracklib.so）。',
        },
        {
          id: 'linux.acct.lockout',
          title: '登录失败锁定',
          method:
            "grep -E 'pam_(faillock|tally2)' /etc/pam.d/system-auth /etc/pam.d/password-auth\nRHEL 8+/麒麟：grep -Ev '^\\s*(#|$)' /etc/security/faillock.conf",
          expected: '连续失败 5 次锁定，锁定时间 ≥ 10 分钟（如 deny=5 unlock_time=600）',
          guidance:
            'RHEL 8+/麒麟 V10：authselect enable-feature with-faillock，在 /etc/security/faillock.conf 设置 deny = 5、unlock_time = 600；' +
            'CentOS 7：在 system-auth、password-auth 中配置 pam_faillock.so 或 pam_tally2.so。修改 PAM 前保留一个已登录的 root 会话，以免配置错误后无法登录。',
        },
        {
          id: 'linux.acct.uid0',
          title: 'UID 为 0 的账号',
          method: "awk -F: '($3 == 0) {print $1}' /etc/passwd",
          expected: '仅 root',
          kind: 'text',
          pattern: '^root$',
          severity: 'critical',
          guidance:
            '查明多余 UID 0 账号的来源，确认后删除，或改为普通 UID（usermod -u <新UID> <用户名>）并通过 sudo 授权。',
        },
        {
          id: 'linux.acct.empty-password',
          title: '空口令账号数',
          method: 'awk -F: \'($2 == "") {print $1}\' /etc/shadow | wc -l',
          expected: '0 个',
          kind: 'number',
          max: 0,
          unit: '个',
          severity: 'critical',
          guidance: '为空口令账号设置口令（passwd <用户名>），不使用的锁定（passwd -l <用户名>）或删除。',
        },
        {
          id: 'linux.acct.unused',
          title: '无多余、过期账号',
          method: "awk -F: '$3 >= 1000 {print $1, $7}' /etc/passwd\nlastlog | grep -v 'Never logged in'",
          expected: '无离职人员、测试及长期未使用的账号；系统账号的 shell 为 /sbin/nologin',
          severity: 'minor',
          guidance: '与客户核对账号清单，无用账号删除（userdel）或锁定（usermod -L <用户名>）。',
        },
        {
          id: 'linux.acct.tmout',
          title: '会话超时（TMOUT）',
          method:
            "echo $TMOUT\ngrep -rE '^\\s*(export\\s+|readonly\\s+)?TMOUT=' /etc/profile /etc/profile.d/ /etc/bashrc",
          expected: '1 – 600 秒',
          kind: 'number',
          min: 1,
          max: 600,
          unit: '秒',
          parser: 'shell.tmout',
          guidance:
            '新建 /etc/profile.d/tmout.sh，写入 TMOUT=600、readonly TMOUT、export TMOUT。TMOUT 未设置或为 0 表示不超时，判为不合格（输出为空时填 0）。',
        },
      ],
    },
    {
      id: 'ssh',
      title: '远程登录',
      items: [
        {
          id: 'linux.ssh.permit-root',
          title: '禁止 root 远程登录（PermitRootLogin）',
          method:
            "grep -i '^PermitRootLogin' /etc/ssh/sshd_config\n以实际生效值为准：sshd -T | grep -i permitrootlogin",
          expected: 'no',
          kind: 'text',
          pattern: '^no$',
          severity: 'critical',
          parser: 'ssh.permitRootLogin',
          guidance:
            '先创建可 sudo 的运维账号并确认能登录，再在 /etc/ssh/sshd_config 设置 PermitRootLogin no，执行 sshd -t 检查语法后 systemctl reload sshd。' +
            '注意：sshd 对同一关键字以第一次出现的值为准；RHEL 9 等系统先读取 Include 的 /etc/ssh/sshd_config.d/*.conf。',
        },
        {
          id: 'linux.ssh.empty-passwords',
          title: '禁止空口令登录（PermitEmptyPasswords）',
          method: "grep -i '^PermitEmptyPasswords' /etc/ssh/sshd_config",
          expected: 'no',
          kind: 'text',
          pattern: '^no$',
          severity: 'critical',
          parser: 'ssh.permitEmptyPasswords',
          guidance: '设置 PermitEmptyPasswords no（OpenSSH 默认即为 no，未配置视为 no）。',
        },
        {
          id: 'linux.ssh.max-auth-tries',
          title: 'SSH 单次连接最大认证次数（MaxAuthTries）',
          method: "grep -i '^MaxAuthTries' /etc/ssh/sshd_config",
          expected: '≤ 5 次',
          kind: 'number',
          min: 1,
          max: 5,
          unit: '次',
          severity: 'minor',
          parser: 'ssh.maxAuthTries',
          guidance: '设置 MaxAuthTries 5（默认 6），systemctl reload sshd。',
        },
        {
          id: 'linux.ssh.plaintext',
          title: '未启用 Telnet、FTP 等明文协议',
          method: "ss -tlnp | grep -E ':(21|23|512|513|514)\\b'\nsystemctl is-enabled telnet.socket vsftpd 2>/dev/null",
          expected: '21、23、512–514 端口无监听；telnet-server、rsh-server 未安装或已禁用',
          severity: 'critical',
          guidance: 'systemctl disable --now telnet.socket vsftpd；确需文件传输时改用 SFTP（随 SSH 提供）。',
        },
      ],
    },
    {
      id: 'log',
      title: '日志与审计',
      items: [
        {
          id: 'linux.log.auditd',
          title: 'auditd 审计服务运行',
          method: 'systemctl is-active auditd',
          expected: 'active',
          kind: 'text',
          pattern: '^active$',
          parser: 'service.active:auditd',
          guidance:
            'systemctl enable --now auditd。auditd 不能用 systemctl restart 重启，需 service auditd restart；审计规则放在 /etc/audit/rules.d/。',
        },
        {
          id: 'linux.log.rsyslog',
          title: '系统日志服务及日志外发',
          method: "systemctl is-active rsyslog\ngrep -E '^[^#].*@' /etc/rsyslog.conf /etc/rsyslog.d/*.conf",
          expected: 'rsyslog 为 active，并已将日志发送至客户日志服务器（如 *.* @@10.x.x.x:514）',
          guidance:
            '新建 /etc/rsyslog.d/remote.conf，写入 *.* @@<日志服务器IP>:514（@@ 为 TCP），systemctl restart rsyslog。客户未建设日志服务器时在备注中说明。',
        },
        {
          id: 'linux.log.retention',
          title: '日志保留时间',
          method: "grep -E '^\\s*(daily|weekly|monthly|rotate)' /etc/logrotate.conf",
          expected: '本地或日志服务器保留 ≥ 180 天',
          guidance:
            '《网络安全法》要求网络日志留存不少于六个月：如 weekly 配合 rotate 26；或确认日志服务器保留 ≥ 180 天。',
        },
        {
          id: 'linux.log.history',
          title: '命令历史记录',
          method: "grep -E 'HISTSIZE|HISTTIMEFORMAT' /etc/profile /etc/profile.d/*.sh",
          expected: 'HISTSIZE ≥ 1000，并设置了 HISTTIMEFORMAT 记录执行时间',
          severity: 'minor',
          guidance: "新建 /etc/profile.d/history.sh，写入 HISTSIZE=5000 与 HISTTIMEFORMAT='%F %T '，并 export。",
        },
      ],
    },
    {
      id: 'svc',
      title: '服务与时间',
      items: [
        {
          id: 'linux.svc.ntp',
          title: '时间同步',
          method: 'chronyc tracking\nntpd：ntpq -pn\n或 timedatectl',
          expected: '已同步',
          kind: 'choice',
          ...syncedOptions,
          parser: 'ntp.synchronised',
          guidance:
            '在 /etc/chrony.conf 配置客户指定的 NTP 服务器（server <IP> iburst），systemctl enable --now chronyd；内网没有 NTP 服务器时与客户确定统一时间源。',
        },
        {
          id: 'linux.svc.ntp-offset',
          title: '与时间源的偏差',
          method: 'chronyc tracking（System time 行）\n或 ntpq -pn（offset 列）',
          expected: '≤ 1000 毫秒',
          kind: 'number',
          max: 1000,
          unit: '毫秒',
          severity: 'minor',
          parser: 'ntp.offsetMs',
          guidance: '偏差大时先 chronyc makestep 一次性校准，再检查时间源的网络可达性与 chronyd 日志。',
        },
        {
          id: 'linux.svc.firewall',
          title: '主机防火墙',
          method: 'firewall-cmd --state\niptables：iptables -S',
          expected: 'running，且只开放业务所需端口',
          kind: 'choice',
          options: ['running', 'not running'],
          acceptable: ['running'],
          parser: 'firewalld.state',
          guidance:
            'systemctl enable --now firewalld，按端口清单添加规则（firewall-cmd --permanent --add-port=<端口>/tcp 后 --reload）。' +
            '如客户统一由边界防火墙管控、明确不启用主机防火墙，选“不适用”并在备注中记录客户确认人。',
        },
        {
          id: 'linux.svc.unneeded',
          title: '已启用的非必要服务',
          method: 'systemctl list-unit-files --type=service --state=enabled',
          expected: '无',
          kind: 'multiChoice',
          options: [
            '无',
            'telnet / rsh / rlogin',
            'vsftpd',
            'avahi-daemon',
            'cups',
            'postfix（非邮件服务器）',
            'nfs-server / rpcbind（未使用 NFS）',
            'bluetooth',
            'xinetd',
          ],
          acceptable: ['无'],
          guidance: '确认不需要后 systemctl disable --now <服务名>；勾选的服务在备注中逐一记录处理结果。',
        },
        {
          id: 'linux.svc.ports',
          title: '监听端口与业务清单一致',
          method: 'ss -tulnp',
          expected: '每个监听端口都能对应到业务或运维需要',
          severity: 'minor',
          guidance: '不明端口按 ss -tulnp 显示的进程查明来源，无用的停止并禁用相应服务。',
        },
      ],
    },
    {
      id: 'res',
      title: '资源与容量',
      items: [
        {
          id: 'linux.res.disk',
          title: '磁盘使用率（最高的文件系统）',
          method: 'df -hP',
          expected: '各文件系统使用率 ≤ 80%',
          kind: 'number',
          max: 80,
          unit: '%',
          parser: 'disk.maxUsePercent',
          guidance:
            '先找大目录（du -xsh /var/log/* | sort -h），清理过期日志与临时文件或扩容。正在被进程写入的日志不要直接删除（空间不会释放），应清空（> 文件名）或交给 logrotate。',
        },
        {
          id: 'linux.res.inode',
          title: 'inode 使用率（最高的文件系统）',
          method: 'df -iP',
          expected: '≤ 80%',
          kind: 'number',
          max: 80,
          unit: '%',
          severity: 'minor',
          parser: 'disk.maxInodeUsePercent',
          guidance: 'inode 耗尽时即使有空间也无法建文件；通常是未清理的会话、缓存或邮件队列小文件，找出目录后清理。',
        },
        {
          id: 'linux.res.memory',
          title: '内存使用率',
          method: 'free -m',
          expected: '≤ 85%（按 total − available 计算）',
          kind: 'number',
          max: 85,
          unit: '%',
          parser: 'memory.usedPercent',
          guidance:
            '用 ps aux --sort=-rss | head 找出占用最多的进程，判断是否内存泄漏或需要扩容。缓存（buff/cache）可回收，不计入使用率。',
        },
        {
          id: 'linux.res.swap',
          title: 'swap 使用率',
          method: 'free -m',
          expected: '≤ 30%',
          kind: 'number',
          max: 30,
          unit: '%',
          severity: 'minor',
          parser: 'swap.usedPercent',
          guidance: 'swap 持续被使用说明物理内存不足，结合 vmstat 1 5 的 si/so 列判断是否在频繁换页。',
        },
        {
          id: 'linux.res.cpu',
          title: 'CPU 使用率',
          method: "top -bn2 -d1 | grep 'Cpu(s)' | tail -1\n或 vmstat 1 5",
          expected: '≤ 80%',
          kind: 'number',
          max: 80,
          unit: '%',
          severity: 'minor',
          parser: 'cpu.usedPercent',
          guidance: '用 top -o %CPU 找出占用高的进程，确认是否为正常业务负载；持续高负载需评估扩容。',
        },
      ],
    },
    {
      id: 'hw',
      title: '硬件与现场',
      items: [
        {
          id: 'linux.hw.bmc',
          title: '硬件健康状态（BMC）',
          method: '登录 iBMC / iDRAC / iLO / XClarity 查看告警\n或 ipmitool sel elist | tail -20',
          expected: '无未恢复的硬件告警（电源、风扇、内存、硬盘、RAID）',
          guidance: '有告警时记录部件、告警码与发生时间，联系硬件厂商报修；BMC 默认口令同时检查是否已修改。',
        },
        {
          id: 'linux.hw.panel-photo',
          title: '设备前面板告警灯照片',
          method: '现场拍摄服务器前面板（含资产标签）',
          expected: '照片清晰，能看清指示灯与资产标签；无橙色/红色告警灯',
          kind: 'photo',
          guidance: '拍摄前核对机柜与 U 位，避免拍错设备；有告警灯时同时拍下 BMC 告警页面。',
        },
      ],
    },
  ],
);
