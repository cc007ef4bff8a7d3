import type { CharterFields } from '../records/charter';
import type { FeasibilityFields } from '../records/feasibility';
import type { MilestoneFields, PlanTaskFields } from '../records/plan';
import type { RequirementFields } from '../records/requirement';
import type { RiskFields } from '../records/risk';
import { type SlaFields, defaultPriorityTargets } from '../records/sla';
import type { StakeholderFields } from '../records/stakeholder';
import type { SurveySessionFields } from '../records/survey';

/**
 * Phase 一 of the demo bank project: what a delivery team records in its first weeks. Survey
 * sessions refer to assets and requirements to sessions by their position here; the loader
 * turns positions into ids.
 */
export interface DemoInitiation {
  surveySessions: Array<Partial<SurveySessionFields> & { title: string; findingAssetIndexes?: number[][] }>;
  stakeholders: Array<Partial<StakeholderFields> & { name: string }>;
  /** `session`: index into surveySessions; `confirm`: confirmed by the customer on that date. */
  requirements: Array<
    Partial<RequirementFields> & {
      code: string;
      statement: string;
      session?: number;
      confirm?: { by: string; on: string };
    }
  >;
  feasibility: Partial<FeasibilityFields>;
  risks: Array<Partial<RiskFields> & { description: string }>;
  sla: Partial<SlaFields>;
  charter: Partial<CharterFields>;
  planTasks: Array<Partial<PlanTaskFields> & { name: string }>;
  milestones: Array<Partial<MilestoneFields> & { name: string }>;
}

const items = (...texts: string[]) => texts.map((text) => ({ text }));

export function generateDemoInitiation(): DemoInitiation {
  return {
    surveySessions: [
      {
        title: '信息科技部负责人访谈',
        kind: 'executiveInterview',
        startAt: '2026-01-06T10:00',
        endAt: '2026-01-06T11:30',
        place: '江南银行总行 12 楼会议室',
        participants: [
          { name: '王建国', side: 'customer', role: '信息科技部总经理' },
          { name: '陈立', side: 'team', role: '项目经理' },
          { name: '周明', side: 'team', role: '技术负责人' },
        ],
        notes: '明确运维外包的总体目标：降低核心系统非计划停机时间，满足监管对运维可追溯的要求。',
        findings: [{ text: '去年发生两次核心系统非计划停机，均与存储多路径配置有关', assetIds: [] }],
        painPoints: '夜间故障响应慢，值班人员对存储和数据库问题处理能力不足；巡检记录为纸质，难以追溯。',
        statedNeeds: '7×24 值守；P1 故障 15 分钟内响应；每月提供巡检月报和 SLA 达成情况。',
        unstatedNeeds: '希望借外包机会建立配置基线，为明年等保测评做准备。',
        followUps: [{ text: '提供近一年故障记录', owner: '李娜', dueDate: '2026-01-10', done: 'done' }],
      },
      {
        title: '数据中心现场勘查',
        kind: 'siteSurvey',
        startAt: '2026-01-08T09:00',
        endAt: '2026-01-08T17:00',
        place: '南京总行数据中心 一号机房、二号机房',
        participants: [
          { name: '李娜', side: 'customer', role: '运维接口人' },
          { name: '刘洋', side: 'team', role: '一线工程师' },
          { name: '孙鹏', side: 'team', role: '一线工程师' },
        ],
        notes: '逐柜核对设备铭牌，记录位置与序列号；检查机房温湿度与告警灯。',
        findings: [
          { text: '二号机房 B 列两台交换机告警灯常亮（电源模块冗余丢失）', assetIds: [] },
          { text: '部分服务器 iBMC 仍为默认密码', assetIds: [] },
        ],
        findingAssetIndexes: [
          [1, 5],
          [0, 2, 3],
        ],
        painPoints: '机柜标签缺失，设备位置与台账不符。',
        statedNeeds: '完成运维对象清单并与 CMDB 对齐。',
        unstatedNeeds: '',
        followUps: [{ text: '更换 B 列交换机电源模块', owner: '孙鹏', dueDate: '2026-01-20', done: 'open' }],
      },
      {
        title: '现有运维文档研读',
        kind: 'documentReview',
        startAt: '2026-01-09T14:00',
        endAt: '2026-01-09T17:00',
        place: '远程',
        participants: [{ name: '周明', side: 'team', role: '技术负责人' }],
        notes: '研读现有应急预案、变更管理办法与备份策略。',
        findings: [{ text: '备份策略未覆盖影像存储；应急预案最后更新于三年前', assetIds: [] }],
        painPoints: '',
        statedNeeds: '',
        unstatedNeeds: '变更流程缺少回退验证环节。',
      },
    ],
    stakeholders: [
      {
        name: '王建国',
        organisation: '江南银行信息科技部',
        title: '总经理',
        phone: '025-8000 1234',
        email: 'wangjg@jnbank.example',
        influence: 'high',
        stance: 'supportive',
        concerns: '监管合规、核心系统稳定',
      },
      {
        name: '李娜',
        organisation: '江南银行信息科技部',
        title: '运维接口人',
        phone: '025-8000 1235',
        influence: 'medium',
        stance: 'supportive',
        concerns: '日常工作量、交接清晰',
      },
      {
        name: '赵刚',
        organisation: '江南银行风险管理部',
        title: '科技风险经理',
        influence: 'high',
        stance: 'neutral',
        concerns: '外包风险、数据安全',
      },
    ],
    requirements: [
      {
        code: 'REQ-001',
        category: 'objects',
        topic: 'general',
        statement: '运维对象覆盖南京总行数据中心全部服务器、网络、存储、数据库与安全设备',
        priority: 'must',
        acceptanceCriterion: '运维对象清单与 CMDB 差异为 0，经客户签字确认',
        session: 1,
        confirm: { by: '王建国', on: '2026-01-15' },
      },
      {
        code: 'REQ-002',
        category: 'serviceLevel',
        topic: 'incident',
        statement: 'P1 故障 15 分钟内响应、4 小时内恢复',
        priority: 'must',
        acceptanceCriterion: '每月 P1 响应达标率 ≥ 95%，恢复达标率 ≥ 90%',
        session: 0,
        confirm: { by: '王建国', on: '2026-01-15' },
      },
      {
        code: 'REQ-003',
        category: 'scope',
        topic: 'patrol',
        statement: '每日对核心设备进行巡检并形成巡检日志',
        priority: 'must',
        acceptanceCriterion: '巡检日志每日一份，覆盖率 100%',
        session: 0,
      },
      {
        code: 'REQ-004',
        category: 'scope',
        topic: 'backup',
        statement: '每日检查备份作业，影像存储纳入备份范围',
        priority: 'should',
        acceptanceCriterion: '备份成功率 ≥ 99%，失败 2 小时内处理',
        session: 2,
      },
      {
        code: 'REQ-005',
        category: 'constraint',
        topic: 'compliance',
        statement: '所有运维操作留痕可追溯，满足等保三级要求',
        priority: 'must',
        acceptanceCriterion: '操作记录保存 ≥ 180 天，可按人员和时间检索',
        session: 0,
      },
    ],
    feasibility: {
      technicalPath: '以驻场值守加远程二线支持的方式提供服务；先建立配置基线，再开展日常巡检与监控。',
      technicalConclusion: 'feasible',
      teamCapability: '团队具备华为、浪潮服务器与 Oracle RAC 运维经验；达梦数据库经验不足，需要二线专家支持。',
      teamConclusion: 'conditional',
      resourceEstimate: '驻场 3 人（两班倒）、二线专家 1 人，备件库常备硬盘与电源模块。',
      resourceConclusion: 'feasible',
      environmentRisks: '部分设备已过保；存储多路径配置历史遗留问题较多。',
      overallConclusion: 'conditional',
      assessedBy: '周明',
      assessedAt: '2026-01-12',
    },
    risks: [
      {
        description: '部分设备已过厂商维保期，备件供应不及时',
        category: 'resource',
        likelihood: '4',
        impact: '4',
        mitigation: '建立自有备件库，与第三方维保商签订协议',
        contingency: '启用备用设备，临时降级服务',
        owner: '陈立',
        status: 'mitigating',
        reviewDate: '2026-02-15',
      },
      {
        description: '达梦数据库运维经验不足',
        category: 'technical',
        likelihood: '3',
        impact: '4',
        mitigation: '安排二线专家培训并建立知识库',
        contingency: '调用原厂技术支持',
        owner: '赵静',
        status: 'open',
        reviewDate: '2026-02-01',
      },
      {
        description: '存储多路径配置不一致导致切换失败',
        category: 'technical',
        likelihood: '3',
        impact: '5',
        mitigation: '基线检查中逐台核对多路径配置并整改',
        contingency: '按应急预案手工切换路径',
        owner: '周明',
        status: 'open',
        reviewDate: '2026-01-30',
      },
      {
        description: '客户变更窗口有限，整改进度受影响',
        category: 'customer',
        likelihood: '2',
        impact: '3',
        mitigation: '提前一周提交变更申请',
        owner: '陈立',
        status: 'open',
      },
    ],
    sla: {
      serviceHours: '7x24',
      priorities: defaultPriorityTargets(),
      availability: [
        { service: '核心业务系统', targetPercent: 99.95, period: 'month' },
        { service: '网上银行', targetPercent: 99.9, period: 'month' },
      ],
      indicators: [
        {
          name: '故障响应达标率',
          measure: 'responseRate',
          targetPercent: 95,
          deductionPercent: 2,
          measurement: '按月统计，响应时间从报障到工程师确认',
          consequence: '低于 95% 扣减当月服务费 2%',
        },
        {
          name: '故障恢复达标率',
          measure: 'resolutionRate',
          targetPercent: 90,
          deductionPercent: 2,
          measurement: '按月统计，恢复时间从报障到业务恢复',
          consequence: '低于 90% 扣减当月服务费 2%',
        },
        {
          name: '巡检完成率',
          measure: 'patrolCompletion',
          targetPercent: 100,
          deductionPercent: null,
          measurement: '每日巡检日志覆盖全部核心设备',
          consequence: '低于 100% 书面说明原因',
        },
      ],
      penalties: '连续两个月未达标，甲方有权要求更换驻场人员。',
      reportingCadence: 'monthly',
      pausesAllowed: '等待甲方提供信息或审批、甲方要求暂停处理期间。',
      signatories: [
        { side: 'customer', name: '王建国', title: '信息科技部总经理', date: '2026-01-20' },
        { side: 'provider', name: '陈立', title: '项目经理', date: '2026-01-20' },
      ],
      effectiveDate: '2026-02-01',
    },
    charter: {
      background: '江南银行南京总行数据中心现有运维以自有人员为主，夜间与专业领域支撑不足，计划引入专业运维服务。',
      objectives: items('核心系统月度可用性 ≥ 99.95%', '建立覆盖全部运维对象的配置基线', '运维操作全程留痕可追溯'),
      scopeIn: items('服务器、网络、存储、数据库、安全设备的日常巡检与故障处理', '变更实施支持', '月度服务报告'),
      scopeOut: items('应用系统功能开发', '机房基础设施（空调、UPS）维护'),
      customerResponsibilities: items('提供机房出入与系统账号', '指定运维接口人', '审批变更与确认交付物'),
      communication: [
        {
          kind: 'meeting',
          name: '周例会',
          frequency: '每周一',
          participants: '双方项目经理、接口人',
          owner: '陈立',
          channel: '现场会议',
        },
        {
          kind: 'report',
          name: '巡检月报',
          frequency: '每月 5 日前',
          participants: '信息科技部',
          owner: '周明',
          channel: '邮件 + 纸质签字',
        },
        {
          kind: 'channel',
          name: '7×24 值班热线',
          frequency: '随时',
          participants: '全体',
          owner: '值班工程师',
          channel: '电话 400-800-1234',
        },
      ],
      approvedBy: '王建国',
      approvedAt: '2026-01-16',
    },
    planTasks: [
      {
        name: '需求调研与确认',
        phase: 'initiation',
        owner: '陈立',
        start: '2026-01-05',
        end: '2026-01-16',
        deliverable: '需求规格说明书',
        status: 'done',
        progress: 100,
      },
      {
        name: '服务方案与操作手册编写',
        phase: 'design',
        owner: '周明',
        start: '2026-01-12',
        end: '2026-01-30',
        deliverable: '运维技术方案、运维操作手册',
        status: 'inProgress',
        progress: 60,
      },
      {
        name: '配置基线检查',
        phase: 'deployment',
        owner: '刘洋',
        start: '2026-02-02',
        end: '2026-02-27',
        deliverable: '配置基线检查报告',
        status: 'notStarted',
        progress: 0,
      },
      {
        name: '知识转移与培训',
        phase: 'deployment',
        owner: '赵静',
        start: '2026-02-16',
        end: '2026-03-06',
        deliverable: '培训记录',
        status: 'notStarted',
        progress: 0,
      },
      {
        name: '试点运行',
        phase: 'deployment',
        owner: '陈立',
        start: '2026-03-02',
        end: '2026-03-27',
        deliverable: '试点运行报告',
        status: 'notStarted',
        progress: 0,
      },
    ],
    milestones: [
      {
        name: '需求确认',
        dueDate: '2026-01-16',
        acceptance: '需求规格说明书双方签字',
        status: 'achieved',
        achievedAt: '2026-01-16',
      },
      { name: '基线检查完成', dueDate: '2026-02-27', acceptance: '配置基线检查报告签字', status: 'pending' },
      { name: '服务正式启动', dueDate: '2026-04-01', acceptance: '服务启动通知发布', status: 'pending' },
    ],
  };
}
