import { v5 as uuidv5 } from 'uuid';
import type { Attachment } from '../attachments';
import { compilePattern, describeExpectation, verdictFor } from '../inspection/verdict';
import type { AssetFields } from '../records/asset';
import type { ChecklistItem, ChecklistTemplateFields, Verdict } from '../records/checklist';
import {
  type CutoverPlanFields,
  cutoverPlanFields,
  type PilotRunFields,
  pilotRunFields,
  type TrainingSessionFields,
  trainingSessionFields,
} from '../records/deployment';
import {
  type InspectionFields,
  inspectionFields,
  type InspectionResultFields,
  inspectionResultFields,
  type RectificationFields,
  rectificationFields,
  resultId,
} from '../records/inspection';
import { minimalPdf, panelPng, seededRandom, sha256HexSync, signaturePng } from './demo-files';
import { addDays, isoWeekdayOfDay, parseLocalDate } from '../date-time';

/**
 * Phase 三 of the demo bank project (服务部署与实施): baseline inspections of the demo assets
 * with the project's checklist templates — results with a few realistic failures, pasted
 * command output, evidence photos, rectifications in every state, customer signatures drawn
 * on the pad — plus training sessions with sign-in lists, a pilot run and the cutover plan.
 *
 * Pure and deterministic: the same assets and templates give the same records. Ids are derived
 * from the asset ids (which are unique per project), so loading the demo into two projects
 * gives distinct ids; results and rectifications have the ids the app gives them
 * (resultId(inspectionId, itemId)). The caller creates the rows (and stores `files` as
 * attachment blobs) — see renderer/data/load-demo.ts for phase 一.
 */

export interface DemoAsset
  extends Pick<AssetFields, 'name' | 'type'>, Partial<Pick<AssetFields, 'osVersion' | 'room' | 'hostname'>> {
  id: string;
}

export interface DemoTemplate
  extends
    Pick<ChecklistTemplateFields, 'name' | 'assetTypes' | 'sections' | 'items'>,
    Partial<Pick<ChecklistTemplateFields, 'builtinKey' | 'supersededBy'>> {
  id: string;
}

export interface DemoDeploymentOptions {
  /** At most this many inspections (default: every asset a template applies to). */
  maxInspections?: number;
  /** Varies the failures, values and pictures (default 20260202). */
  seed?: number;
  /** At most this many front-panel photos showing an alarm light, each a failure (default 8). */
  maxEvidencePhotos?: number;
}

/** The bytes of an attachment the records refer to, to store under its sha256. */
export interface DemoFile {
  sha256: string;
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface DemoDeployment {
  inspections: Array<InspectionFields & { id: string }>;
  inspectionResults: Array<InspectionResultFields & { id: string }>;
  rectifications: Array<RectificationFields & { id: string }>;
  trainingSessions: Array<TrainingSessionFields & { id: string }>;
  pilotRuns: Array<PilotRunFields & { id: string }>;
  cutoverPlan: CutoverPlanFields;
  files: DemoFile[];
}

const NAMESPACE = '6a1f4e2c-9b7d-4c3e-8f21-5d0a7b9c1e34';

/** Failures a real first baseline check finds again and again, with the value found. */
const commonFailures: Record<
  string,
  { chance: number; value: string | number | string[]; remark: string; evidence?: string }
> = {
  'linux.acct.pass-max-days': {
    chance: 0.4,
    value: 99999,
    remark: '系统默认值，口令永不过期',
    evidence: 'PASS_MAX_DAYS\t99999\nPASS_MIN_DAYS\t0\nPASS_MIN_LEN\t5\nPASS_WARN_AGE\t7',
  },
  'linux.acct.tmout': {
    chance: 0.35,
    value: 0,
    remark: '未设置 TMOUT',
    evidence: '$ echo $TMOUT\n\n$ grep TMOUT /etc/profile /etc/profile.d/*.sh\n(无输出)',
  },
  'linux.ssh.permit-root': {
    chance: 0.2,
    value: 'yes',
    remark: '允许 root 直接远程登录',
    evidence: '$ grep -i ^PermitRootLogin /etc/ssh/sshd_config\nPermitRootLogin yes',
  },
  'linux.res.disk': {
    chance: 0.15,
    value: 87,
    remark: '/var/log 分区日志未轮转',
    evidence:
      'Filesystem               Size  Used Avail Use% Mounted on\n/dev/mapper/rhel-root     50G   21G   30G  42% /\n/dev/mapper/rhel-var_log  20G   17G  2.6G  87% /var/log\n/dev/sda1               1014M  192M  823M  19% /boot',
  },
  'linux.svc.ntp': {
    chance: 0.12,
    value: '未同步',
    remark: 'chronyd 未运行',
    evidence: '$ timedatectl\n      Local time: 二 2026-02-03 10:21:07 CST\n  NTP synchronized: no',
  },
  'linux.log.rsyslog': { chance: 0.15, value: '不符合', remark: '未配置远程日志服务器' },
  'net.mgmt.snmp': {
    chance: 0.3,
    value: '存在默认/弱团体名',
    remark: '存在团体名 public（只读）',
    evidence:
      '<CE6881> display snmp-agent community\n   Community name: public\n       Group name: public\n       Storage-type: nonVolatile',
  },
  'net.port.unused': { chance: 0.45, value: 6, remark: 'GE1/0/41–46 未使用但未 shutdown' },
  'net.mgmt.remote-access': {
    chance: 0.2,
    value: 'SSH 和 Telnet',
    remark: 'VTY 0 4 仍允许 telnet',
    evidence:
      '<CE6881> display current-configuration | include protocol inbound\n user-interface vty 0 4\n  protocol inbound all',
  },
  'net.acct.idle-timeout': { chance: 0.2, value: 0, remark: 'idle-timeout 0 0，永不超时' },
  'net.cfg.saved': { chance: 0.15, value: '存在未保存的变更', remark: '上次变更后未 save' },
};

/** Observed values for items answered with text rather than a measured value. */
const observed: Record<string, (asset: DemoAsset) => string> = {
  'linux.sys.os-release': (a) => a.osVersion || '—',
  'linux.sys.kernel': (a) =>
    a.osVersion?.startsWith('Kylin')
      ? '4.19.90-24.4.v2101.ky10.x86_64'
      : a.osVersion?.includes('8.6')
        ? '4.18.0-372.9.1.el8.x86_64'
        : '3.10.0-1160.92.1.el7.x86_64',
  'linux.sys.patch': () => '2026-01 已更新',
  'net.info.model': () => '与资产清单一致',
  'net.info.version': (a) => a.osVersion || '—',
};

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** The next working day from a date (Saturday and Sunday skipped). */
function workday(date: string): string {
  let d = date;
  while (isoWeekdayOfDay(parseLocalDate(d) ?? 0) >= 6) d = addDays(d, 1);
  return d;
}

/** A value the item's rule judges as wanted ('pass' or 'fail'), or null when only the engineer can say. */
function valueFor(item: ChecklistItem, want: 'pass' | 'fail', random: () => number): InspectionResultFields['value'] {
  switch (item.kind) {
    case 'number': {
      const { min, max } = item;
      if (want === 'fail') return max !== null ? Math.round(max * 1.2 + 2) : min !== null ? Math.max(0, min - 1) : null;
      if (min !== null && max !== null) return Math.round(min + (max - min) * (0.3 + random() * 0.4));
      if (max !== null) return max <= 10 || item.unit === '天' ? max : Math.round(max * (0.2 + random() * 0.5));
      if (min !== null) return item.unit === '%' ? min : min + (random() < 0.5 ? 0 : 2);
      return null;
    }
    case 'choice': {
      const good = item.acceptable[0] ?? item.options[0] ?? null;
      return want === 'pass' ? good : (item.options.find((o) => !item.acceptable.includes(o)) ?? null);
    }
    case 'multiChoice': {
      const option = want === 'pass' ? item.acceptable[0] : item.options.find((o) => !item.acceptable.includes(o));
      return option ? [option] : [];
    }
    case 'text': {
      // The expected text when the pattern accepts it, else the pattern's literal ("^root$" → root).
      const pattern = item.pattern.trim() ? compilePattern(item.pattern.trim()) : null;
      const good =
        [item.expected.trim(), item.pattern.trim().replace(/^\^|\$$/g, '')].find(
          (c) => c && (!pattern || pattern.test(c)),
        ) ?? item.expected.trim();
      if (want === 'pass') return good;
      return good === 'no' ? 'yes' : good === 'active' ? 'inactive' : `${good}, admin`;
    }
    default:
      return null;
  }
}

export function generateDemoDeployment(
  assets: readonly DemoAsset[],
  templates: readonly DemoTemplate[],
  options: DemoDeploymentOptions = {},
): DemoDeployment {
  const seed = options.seed ?? 20_260_202;
  const random = seededRandom(seed);
  const projectNamespace = uuidv5(assets.map((a) => a.id).join(',') || 'none', NAMESPACE);
  const idFor = (name: string) => uuidv5(name, projectNamespace);
  const files = new Map<string, DemoFile>();
  const attach = (bytes: Uint8Array, name: string, type: string, extra: Partial<Attachment> = {}): Attachment => {
    const sha256 = sha256HexSync(bytes);
    files.set(sha256, { sha256, name, type, bytes });
    return { sha256, name, type, size: bytes.length, caption: '', takenAt: '', width: 0, height: 0, ...extra };
  };

  // Which template each asset is checked with: the newest version that applies to its type;
  // among servers, the Windows baseline for Windows and the others for the rest.
  const current = templates.filter((t) => !t.supersededBy);
  const templateFor = (asset: DemoAsset): DemoTemplate | undefined => {
    const fits = current.filter((t) => t.assetTypes.includes(asset.type));
    const windows = (asset.osVersion ?? '').toLowerCase().includes('windows');
    return fits.find((t) => (t.builtinKey === 'windows-server') === windows) ?? (windows ? undefined : fits[0]);
  };
  const planned = assets.flatMap((asset) => {
    const template = templateFor(asset);
    return template ? [{ asset, template }] : [];
  });
  const chosen = planned.slice(0, options.maxInspections ?? planned.length);

  const panel = attach(panelPng(1), 'IMG_2041.png', 'image/png', {
    caption: '设备前面板',
    width: 400,
    height: 240,
    takenAt: '2026-02-03T10:12:00',
  });
  const signers = [
    {
      name: '李娜',
      title: '运维接口人',
      signature: attach(signaturePng(11), '签名-李娜.png', 'image/png', { width: 300, height: 110 }),
    },
    {
      name: '赵刚',
      title: '网络管理员',
      signature: attach(signaturePng(29), '签名-赵刚.png', 'image/png', { width: 300, height: 110 }),
    },
  ];
  const inspections: DemoDeployment['inspections'] = [];
  const results: DemoDeployment['inspectionResults'] = [];
  const rectifications: DemoDeployment['rectifications'] = [];
  let photos = 0;
  const maxPhotos = options.maxEvidencePhotos ?? 8;
  const dayIndex = new Map<string, number>();

  chosen.forEach(({ asset, template }, index) => {
    const isNetwork = asset.type === 'network' || asset.type === 'security';
    const inspector = isNetwork ? '孙鹏' : asset.type === 'server' ? '刘洋' : '赵静';
    // Four inspections a day per inspector from 2026-02-02, working days only.
    const n = dayIndex.get(inspector) ?? 0;
    dayIndex.set(inspector, n + 1);
    let date = '2026-02-02';
    for (let d = 0; d < Math.floor(n / 4); d++) date = workday(addDays(date, 1));
    const startedAt = `${date}T${String(9 + (n % 4) * 2).padStart(2, '0')}:${index % 2 ? '30' : '00'}`;
    const id = idFor(`inspection/${asset.id}/${template.id}`);
    // The last quarter is done but not yet signed; the others were signed on the pad the next working day.
    const signed = index < Math.ceil(chosen.length * 0.75);
    const signer = isNetwork ? signers[1]! : signers[0]!;
    const batch = `2026-02 ${asset.room || '数据中心'}${isNetwork ? '网络设备' : asset.type === 'server' ? '服务器' : '设备'}`;

    for (const item of template.items) {
      const common = commonFailures[item.id];
      const roll = random();
      let want: Verdict = common
        ? roll < common.chance
          ? 'fail'
          : 'pass'
        : roll < 0.012
          ? 'fail'
          : roll < 0.035 && item.kind !== 'photo' && item.severity !== 'critical'
            ? 'na'
            : 'pass';
      const answeredAt = startedAt;
      const result: InspectionResultFields & { id: string } = {
        ...inspectionResultFields.parse({ inspectionId: id, itemId: item.id, answeredBy: inspector, answeredAt }),
        id: resultId(id, item.id),
      };
      if (item.kind === 'photo') {
        // A front panel with an amber drive light, the first one photographed and now and then
        // after it: the photo is the evidence.
        const alarm = photos < maxPhotos && (photos === 0 || roll < 0.12);
        if (alarm) {
          photos++;
          result.photos = [
            attach(panelPng(seed + photos, true), `IMG_${2100 + photos}.png`, 'image/png', {
              caption: '前面板硬盘槽位告警灯亮（橙色）',
              width: 400,
              height: 240,
              takenAt: `${startedAt}:00`,
            }),
          ];
          result.remark = '硬盘槽位告警灯亮，已报硬件厂商';
        } else result.photos = [panel];
        want = alarm ? 'fail' : 'pass';
      } else if (want === 'na') {
        result.value = '不适用';
        result.remark = item.id.includes('selinux')
          ? '业务软件要求关闭 SELinux，已由客户书面确认'
          : '未部署该组件，经客户确认不适用';
      } else if (want === 'fail' && common) {
        result.value = common.value;
        result.remark = common.remark;
        result.evidence = common.evidence ?? '';
      } else {
        result.value =
          observed[item.id]?.(asset) ?? valueFor(item, want, random) ?? (want === 'pass' ? '符合' : '不符合');
        if (want === 'fail') result.remark = `不满足“${describeExpectation(item) || item.title}”`;
      }
      // The verdict as the app stores it: what the rule says, else the engineer's judgement.
      const verdict = verdictFor(item, { value: result.value, photos: result.photos.length }) ?? want;
      result.verdict = verdict;
      results.push(result);

      if (verdict === 'fail') {
        const severity = item.severity;
        const due = addDays(date, severity === 'critical' ? 3 : severity === 'major' ? 10 : 20);
        const state = pick(random, ['verified', 'verified', 'verified', 'done', 'inProgress', 'open'] as const);
        const guidance = item.guidance.split(/[。；]/)[0]?.trim();
        const rectification: RectificationFields & { id: string } = {
          ...rectificationFields.parse({
            inspectionId: id,
            itemId: item.id,
            severity,
            owner: inspector,
            dueDate: due,
            action: guidance ? `${guidance}。` : `按基线要求整改：${describeExpectation(item)}`,
            status: state,
          }),
          id: result.id,
        };
        if (state === 'verified') {
          rectification.recheckValue = valueFor(item, 'pass', random) ?? '符合';
          rectification.recheckVerdict = 'pass';
          rectification.recheckAt = `${addDays(due, -1)}T15:00`;
          rectification.recheckBy = inspector;
        }
        rectifications.push(rectification);
      }
    }

    const signedAt = workday(addDays(date, 1));
    inspections.push({
      ...inspectionFields.parse({
        assetId: asset.id,
        templateId: template.id,
        batch,
        inspector,
        startedAt,
        status: signed ? 'signed' : 'completed',
        ...(signed
          ? { signerName: signer.name, signerTitle: signer.title, signedAt, signature: [signer.signature] }
          : {}),
      }),
      id,
    });
  });

  const material = (name: string, title: string) => attach(minimalPdf(title), name, 'application/pdf');
  const customerStaff = [
    { name: '李娜', organisation: '信息科技部 运维中心' },
    { name: '王磊', organisation: '信息科技部 运维中心' },
    { name: '张敏', organisation: '信息科技部 运维中心' },
    { name: '陈晓', organisation: '信息科技部 系统管理科' },
    { name: '刘强', organisation: '信息科技部 系统管理科' },
    { name: '赵刚', organisation: '信息科技部 网络管理科' },
    { name: '周婷', organisation: '信息科技部 网络管理科' },
    { name: '吴昊', organisation: '信息科技部 安全管理科' },
  ];
  const trainingSessions: DemoDeployment['trainingSessions'] = [
    {
      topic: '驻场运维规范与服务流程内部交底',
      kind: 'briefing',
      trainer: '陈立',
      date: '2026-02-16',
      place: '恒信科技南京分公司 3 楼会议室',
      hours: '2 小时',
      attendees: [
        { name: '周明', organisation: '恒信科技 技术组' },
        { name: '刘洋', organisation: '恒信科技 一线' },
        { name: '孙鹏', organisation: '恒信科技 一线' },
        { name: '赵静', organisation: '恒信科技 二线' },
      ],
      materials: [material('驻场运维工作规范.pdf', 'On-site operations rules')],
      feedback: '团队对客户的外包人员安全管理办法和变更审批流程已清楚；值班交接的记录要求需在巡检工具中固化。',
      followUp: '孙鹏在 2 月 20 日前把交接班模板配置到巡检工具中。',
    },
    {
      topic: '运维平台与巡检工具使用培训',
      kind: 'training',
      trainer: '周明',
      date: '2026-02-24',
      place: '江南银行总行 12 楼培训室',
      hours: '3 小时',
      attendees: customerStaff.map((p, i) => ({ ...p, signed: i === 6 ? 'no' : 'yes' })),
      materials: [
        material('运维平台操作手册.pdf', 'Operations platform manual'),
        material('巡检作业指导书.pdf', 'Patrol work instructions'),
      ],
      feedback:
        '学员认为巡检记录与照片自动汇总为月报很实用；希望增加告警与工单的关联查询。课后测验 7 人参加，平均 92 分。',
      followUp: '告警与工单关联查询的需求已记录，纳入 3 月迭代；周婷因值班缺席，安排 3 月 2 日补训。',
    },
    {
      topic: '存储多路径故障处置实操',
      kind: 'handson',
      trainer: '赵静',
      date: '2026-03-03',
      place: '南京总行数据中心 二号机房',
      hours: '4 小时',
      attendees: customerStaff.slice(0, 5).map((p) => ({ ...p, signed: 'yes' })),
      materials: [material('多路径故障处置手册.pdf', 'Multipath troubleshooting')],
      feedback: '现场演练了路径失效、链路恢复和多路径软件重新扫描，学员均独立完成一次路径切换操作。',
      followUp: '将演练步骤整理为《运维操作手册》第 5 章「故障处理」的多路径故障处置步骤，3 月 10 日前提交客户审阅。',
    },
  ].map((values, i) => ({ ...trainingSessionFields.parse(values), id: idFor(`training/${i}`) }));

  const pilotScope = chosen.slice(0, 6).map(({ asset }) => asset.id);
  const pilot = { start: '2026-03-02', end: '2026-03-27', roundsPerDay: 2 };
  // The patrol rounds the pilot's plan asked for: every day of the pilot, 9:00 and 21:00.
  const pilotRounds = (parseLocalDate(pilot.end)! - parseLocalDate(pilot.start)! + 1) * pilot.roundsPerDay;
  const pilotRuns: DemoDeployment['pilotRuns'] = [
    {
      ...pilotRunFields.parse({
        name: '核心业务区试点运行',
        systems: pilotScope,
        scenarios:
          '日常巡检：按巡检计划每日 9:00、21:00 两次巡检核心业务区服务器与网络设备。\n' +
          '故障处置：模拟 P1（核心交换机端口故障）与 P2（存储路径失效）各一次，检验响应、升级与恢复流程。\n' +
          '变更实施：实施两项配置基线整改变更（口令策略、SNMP 团体名），检验评估、审批、实施与回退流程。\n' +
          '服务报告：试点期末按月报模板出具试点运行报告。',
        start: pilot.start,
        end: pilot.end,
        problems: [
          {
            description: '监控告警未按级别分派，夜间 P3 告警也电话通知值班人员',
            severity: 'major',
            fix: '按 SLA 故障分级调整告警规则，P3/P4 仅推送工单',
            status: 'fixed',
          },
          {
            description: '模拟 P1 故障时二线专家电话未接通，升级延误 12 分钟',
            severity: 'critical',
            fix: '建立二线备岗表，升级时同时呼叫主岗与备岗',
            status: 'fixed',
          },
          {
            description: '巡检照片命名不统一，月报汇总时需人工整理',
            severity: 'minor',
            fix: '巡检工具按“设备名-日期-检查项”自动命名',
            status: 'fixed',
          },
          {
            description: '变更回退脚本未在测试环境验证',
            severity: 'major',
            fix: '所有变更的回退步骤须在测试环境演练并留存记录',
            status: 'fixing',
          },
        ],
        indicators: [
          { indicator: 'P1 响应时间', target: '≤ 15 分钟', observed: '平均 9 分钟（2 次）', met: 'yes' },
          { indicator: 'P1 解决时限', target: '≤ 4 小时', observed: '1 小时 40 分钟', met: 'yes' },
          { indicator: '故障响应达标率', target: '≥ 95%', observed: '100%（2/2）', met: 'yes' },
          {
            indicator: '巡检完成率',
            target: '≥ 100%',
            observed: `100%（${pilotRounds}/${pilotRounds} 次）`,
            met: 'yes',
          },
          // Not an SLA indicator: the pilot's own aim, stated in the observation, no SLA target cited.
          { indicator: '告警误报率', target: '', observed: '14.2%（试点目标 ≤ 10%）', met: 'no' },
        ],
        customerFeedback:
          '试点期间值守与故障处置响应及时，巡检记录完整可追溯。建议进一步优化告警规则，降低误报；变更回退方案须在测试环境验证后再实施。',
        conclusion: 'conditional',
        conclusionNote:
          '试点达到预期，同意按计划切换；告警误报率须在正式运行首月内降至 10% 以内，变更回退演练制度在切换前落实。',
      }),
      id: idFor('pilot/0'),
    },
  ];

  const cutoverPlan = cutoverPlanFields.parse({
    window: '2026-03-28（周六）20:00 至 2026-03-29（周日）06:00',
    steps: [
      [
        '切换前检查：确认试点遗留问题已关闭，备份全部网络设备配置与服务器关键配置',
        '周明',
        '2026-03-28T20:00',
        '2026-03-28T20:30',
        '备份文件已核对，遗留问题清单签字',
        'no',
      ],
      [
        '冻结变更：通知各业务部门切换窗口内停止变更',
        '陈立',
        '2026-03-28T20:30',
        '2026-03-28T20:40',
        '变更系统已冻结',
        'no',
      ],
      [
        'Go/No-Go 决策：双方确认切换条件',
        '陈立',
        '2026-03-28T20:40',
        '2026-03-28T21:00',
        '切换条件全部满足，双方签字',
        'yes',
      ],
      [
        '监控接入：将全部运维对象接入乙方监控平台，启用告警规则',
        '孙鹏',
        '2026-03-28T21:00',
        '2026-03-28T23:00',
        '全部对象在线，测试告警送达值班手机',
        'no',
      ],
      [
        '值班切换：原运维团队与驻场团队交接值班、工单与未结事项',
        '刘洋',
        '2026-03-28T23:00',
        '2026-03-29T00:30',
        '交接单双方签字，未结工单逐条确认',
        'no',
      ],
      [
        '服务台切换：报障电话与邮箱转至 7×24 服务台',
        '陈立',
        '2026-03-29T00:30',
        '2026-03-29T01:00',
        '拨测报障电话、发送测试邮件均已受理',
        'no',
      ],
      [
        '业务验证：核心业务联机交易与批量作业验证',
        '赵静',
        '2026-03-29T01:00',
        '2026-03-29T04:00',
        '客户业务部门确认交易正常',
        'no',
      ],
      [
        'Go/No-Go 决策：确认切换完成或执行回退',
        '陈立',
        '2026-03-29T04:00',
        '2026-03-29T04:30',
        '业务验证通过，双方确认切换完成',
        'yes',
      ],
      [
        '解除变更冻结，发布服务启动通知',
        '陈立',
        '2026-03-29T04:30',
        '2026-03-29T05:00',
        '通知已发送至客户各部门',
        'no',
      ],
    ].map(([action, owner, plannedStart, plannedEnd, check, decisionPoint], i) => ({
      action,
      owner,
      plannedStart,
      plannedEnd,
      actualStart: plannedStart!.replace(
        /:(\d\d)$/,
        (_, m: string) => `:${String(Math.min(59, Number(m) + (i % 3) * 5)).padStart(2, '0')}`,
      ),
      actualEnd: plannedEnd!.replace(
        /:(\d\d)$/,
        (_, m: string) => `:${String(Math.min(59, Number(m) + (i % 2) * 10)).padStart(2, '0')}`,
      ),
      check,
      decisionPoint,
      status: 'done',
    })),
    triggers: [
      { text: '切换窗口内核心业务交易中断超过 15 分钟，且原因无法在 30 分钟内定位' },
      { text: '监控接入后出现大面积误告警或漏告警，影响故障发现' },
      { text: '业务验证不通过，或客户业务部门不确认' },
      { text: '切换窗口结束前 1 小时仍有关键步骤未完成' },
    ],
    rollbackSteps: [
      { text: '由双方现场负责人共同决定回退，记录回退原因与时间' },
      { text: '恢复原监控平台的告警通知，停用新告警规则' },
      { text: '报障电话与邮箱转回原运维团队' },
      { text: '原运维团队恢复值班，交接切换期间的工单与事件' },
      { text: '按备份恢复切换期间改动的设备配置，验证业务正常后通知各部门' },
    ],
    contacts: [
      { name: '王建国', role: '甲方总负责人', phone: '025-8000 1234' },
      { name: '李娜', role: '甲方运维接口人', phone: '025-8000 1235' },
      { name: '陈立', role: '乙方项目经理（切换总指挥）', phone: '138 0000 1001' },
      { name: '周明', role: '乙方技术负责人', phone: '138 0000 1002' },
      { name: '赵静', role: '乙方数据库/存储二线专家', phone: '138 0000 1005' },
      { name: '7×24 服务台', role: '报障受理', phone: '400-800-1234' },
    ],
    serviceInterface:
      '甲方运维接口人李娜负责服务需求的统一提出与确认、工作量与报告的签收；乙方项目经理陈立负责服务交付的总体协调、月度服务报告与 SLA 考核。\n' +
      '日常事务由驻场值班工程师（一线）受理，疑难问题升级至乙方二线专家，重大故障由双方项目经理共同协调。',
    faultReporting:
      '报障渠道：7×24 服务台电话 400-800-1234；邮箱 ops@hengxin.example；运维工单系统。\n' +
      '报障流程：报障人说明现象、影响范围和联系人 → 服务台登记工单并按 SLA 定级（P1–P4）→ 值班工程师在响应时限内确认受理 → 处置、必要时升级 → 恢复服务后与报障人确认并关闭工单。\n' +
      'P1、P2 故障在电话报障后由值班工程师每 30 分钟通报一次进展。',
    serviceHours: '7×24 小时',
    launchDate: '2026-04-01',
  });

  return {
    inspections,
    inspectionResults: results,
    rectifications,
    trainingSessions,
    pilotRuns,
    cutoverPlan,
    files: [...files.values()],
  };
}
