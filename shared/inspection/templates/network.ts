import { remoteAccessOptions, snmpOptions } from '../parsers-network';
import { defineTemplate, syncedOptions } from './define';

export const networkDevice = defineTemplate(
  {
    key: 'network-device',
    name: '网络设备基线检查（交换机/路由器）',
    assetTypes: ['network'],
    description:
      '适用于华为（VRP）、H3C（Comware）、Cisco（IOS / IOS XE / NX-OS）交换机与路由器。登录设备后先执行 screen-length 0 temporary（华为/H3C）' +
      '或 terminal length 0（Cisco）关闭分屏，再执行检查命令；含提示符的多条命令输出可一次粘贴。',
  },
  [
    {
      id: 'info',
      title: '设备信息',
      items: [
        {
          id: 'net.info.model',
          title: '设备型号',
          method: '华为/H3C：display version\nCisco：show version',
          expected: '与资产清单一致',
          severity: 'minor',
          parser: 'device.model',
        },
        {
          id: 'net.info.version',
          title: '软件版本',
          method: '华为/H3C：display version\nCisco：show version',
          expected: '为厂商推荐或经客户验证的稳定版本，与交付清单一致',
          parser: 'device.softwareVersion',
          guidance: '对照厂商生命周期公告与安全公告；升级需提前备份配置与系统软件，在维护窗口按变更流程实施。',
        },
        {
          id: 'net.info.patch',
          title: '补丁',
          method: '华为：display patch-information\nH3C：display install active\nCisco IOS XE：show install summary',
          expected: '已安装厂商对当前版本建议的补丁',
          severity: 'minor',
          parser: 'device.patch',
        },
        {
          id: 'net.info.uptime',
          title: '运行时间',
          method: '华为/H3C：display version\nCisco：show version',
          expected: '运行时间与已知的重启记录相符，无异常重启',
          severity: 'minor',
          parser: 'device.uptime',
          guidance:
            '运行时间异常短说明近期重启过：华为 display reboot-info，Cisco 查看 show version 中的 “System returned to ROM by”。',
        },
      ],
    },
    {
      id: 'acct',
      title: '账号与登录控制',
      items: [
        {
          id: 'net.acct.local-users',
          title: '本地账号',
          method: '华为/H3C：display local-user\nCisco：show running-config | include username',
          expected: '无厂商默认账号与口令，账号按人分配、权限最小化',
          guidance:
            '删除或修改默认账号（如 admin / admin@huawei.com），多人共用账号改为按人创建；有 TACACS+/RADIUS 时本地账号仅作应急。',
        },
        {
          id: 'net.acct.password-cipher',
          title: '配置中无明文口令',
          method:
            '华为/H3C：display current-configuration | include password\nCisco：show running-config | include password|secret',
          expected:
            '口令均为密文（华为 irreversible-cipher / cipher，Cisco secret 8 或 9，或已启用 service password-encryption）',
          guidance:
            '华为：local-user <用户名> password irreversible-cipher <口令>；Cisco：username <用户名> algorithm-type scrypt secret <口令>，并 service password-encryption。',
        },
        {
          id: 'net.acct.vty-acl',
          title: '登录来源地址限制',
          method:
            '华为/H3C：display current-configuration configuration user-interface\nCisco：show running-config | section line vty',
          expected: 'VTY 已绑定 ACL，仅允许运维网段登录（华为 acl 2000 inbound，Cisco access-class 10 in）',
          guidance: '先在 ACL 中加入当前登录地址，再绑定到 VTY，以免把自己挡在外面。',
        },
        {
          id: 'net.acct.idle-timeout',
          title: '登录空闲超时',
          method:
            '华为/H3C：display current-configuration configuration user-interface\nCisco：show running-config | include exec-timeout',
          expected: '1 – 10 分钟（0 0 表示永不超时，不合格）',
          kind: 'number',
          min: 1,
          max: 10,
          unit: '分钟',
          severity: 'minor',
          parser: 'net.idleTimeoutMinutes',
          guidance:
            '华为/H3C：user-interface vty 0 4 下 idle-timeout 5 0；Cisco：line vty 0 4 下 exec-timeout 5 0；console 口同样设置。',
        },
      ],
    },
    {
      id: 'mgmt',
      title: '管理协议',
      items: [
        {
          id: 'net.mgmt.remote-access',
          title: '远程登录协议',
          method:
            '华为/H3C：display current-configuration | include telnet|stelnet|protocol inbound\nCisco：show running-config | include transport input',
          expected: '仅 SSH',
          kind: 'choice',
          options: remoteAccessOptions,
          acceptable: ['仅 SSH', '不允许远程登录'],
          severity: 'critical',
          parser: 'net.remoteAccess',
          guidance:
            '华为：stelnet server enable、undo telnet server enable，user-interface vty 0 4 下 protocol inbound ssh、authentication-mode aaa；' +
            'Cisco：ip ssh version 2，line vty 0 4 下 transport input ssh。先确认 SSH 能登录再关闭 Telnet，以免失联。',
        },
        {
          id: 'net.mgmt.ssh-version',
          title: 'SSH 版本',
          method: '华为：display ssh server status\nH3C：display ssh server status\nCisco：show ip ssh',
          expected: 'SSH 2.0，未开启 SSHv1 兼容',
          severity: 'minor',
          guidance: '华为：undo ssh server compatible-ssh1x enable；Cisco：ip ssh version 2。',
        },
        {
          id: 'net.mgmt.snmp',
          title: 'SNMP 团体名',
          method:
            '华为/H3C：display current-configuration | include snmp-agent\nCisco：show running-config | include snmp-server',
          expected: '无 public、private 等默认或弱团体名，优先使用 SNMPv3',
          kind: 'choice',
          options: snmpOptions,
          acceptable: snmpOptions.slice(0, 3),
          severity: 'critical',
          parser: 'net.snmpCommunity',
          guidance:
            '删除默认团体名（华为：undo snmp-agent community public；Cisco：no snmp-server community public），改用 SNMPv3（认证加加密）；' +
            '必须使用 v2c 时团体名按口令复杂度设置，并与网管平台同步修改。',
        },
        {
          id: 'net.mgmt.snmp-acl',
          title: 'SNMP 访问来源限制',
          method:
            '华为/H3C：display current-configuration | include snmp-agent\nCisco：show running-config | include snmp-server',
          expected: '团体名/用户已绑定 ACL，仅网管服务器可访问',
          severity: 'minor',
        },
        {
          id: 'net.mgmt.services',
          title: '关闭不使用的管理服务',
          method:
            '华为：display current-configuration | include http|ftp\nCisco：show running-config | include ip http|ftp',
          expected: '未使用的 HTTP/HTTPS 网管、FTP、TFTP 服务已关闭',
          guidance:
            '华为：undo http server enable、undo ftp server；Cisco：no ip http server、no ip http secure-server。',
        },
      ],
    },
    {
      id: 'log',
      title: '日志与时间',
      items: [
        {
          id: 'net.log.ntp-servers',
          title: 'NTP 服务器配置',
          method:
            '华为/H3C：display current-configuration | include ntp\nCisco：show running-config | include ntp server',
          expected: '已配置客户指定的 NTP 服务器',
          parser: 'net.ntpServers',
          guidance: '华为/H3C：ntp-service unicast-server <IP>；Cisco：ntp server <IP>。',
        },
        {
          id: 'net.log.ntp-sync',
          title: '时间同步状态',
          method: '华为/H3C：display ntp-service status\nCisco：show ntp status',
          expected: '已同步',
          kind: 'choice',
          ...syncedOptions,
          parser: 'ntp.synchronised',
          guidance: '未同步时检查 NTP 服务器可达性（ping、ACL）与源接口配置。',
        },
        {
          id: 'net.log.syslog',
          title: '日志服务器',
          method:
            '华为/H3C：display current-configuration | include info-center loghost\nCisco：show running-config | include logging',
          expected: '已配置客户日志服务器',
          parser: 'net.syslogServers',
          guidance: '华为/H3C：info-center loghost <IP>；Cisco：logging host <IP>。',
        },
        {
          id: 'net.log.clock',
          title: '时区与时间',
          method: '华为/H3C：display clock\nCisco：show clock',
          expected: '时区为北京时间（UTC+08:00），与标准时间偏差小于 1 分钟',
          severity: 'minor',
          guidance: '华为：clock timezone BJ add 08:00:00；Cisco：clock timezone CST 8 0。',
        },
      ],
    },
    {
      id: 'port',
      title: '端口与配置',
      items: [
        {
          id: 'net.port.unused',
          title: '未使用且未关闭的端口数',
          method: '华为/H3C：display interface brief\nCisco：show interfaces status',
          expected: '0 个（未使用端口均已 shutdown）',
          kind: 'number',
          max: 0,
          unit: '个',
          severity: 'minor',
          parser: 'net.unusedPortsNotShut',
          guidance: '对未使用端口执行 shutdown，并可划入不使用的 VLAN；客户要求预留端口保持开启时，在备注中说明。',
        },
        {
          id: 'net.port.loop',
          title: '环路保护',
          method: '华为：display stp brief\nH3C：display stp brief\nCisco：show spanning-tree summary',
          expected: '已启用生成树或环路检测，接入端口配置为边缘端口并启用 BPDU 保护',
          severity: 'minor',
        },
        {
          id: 'net.cfg.saved',
          title: '配置已保存',
          method:
            '华为：compare configuration\nCisco：show archive config differences nvram:startup-config system:running-config',
          expected: '已保存',
          kind: 'choice',
          options: ['已保存', '存在未保存的变更'],
          acceptable: ['已保存'],
          parser: 'net.configSaved',
          guidance: '确认当前配置正确后保存：华为/H3C save，Cisco write memory。未保存的配置在重启后丢失。',
        },
        {
          id: 'net.cfg.backup',
          title: '配置已备份',
          method: '华为/H3C：display startup 确认配置文件名，再用 SFTP/TFTP 导出\nCisco：copy running-config tftp:',
          expected: '最新配置已备份到客户指定位置，文件名含设备名与日期',
        },
      ],
    },
    {
      id: 'hw',
      title: '硬件与现场',
      items: [
        {
          id: 'net.hw.power-fan',
          title: '电源、风扇与温度',
          method:
            '华为：display power；display fan；display temperature all\nH3C：display power；display fan\nCisco：show environment all',
          expected: '电源均正常且冗余，风扇正常，温度在正常范围',
        },
        {
          id: 'net.hw.alarm',
          title: '当前告警',
          method: '华为：display alarm active\nH3C：display alarm\nCisco：show logging | include -[0-3]-',
          expected: '无未处理的紧急/重要告警',
        },
        {
          id: 'net.hw.cpu',
          title: 'CPU 使用率',
          method: '华为/H3C：display cpu-usage\nCisco：show processes cpu | include CPU utilization',
          expected: '≤ 70%',
          kind: 'number',
          max: 70,
          unit: '%',
          severity: 'minor',
          parser: 'cpu.usedPercent',
          guidance:
            'CPU 持续偏高时查看占用最高的任务（华为 display cpu-usage 的任务列表，Cisco show processes cpu sorted），排查广播风暴或攻击流量。',
        },
        {
          id: 'net.hw.panel-photo',
          title: '设备前面板告警灯照片',
          method: '现场拍摄设备前面板与线缆',
          expected: '照片清晰，端口与状态灯可见；无红色/橙色告警灯；线缆有标签',
          kind: 'photo',
        },
      ],
    },
  ],
);
