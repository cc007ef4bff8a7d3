import { addDays } from '../date-time';
import { defaultServiceDesign } from '../operations/service-design-defaults';
import { incidentFromAnomaly } from '../operations/anomaly';
import { defaultMetricsFor, evaluateMetric } from '../operations/thresholds';
import type { AssetFields } from '../records/asset';
import type {
  ChangeRecordFields,
  IncidentFields,
  PatrolPlanFields,
  PatrolReading,
  ServiceDesignFields,
} from '../records/operations';
import { seededRandom } from './seeded-random';

/**
 * Phase 四 of the demo bank project: the service design, a daily patrol plan over the core
 * assets with `days` of readings (deterministic, with a rising disk and a few anomalies),
 * incidents, changes and routine tasks. Pure data: the app's loader writes it through the
 * repository; documents and benchmarks read the same shapes.
 */
export interface DemoOperations {
  serviceDesign: Partial<ServiceDesignFields>;
  plan: Omit<Partial<PatrolPlanFields>, 'assetIds'> & { name: string; assetIndexes: number[] };
  /** One per asset per day: asset index into the given list, the day, its readings. */
  entries: Array<{
    assetIndex: number;
    date: string;
    readings: Record<string, PatrolReading>;
    noIncidentReasons?: Record<string, string>;
  }>;
  /** `fromPatrol`: the reading it was raised from (the loader links the entry: patrolEntryId). */
  incidents: Array<
    Partial<IncidentFields> & { title: string; assetIndex?: number; fromPatrol?: { date: string; metricKey: string } }
  >;
  changes: Array<Partial<ChangeRecordFields> & { title: string; assetIndexes?: number[] }>;
  opsLogs: Array<{
    kind: string;
    title: string;
    doneAt: string;
    doneBy: string;
    result: 'ok' | 'issue';
    notes: string;
  }>;
}

/** Why a 警告 reading was not raised as an incident: what the engineer saw to on the spot. */
const warningReasons = [
  '现场复核后读数回落，已在交接班记录中跟踪',
  '对端设备重启期间产生，已清零计数并观察',
  '已通知系统管理员处理，未影响业务',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** Plausible readings for a metric on a day: a baseline per asset, noise, and a slow trend. */
function valueFor(key: string, baseline: number, day: number, random: () => number): number {
  const noise = (random() - 0.5) * 8;
  switch (key) {
    case 'disk.maxUsePercent':
      return Math.min(99, Math.round(baseline + day * 0.45 + noise / 4));
    case 'hw.temperature':
      return Math.round(22 + baseline / 10 + noise / 2);
    case 'cpu.loadPerCore':
      return Math.round((0.2 + random() * 0.5) * 100) / 100;
    case 'net.interfaceErrors':
      return random() < 0.9 ? 0 : Math.round(random() * 20);
    case 'storage.faultDisks':
      return 0;
    case 'db.backupAgeHours':
      return Math.round(4 + random() * 18);
    case 'app.responseTimeMs':
      return Math.round(180 + random() * 400);
    default:
      return Math.max(1, Math.min(98, Math.round(baseline + noise)));
  }
}

export function generateDemoOperations(
  assets: ReadonlyArray<Partial<Pick<AssetFields, 'type' | 'name' | 'hostname' | 'criticality'>>>,
  options: { today: string; days?: number; seed?: number; maxAssets?: number },
): DemoOperations {
  const days = options.days ?? 30;
  const random = seededRandom(options.seed ?? 4242);
  const core = assets
    .map((asset, index) => ({ asset, index }))
    .filter(({ asset }) => asset.type !== 'application')
    .slice(0, options.maxAssets ?? 24);
  const entries: DemoOperations['entries'] = [];
  for (const { asset, index } of core) {
    const defs = defaultMetricsFor(asset.type ?? 'server');
    const baselines = new Map(defs.map((def) => [def.key, 25 + random() * 40]));
    for (let day = 0; day < days; day++) {
      const date = addDays(options.today, day - days + 1);
      const readings: Record<string, PatrolReading> = {};
      for (const def of defs) {
        let value: string | number;
        if (def.kind === 'status')
          value = random() < 0.985 ? def.normal[0]! : def.options.find((o) => !def.normal.includes(o))!;
        else value = valueFor(def.key, baselines.get(def.key)!, day, random);
        readings[def.key] = {
          value,
          status: evaluateMetric(def, value) ?? '',
          carried: false,
          at: `${date}T${String(9 + (index % 3)).padStart(2, '0')}:${String(10 + (index % 40)).padStart(2, '0')}`,
        };
      }
      entries.push({ assetIndex: index, date, readings });
    }
  }
  const at = (daysAgo: number, time: string) => `${addDays(options.today, -daysAgo)}T${time}`;
  const first = core[0]?.index ?? 0;
  const second = core[1]?.index ?? 0;
  const switchIndex = core.find(({ asset }) => asset.type === 'network')?.index ?? second;
  // The disk incident below was raised from a real reading: /data at 91 % that morning.
  const diskDay = addDays(options.today, -6);
  const diskEntry = entries.find((e) => e.assetIndex === first && e.date === diskDay);
  const diskDef = defaultMetricsFor(assets[first]?.type ?? 'server').find((d) => d.key === 'disk.maxUsePercent');
  if (diskEntry && diskDef)
    diskEntry.readings[diskDef.key] = {
      ...diskEntry.readings[diskDef.key]!,
      value: 91,
      status: evaluateMetric(diskDef, 91) ?? '',
    };
  // Every anomaly the grading rules make an incident gets one (a 严重 reading: raised at once, the
  // run it starts covered) or the engineer's reason why not (a 警告 reading seen to).
  const patrolIncidents: DemoOperations['incidents'] = [];
  const running = new Set<string>();
  for (const entry of entries) {
    const asset = assets[entry.assetIndex] ?? {};
    for (const def of defaultMetricsFor(asset.type ?? 'server')) {
      const reading = entry.readings[def.key]!;
      const run = `${entry.assetIndex}/${def.key}`;
      if (reading.status !== 'warning' && reading.status !== 'critical') {
        running.delete(run);
        continue;
      }
      if (entry === diskEntry && def.key === 'disk.maxUsePercent') continue;
      if (reading.status === 'warning') {
        entry.noIncidentReasons = { ...entry.noIncidentReasons, [def.key]: pick(random, warningReasons) };
        continue;
      }
      if (running.has(run)) continue;
      running.add(run);
      const raised = incidentFromAnomaly(
        { name: asset.hostname || asset.name || '', ...(asset.criticality ? { criticality: asset.criticality } : {}) },
        { key: def.key, label: def.label, level: 'critical', value: reading.value, def, carried: false },
      );
      const time = reading.at.slice(11, 16) || '09:30';
      const [h, m] = time.split(':').map(Number) as [number, number];
      const plus = (minutes: number) =>
        `${entry.date}T${String(h + Math.floor((m + minutes) / 60)).padStart(2, '0')}:${String((m + minutes) % 60).padStart(2, '0')}`;
      patrolIncidents.push({
        title: raised.title,
        priority: raised.priority,
        source: 'patrol',
        assetIndex: entry.assetIndex,
        description: raised.description,
        reportedAt: plus(0),
        acknowledgedAt: plus(10),
        resolvedAt: plus(95),
        status: 'closed',
        owner: '孙鹏',
        actions: [
          { at: plus(15), by: '孙鹏', action: '现场查看告警详情并收集日志' },
          { at: plus(90), by: '孙鹏', action: '按厂商指导处理后告警消除，复查运行正常' },
        ],
        rootCause: '设备单个部件告警（电源/风扇模块接触不良）。',
        resolution: '重新插拔并紧固模块，告警消除；已向厂商报备观察。',
        fromPatrol: { date: entry.date, metricKey: def.key },
      });
    }
  }
  return {
    serviceDesign: {
      ...defaultServiceDesign(),
      coverage: '白班：刘洋负责服务器与存储，孙鹏负责网络与安全设备；夜班：轮值工程师值守，二线专家电话支持。',
    },
    plan: {
      name: '核心设备每日巡检',
      frequency: 'daily',
      assignee: '刘洋',
      active: 'yes',
      assetIndexes: core.map((c) => c.index),
    },
    entries,
    incidents: [
      {
        title: `${assets[first]?.hostname ?? ''} 磁盘使用率告警`,
        priority: 'P3',
        source: 'patrol',
        assetIndex: first,
        description: '日常巡检发现 /data 分区使用率 91%，超过严重阈值。',
        fromPatrol: { date: diskDay, metricKey: 'disk.maxUsePercent' },
        reportedAt: at(6, '09:20'),
        acknowledgedAt: at(6, '09:35'),
        resolvedAt: at(6, '15:10'),
        status: 'closed',
        owner: '刘洋',
        actions: [
          { at: at(6, '09:40'), by: '刘洋', action: '清理过期日志 35 GB' },
          { at: at(6, '15:00'), by: '刘洋', action: '调整日志轮转策略并验证' },
        ],
        rootCause: '日志轮转配置缺失，应用日志持续增长。',
        resolution: '清理日志并配置 logrotate 按日轮转保留 14 天。',
      },
      {
        title: '网上银行访问缓慢',
        priority: 'P2',
        source: 'call',
        assetIndex: second,
        description: '客户反映网上银行登录页面响应超过 5 秒。',
        reportedAt: at(3, '10:05'),
        acknowledgedAt: at(3, '10:20'),
        resolvedAt: at(3, '13:40'),
        status: 'resolved',
        owner: '周明',
        affectedService: '网上银行',
        outageStart: at(3, '10:05'),
        outageEnd: at(3, '10:50'),
        rootCause: '数据库连接池耗尽。',
        resolution: '扩大连接池并优化慢查询。',
      },
      {
        title: '备份作业失败',
        priority: 'P3',
        source: 'monitoring',
        assetIndex: first,
        description: '夜间全备作业返回错误码 2。',
        reportedAt: at(0, '08:30'),
        status: 'open',
      },
      ...patrolIncidents,
    ],
    changes: [
      {
        title: '核心交换机固件升级',
        type: 'normal',
        state: 'closed',
        reason: '修复厂商公告的安全漏洞',
        description: '升级 CE6881 固件至 V200R022',
        riskAssessment: '升级期间单台交换机中断，业务通过堆叠另一台承载',
        impactAssessment: '预计中断 10 分钟，不影响核心业务',
        approver: '王建国',
        approvalDecision: 'approved',
        approvedAt: at(12, '16:00'),
        testPlan: '在测试环境同型号设备验证',
        testResult: 'passed',
        windowStart: at(9, '22:00'),
        windowEnd: at(9, '23:30'),
        steps: '1. 备份配置 2. 上传固件 3. 重启 4. 验证',
        implementationResult: '升级成功，业务验证正常',
        rollbackPlan: '回退至原固件版本',
        rollbackUsed: 'no',
        implementer: '孙鹏',
        reviewer: '周明',
        actualStart: at(9, '22:05'),
        actualEnd: at(9, '23:10'),
        customerNotified: 'yes',
        notifiedAt: at(11, '10:00'),
        assetIndexes: [switchIndex],
      },
      {
        title: '数据库参数调整',
        type: 'normal',
        state: 'approval',
        reason: '连接池不足',
        description: '调整 max_connections 为 2000',
        riskAssessment: '需重启实例',
        impactAssessment: '重启期间业务中断 5 分钟',
        rollbackPlan: '恢复原参数并重启',
      },
    ],
    opsLogs: [
      {
        kind: 'backupCheck',
        title: '检查昨夜全量备份',
        doneAt: at(1, '08:40'),
        doneBy: '赵静',
        result: 'ok',
        notes: '全部 12 个备份作业成功',
      },
      {
        kind: 'logCleanup',
        title: '清理应用服务器历史日志',
        doneAt: at(6, '14:00'),
        doneBy: '刘洋',
        result: 'ok',
        notes: '释放空间 35 GB',
      },
      {
        kind: 'performance',
        title: '周性能分析',
        doneAt: at(2, '16:30'),
        doneBy: '周明',
        result: 'issue',
        notes: '数据库连接数峰值接近上限',
      },
    ],
  };
}
