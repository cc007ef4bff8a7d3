/**
 * Parsers for middleware: Nginx, Tomcat, WebLogic versions and configuration, certificates.
 */
import { note, type OutputParser, type ParsedValues } from './parser-types';

const middlewareVersion: OutputParser = {
  name: 'middleware-version',
  label: '中间件版本（nginx -v / version.sh / weblogic.version）',
  commands: ['nginx -v', '$CATALINA_HOME/bin/version.sh', 'java -cp $WL_HOME/server/lib/weblogic.jar weblogic.version'],
  command: /(nginx\s+-[vV]|version\.sh|weblogic\.version)/,
  produces: ['mw.version', 'mw.jvmVersion'],
  detect: (paste) =>
    /^\s*(nginx|Tengine) version:|^\s*Server version:\s*Apache Tomcat|^\s*WebLogic Server \d/im.test(paste.text)
      ? 95
      : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    const text = paste.text;
    const nginx = /^\s*(?:nginx|Tengine) version:\s*(\S+(?:\s+\(nginx\/[\d.]+\))?)/im.exec(text);
    const tomcat = /^\s*Server version:\s*(Apache Tomcat\/\S+)/im.exec(text);
    const weblogic = /^\s*WebLogic Server (\d+(?:\.\d+)+)/im.exec(text);
    const version = nginx?.[1] ?? tomcat?.[1] ?? (weblogic ? `WebLogic Server ${weblogic[1]}` : undefined);
    if (version) values['mw.version'] = version;
    const jvm = /^\s*JVM Version:\s*(\S+)/im.exec(text);
    if (jvm) values['mw.jvmVersion'] = jvm[1]!;
    const patches = [...text.matchAll(/^\s*(?:WebLogic Server Temporary Patch|PSU|Patch)\b.*$/gim)].length;
    if (weblogic && patches) values[note('mw.version')] = `已安装补丁 ${patches} 个`;
    return values;
  },
};

const nginxDirective = (name: string) => new RegExp(`^\\s*${name}\\s+([^;#]+);`);

const middlewareConfig: OutputParser = {
  name: 'middleware-config',
  label: '中间件配置（nginx -T / Tomcat web.xml、server.xml）',
  commands: [
    'nginx -T 2>/dev/null | grep -E "server_tokens|autoindex|ssl_protocols"',
    "grep -A1 '<param-name>listings' $CATALINA_HOME/conf/web.xml",
    'grep -E "sslEnabledProtocols|protocols=" $CATALINA_HOME/conf/server.xml',
  ],
  command: /(nginx\s+-T|nginx\.conf|web\.xml|server\.xml)/,
  produces: ['mw.serverTokens', 'mw.directoryListing', 'mw.tlsProtocols'],
  detect: (paste) =>
    /^\s*(server_tokens|autoindex|ssl_protocols)\s+[^;]+;/m.test(paste.text) ||
    /<param-name>\s*listings\s*<\/param-name>/.test(paste.text) ||
    /(sslEnabledProtocols|sslProtocol|protocols)="[^"]*TLS/i.test(paste.text) ||
    /configuration file \S*nginx\.conf (syntax is ok|test is successful)|^# configuration file \S+:$/m.test(paste.text)
      ? 85
      : 0,
  parse(paste): ParsedValues {
    const values: ParsedValues = {};
    const lines = paste.lines.filter((line) => !/^\s*#/.test(line));
    const wholeNginx = /^# configuration file \S+:$/m.test(paste.text);
    const tokens = lines
      .map((line) => nginxDirective('server_tokens').exec(line)?.[1]?.trim())
      .filter((v): v is string => Boolean(v));
    if (tokens.length)
      values['mw.serverTokens'] = tokens.some((v) => v !== 'off') ? tokens.find((v) => v !== 'off')! : 'off';
    else if (wholeNginx) {
      values['mw.serverTokens'] = 'on';
      values[note('mw.serverTokens')] = '未配置 server_tokens，默认 on（响应头显示版本号）';
    }
    const autoindex = lines.map((line) => nginxDirective('autoindex').exec(line)?.[1]?.trim()).filter(Boolean);
    const listings = /<param-name>\s*listings\s*<\/param-name>\s*<param-value>\s*(true|false)\s*<\/param-value>/i.exec(
      paste.text.replace(/\n/g, ' '),
    );
    if (autoindex.includes('on') || listings?.[1]?.toLowerCase() === 'true') values['mw.directoryListing'] = '已开启';
    else if (autoindex.length || listings || wholeNginx) values['mw.directoryListing'] = '已关闭';
    const protocols = new Set<string>();
    for (const line of lines) {
      const nginx = nginxDirective('ssl_protocols').exec(line);
      if (nginx)
        nginx[1]!
          .trim()
          .split(/\s+/)
          .forEach((p) => protocols.add(p));
      for (const m of line.matchAll(/(?:sslEnabledProtocols|protocols)="([^"]+)"/gi)) {
        m[1]!
          .split(/[,+\s]+/)
          .filter((p) => /^(TLS|SSL)/i.test(p))
          .forEach((p) => protocols.add(p));
      }
    }
    if (protocols.size) values['mw.tlsProtocols'] = [...protocols].join(' ');
    return values;
  },
};

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const certificate: OutputParser = {
  name: 'openssl-x509',
  label: '证书有效期（openssl x509 -noout -enddate）',
  commands: ['openssl x509 -in /etc/nginx/ssl/server.crt -noout -enddate'],
  command: /openssl\s+(x509|s_client)/,
  produces: ['tls.certDaysLeft', 'tls.certNotAfter'],
  detect: (paste) => (/notAfter=|Not After\s*:/i.test(paste.text) ? 95 : 0),
  parse(paste, options): ParsedValues {
    const match =
      /(?:notAfter=|Not After\s*:\s*)([A-Za-z]{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+(\d{4})\s*GMT/i.exec(
        paste.text,
      );
    if (!match) return {};
    const month = months.indexOf(match[1]!.toLowerCase());
    if (month < 0) return {};
    const notAfter = Date.UTC(
      Number(match[6]),
      month,
      Number(match[2]),
      Number(match[3]),
      Number(match[4]),
      Number(match[5]),
    );
    const now = (options.now ?? new Date()).getTime();
    const date = new Date(notAfter).toISOString().slice(0, 10);
    return {
      'tls.certDaysLeft': Math.floor((notAfter - now) / 86_400_000),
      'tls.certNotAfter': date,
      [note('tls.certDaysLeft')]: `证书到期日 ${date}（UTC）`,
    };
  },
};

export const middlewareParsers: OutputParser[] = [middlewareVersion, middlewareConfig, certificate];
