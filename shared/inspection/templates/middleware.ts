import { defineTemplate } from './define';

export const middleware = defineTemplate(
  {
    key: 'middleware',
    name: '中间件基线检查（Tomcat / WebLogic / Nginx）',
    assetTypes: ['application'],
    description:
      '适用于 Nginx、Apache Tomcat、Oracle WebLogic 等 Web 与应用中间件，一个模板覆盖三类：只适用于某一类的检查项，' +
      '对其他类选“不适用”。$CATALINA_HOME 为 Tomcat 安装目录，$WL_HOME 为 WebLogic 安装目录，以现场实际路径替换。',
  },
  [
    {
      id: 'run',
      title: '版本与运行',
      items: [
        {
          id: 'mw.run.version',
          title: '中间件版本',
          method:
            'Nginx：nginx -v\nTomcat：$CATALINA_HOME/bin/version.sh\nWebLogic：java -cp $WL_HOME/server/lib/weblogic.jar weblogic.version',
          expected: '在厂商支持期内，无已公布的高危漏洞未修复',
          parser: 'mw.version',
          guidance:
            '对照厂商安全公告，如 Tomcat AJP 文件包含（CVE-2020-1938）、WebLogic T3/IIOP 反序列化系列漏洞、Nginx 解析漏洞；升级须在测试环境验证后按变更流程实施。',
        },
        {
          id: 'mw.run.jdk',
          title: 'JDK 版本',
          method: 'java -version\nTomcat：$CATALINA_HOME/bin/version.sh（JVM Version）',
          expected: '受支持的 JDK 版本，已打安全补丁',
          severity: 'minor',
          parser: 'mw.jvmVersion',
        },
        {
          id: 'mw.run.status',
          title: '服务运行状态',
          method:
            "systemctl is-active nginx（或 tomcat 等实际服务名）\nps -ef | grep -E '[n]ginx: master|[c]atalina|[w]eblogic.Server'",
          expected: 'active',
          kind: 'text',
          pattern: '^active$',
          severity: 'critical',
          guidance:
            '未以 systemd 服务方式管理的，用 ps 确认进程存在后手动选择合格，并建议改为服务方式管理以便开机自启。',
        },
        {
          id: 'mw.run.user',
          title: '运行账号',
          method: "ps -eo user,pid,args | grep -E '[n]ginx: worker|[c]atalina|[w]eblogic.Server'",
          expected: '以专用低权限账号运行（Nginx worker、Tomcat、WebLogic 进程均不为 root）',
          guidance:
            'Nginx 在 nginx.conf 设置 user nginx;；Tomcat/WebLogic 以专用账号启动，并把安装目录属主改为该账号。',
        },
      ],
    },
    {
      id: 'acct',
      title: '管理控制台与账号',
      items: [
        {
          id: 'mw.acct.console',
          title: '管理控制台访问控制',
          method:
            'Tomcat：ls $CATALINA_HOME/webapps；cat $CATALINA_HOME/webapps/manager/META-INF/context.xml\nWebLogic：控制台 → 域 → 安全 → 筛选器；或访问 http://<IP>:7001/console 验证',
          expected:
            'Tomcat manager、host-manager 已删除或仅允许运维地址访问（RemoteAddrValve）；WebLogic 控制台限制来源地址或使用独立管理端口',
          severity: 'critical',
        },
        {
          id: 'mw.acct.weak-password',
          title: '无默认/弱口令',
          method: "grep -E '<user ' $CATALINA_HOME/conf/tomcat-users.xml\nWebLogic：核对管理账号与口令策略",
          expected: '无 tomcat/tomcat、admin/admin、weblogic/weblogic 等默认口令，口令满足复杂度要求',
          severity: 'critical',
        },
      ],
    },
    {
      id: 'leak',
      title: '信息泄露与攻击面',
      items: [
        {
          id: 'mw.leak.server-tokens',
          title: '隐藏版本号（Nginx server_tokens）',
          method: "nginx -T 2>/dev/null | grep -E 'server_tokens'",
          expected: 'off',
          kind: 'text',
          pattern: '^off$',
          severity: 'minor',
          parser: 'mw.serverTokens',
          guidance:
            'Nginx 在 http 段加 server_tokens off;；Tomcat 在 server.xml 的 ErrorReportValve 设置 showServerInfo="false"。非 Nginx 选“不适用”。',
        },
        {
          id: 'mw.leak.listing',
          title: '目录浏览',
          method:
            "Nginx：nginx -T 2>/dev/null | grep autoindex\nTomcat：grep -A1 '<param-name>listings' $CATALINA_HOME/conf/web.xml",
          expected: '已关闭',
          kind: 'choice',
          options: ['已关闭', '已开启'],
          acceptable: ['已关闭'],
          parser: 'mw.directoryListing',
          guidance: 'Nginx：autoindex off;；Tomcat：conf/web.xml 中 DefaultServlet 的 listings 设为 false。',
        },
        {
          id: 'mw.leak.examples',
          title: '默认示例与文档',
          method: 'ls $CATALINA_HOME/webapps\nNginx：访问 http://<IP>/ 查看是否为默认欢迎页',
          expected: '无 examples、docs、host-manager 等默认应用；默认欢迎页已替换',
        },
        {
          id: 'mw.leak.error-page',
          title: '错误页面',
          method: 'curl -s http://127.0.0.1:8080/not-exist-page',
          expected: '错误页不显示中间件版本与异常堆栈',
          severity: 'minor',
        },
        {
          id: 'mw.leak.http-methods',
          title: '禁用 TRACE 等不安全的 HTTP 方法',
          method: "curl -s -o /dev/null -w '%{http_code}\\n' -X TRACE http://127.0.0.1:8080/",
          expected: '405（或 400、403、501）',
          kind: 'text',
          pattern: '^(400|403|405|501)$',
          severity: 'minor',
          guidance:
            'Tomcat Connector 默认 allowTrace="false"；Nginx 可用 if ($request_method !~ ^(GET|HEAD|POST)$) { return 405; }。',
        },
        {
          id: 'mw.leak.shutdown-port',
          title: 'Tomcat 关闭端口',
          method: "grep '<Server port' $CATALINA_HOME/conf/server.xml",
          expected: 'port="-1"（禁用），或 shutdown 指令已改为随机字符串',
          guidance: '默认 8005 端口收到 SHUTDOWN 即停止 Tomcat。非 Tomcat 选“不适用”。',
        },
        {
          id: 'mw.leak.ajp',
          title: 'Tomcat AJP 连接器',
          method: "grep -n 'AJP' $CATALINA_HOME/conf/server.xml",
          expected: 'AJP 连接器已注释或删除；确需使用时仅监听 127.0.0.1 并设置 secret',
          severity: 'critical',
          guidance: 'AJP 暴露时存在文件读取/包含漏洞（CVE-2020-1938）。非 Tomcat 选“不适用”。',
        },
        {
          id: 'mw.leak.weblogic-t3',
          title: 'WebLogic T3/IIOP 协议限制',
          method: 'WebLogic 控制台 → 域 → 安全 → 筛选器（连接筛选器规则）\n环境 → 服务器 → 协议 → IIOP',
          expected: 'T3/T3S 仅对可信地址开放（weblogic.security.net.ConnectionFilterImpl），未使用的 IIOP 已禁用',
          severity: 'critical',
          guidance: 'WebLogic 多个高危反序列化漏洞经 T3/IIOP 利用。非 WebLogic 选“不适用”。',
        },
      ],
    },
    {
      id: 'tls',
      title: '传输安全',
      items: [
        {
          id: 'mw.tls.protocols',
          title: '启用的 TLS 协议',
          method:
            "Nginx：nginx -T 2>/dev/null | grep ssl_protocols\nTomcat：grep -E 'sslEnabledProtocols|protocols=' $CATALINA_HOME/conf/server.xml",
          expected: '仅 TLSv1.2、TLSv1.3',
          kind: 'text',
          pattern: '^(TLSv1\\.[23])(\\s+TLSv1\\.[23])*$',
          parser: 'mw.tlsProtocols',
          guidance:
            'Nginx：ssl_protocols TLSv1.2 TLSv1.3;；Tomcat：SSLHostConfig 的 protocols="TLSv1.2+TLSv1.3"。未启用 HTTPS 时选“不适用”。',
        },
        {
          id: 'mw.tls.cert',
          title: '证书剩余有效期',
          method: 'openssl x509 -in <证书文件> -noout -enddate',
          expected: '≥ 30 天',
          kind: 'number',
          min: 30,
          unit: '天',
          parser: 'tls.certDaysLeft',
          guidance: '提前向客户提示续期；更换证书后用 openssl s_client -connect <域名>:443 验证证书链完整。',
        },
      ],
    },
    {
      id: 'log',
      title: '日志',
      items: [
        {
          id: 'mw.log.access',
          title: '访问日志',
          method:
            'Nginx：nginx -T 2>/dev/null | grep access_log\nTomcat：server.xml 中的 AccessLogValve\nWebLogic：环境 → 服务器 → 日志记录 → HTTP',
          expected: '已开启访问日志，记录来源地址、时间、请求与状态码',
        },
        {
          id: 'mw.log.rotate',
          title: '日志轮转与保留',
          method: 'cat /etc/logrotate.d/nginx\nls -lt $CATALINA_HOME/logs | head',
          expected: '按日轮转，保留 ≥ 180 天（或已外发至日志平台），不会占满磁盘',
          guidance: 'Tomcat 的 catalina.out 默认不轮转，可用 logrotate 的 copytruncate 方式处理。',
        },
      ],
    },
    {
      id: 'res',
      title: '资源',
      items: [
        {
          id: 'mw.res.jvm',
          title: 'JVM 内存参数',
          method: "ps -ef | grep -o -- '-Xm[sx][0-9]*[gGmMkK]'",
          expected: '-Xms 与 -Xmx 已显式设置且相等，不超过物理内存的 70%',
          severity: 'minor',
        },
        {
          id: 'mw.res.open-files',
          title: '进程打开文件数上限',
          method: "cat /proc/<进程号>/limits | grep 'open files'",
          expected: '≥ 65535',
          kind: 'number',
          min: 65535,
          unit: '个',
          severity: 'minor',
          parser: 'proc.maxOpenFiles',
          guidance:
            'systemd 服务在 unit 文件中设置 LimitNOFILE=65535；脚本启动的在 /etc/security/limits.conf 中为运行账号设置 nofile。',
        },
        {
          id: 'mw.res.disk',
          title: '安装与日志所在磁盘使用率',
          method: 'df -hP',
          expected: '≤ 80%',
          kind: 'number',
          max: 80,
          unit: '%',
          parser: 'disk.maxUsePercent',
        },
      ],
    },
  ],
);
