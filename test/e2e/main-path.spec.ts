import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { todayIn } from '../../shared/date-time';
import { documentTypes } from '../../shared/documents/catalogue/document-types';
import { builtinTemplate, verdictFor } from '../../shared/inspection';
import { defaultMetricsFor } from '../../shared/operations';
import type { ChecklistItem } from '../../shared/records/checklist';
import { readBack, validationErrors } from '../documents/helpers/read-docx';
import { chooseFile } from './helpers/choose-file';
import { addOption, chooseOption } from './helpers/choose-option';
import {
  addListRow,
  chooseByKeyboard,
  closeList,
  drawSignature,
  pasteInto,
  typeDate,
  waitSaved,
} from './helpers/main-path';

/**
 * The whole path of a delivery project, as an engineer walks it: from an empty profile, every
 * record typed (or imported) through the UI — never the demo project, never a row written
 * straight into IndexedDB — through phases 一 to 四, then each of the 15 Word deliverables
 * generated from 交付文档 and read back: it opens as a zip, passes the Open XML validation and
 * holds the values typed earlier.
 *
 * The values are distinctive (翠湖…, ch-…) so that finding one in a document proves it came from
 * what was typed here.
 */

const V = {
  company: '澄观信息技术有限公司',
  userName: '祁嘉木',
  projectCode: 'CH-2026-088',
  projectName: '翠湖数据中心运维项目',
  customer: '翠湖农商银行',
  description: '翠湖农商银行两地三中心的驻场运维服务，覆盖核心账务与网银系统。',
  pm: '柏文涛',
  engineer: '祁嘉木',
  stakeholder: '蔺志清',
  stakeholderTitle: '信息科技部总经理',
  survey: '翠湖机房运维现状座谈',
  painPoint: '夜间告警无人响应，备份失败常在次日才发现',
  requirement: '核心数据库每日备份并校验，保留 30 天',
  criterion: '备份成功率每月不低于 99%，抽检恢复一次',
  confirmer: '蔺志清',
  risk: '翠湖一号机房 UPS 电池已超设计寿命',
  technicalPath: '沿用客户现有 Zabbix 监控，补充翠湖巡检脚本',
  slaService: '翠湖核心账务系统',
  slaIndicator: '翠湖月度故障响应达标率',
  slaMeasurement: '按工单系统统计每月响应时间',
  slaConsequence: '每低 1 个百分点扣减当月服务费 1%',
  signCustomer: '蔺志清',
  signProvider: '柏文涛',
  background: '翠湖农商银行数据中心设备增多，需要专业团队驻场运维。',
  objective: '全年核心系统可用性达到 99.95%',
  scopeIn: '翠湖一号机房全部服务器与网络设备',
  meeting: '翠湖周例会',
  task: '翠湖运维对象盘点',
  milestone: '翠湖服务正式上线',
  coverage: '白班由祁嘉木负责巡检与报障受理，夜班由二线专家远程值守',
  rectification: '翠湖整改：按基线修改配置并重启服务',
  signer: '蔺志清',
  training: '翠湖巡检平台操作培训',
  trainer: '柏文涛',
  attendee: '郁清和',
  pilot: '翠湖网银系统试点运行',
  pilotScenario: '网银前置机日常巡检与故障演练',
  pilotIndicator: '翠湖试点巡检完成率',
  cutoverWindow: '2026-12-12 22:00 至 2026-12-13 06:00',
  cutoverStep: '翠湖切换：停止旧监控平台采集',
  trigger: '翠湖切换后核心账务交易失败率超过 1%',
  rollback: '翠湖回退：恢复旧监控平台采集',
  contact: '闻人策',
  serviceInterface: '甲方对接人蔺志清，乙方对接人柏文涛',
  faultReporting: '翠湖报障热线 400-800-8866，7x24 受理',
  patrolPlan: '翠湖服务器日巡检',
  incident: '翠湖网银前置机响应缓慢',
  change: '翠湖核心数据库参数调整',
  changeRisk: '需重启数据库实例',
} as const;

const assets = [
  {
    name: '翠湖核心数据库主机',
    type: '服务器',
    hostname: 'ch-core-db01',
    ip: '10.66.1.11',
    os: 'Kylin V10',
    criticality: '核心',
  },
  {
    name: '翠湖网银前置机',
    type: '服务器',
    hostname: 'ch-app-web02',
    ip: '10.66.1.12',
    os: 'CentOS 7.9',
    criticality: '重要',
  },
  {
    name: '翠湖核心交换机',
    type: '网络设备',
    hostname: 'ch-sw-core01',
    ip: '10.66.0.1',
    os: 'VRP 8.1',
    criticality: '核心',
  },
] as const;
const [dbHost, webHost] = assets;

// The project's today (Asia/Shanghai, the default zone), which the app stamps: not the machine's.
const today = todayIn('Asia/Shanghai');

// The Linux baseline as the runner lists it (by section).
const linux = builtinTemplate('linux-server')!;
const sectionOrder = new Map(linux.sections.map((s, i) => [s.id, i]));
const linuxItems = [...linux.items].sort((a, b) => sectionOrder.get(a.sectionId)! - sectionOrder.get(b.sectionId)!);
const failing = linuxItems.filter((i) => i.kind === 'passFail')[1]!;
const diskItem = linuxItems.find((i) => i.id === 'linux.res.disk')!;
const dfOutput = [
  'Filesystem               Size  Used Avail Use% Mounted on',
  '/dev/mapper/klas-root     50G   21G   30G  41% /',
  '/dev/sda1               1014M  180M  835M  18% /boot',
  '/dev/mapper/klas-data    500G  312G  188G  63% /data',
].join('\n');

/** A keyboard answer for each item of the checklist and the verdict the runner must show. */
function answerFor(item: ChecklistItem): { keys: string[]; typed?: string; verdict: string } {
  if (item === failing) return { keys: ['2'], verdict: 'fail' };
  switch (item.kind) {
    case 'passFail':
      return { keys: ['1'], verdict: 'pass' };
    case 'number': {
      const typed = String(item.max ?? item.min ?? 1);
      return { keys: [], typed, verdict: verdictFor(item, { value: typed }) ?? '' };
    }
    case 'text': {
      // What the check command prints: awk lists the UID 0 accounts, i.e. "root".
      const typed = item.id === 'linux.acct.uid0' ? 'root' : item.expected.split(/[，,；;（(]/)[0]!.trim() || 'ok';
      return { keys: [], typed, verdict: verdictFor(item, { value: typed }) ?? '' };
    }
    case 'choice':
      return { keys: ['1'], verdict: verdictFor(item, { value: item.options[0]! }) ?? '' };
    case 'multiChoice':
      return { keys: ['0'], verdict: 'na' };
    case 'photo':
      return { keys: ['3'], verdict: 'na' };
  }
}

// Patrol readings: every server normal except the core database's disk, over its critical level.
const serverMetrics = defaultMetricsFor('server');
const normal: Record<string, string> = {
  'cpu.usedPercent': '35',
  'memory.usedPercent': '60',
  'disk.maxUsePercent': '55',
  'hw.temperature': '24',
  'cpu.loadPerCore': '0.4',
};
const patrolled = [dbHost, webHost].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));

/** What each document must hold beyond the project's name: values typed in the steps above. */
const expectedText: Record<string, string[]> = {
  requirementsSpec: [V.requirement, V.criterion, V.survey, dbHost.hostname],
  feasibilityReport: [V.risk, V.technicalPath],
  projectCharter: [V.background, V.objective, V.scopeIn, V.meeting, V.pm],
  serviceLevelAgreement: [V.slaService, V.slaIndicator, V.slaMeasurement, V.signCustomer],
  deliveryPlan: [V.task, V.milestone],
  opsTechnicalPlan: [V.coverage, V.engineer],
  opsManual: [V.patrolPlan, linux.name],
  baselineReport: [dbHost.hostname, failing.title, V.rectification, V.signer],
  trainingRecord: [V.training, V.trainer, V.attendee],
  pilotReport: [V.pilot, V.pilotScenario, V.pilotIndicator],
  cutoverPlan: [V.cutoverStep, V.trigger, V.rollback, V.contact, V.faultReporting],
  // The log names each object by its hostname (shortName in shared/documents/patrol-log.ts).
  patrolLog: [V.patrolPlan, dbHost.hostname, '95'],
  patrolMonthlyReport: [V.patrolPlan, V.incident],
  changeRecord: [V.change, V.changeRisk],
  handover: [V.stakeholder, V.training, dbHost.hostname],
};

/** A menu entry by its exact text (the top menu's entries carry an icon name before it). */
async function menu(page: Page, name: string) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.getByRole('menuitem', { name: new RegExp(`^(?:[a-z-]+ )?${escaped}$`) }).click();
}

/**
 * Closes the drawer holding `form` with Escape. Right after a dialog over the drawer closes, the
 * key can reach the page before the drawer has the focus again; it is then pressed again.
 */
async function closeDrawer(page: Page, form: Locator) {
  await expect(async () => {
    if (await form.isVisible()) await page.keyboard.press('Escape');
    await expect(form).toBeHidden({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}

// A step that cannot act fails in a minute, not at the end of the whole test's time.
test.use({ actionTimeout: 60_000 });

test('the whole path: an empty profile through phases 一–四 by the UI, then all 15 Word deliverables read back', async ({
  page,
}) => {
  test.setTimeout(900_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));

  await test.step('first start: who I am; settings: for which company', async () => {
    await page.goto('/');
    // A fresh profile asks who is using it: the name goes on every change and export.
    const identity = page.getByTestId('identity-prompt');
    await identity.getByLabel('您的姓名').fill(V.userName);
    await identity.getByRole('button', { name: '开始使用' }).click();
    await expect(identity).toBeHidden();
    await menu(page, '设置');
    await expect(page.getByLabel('我的姓名')).toHaveValue(V.userName);
    const company = page.getByLabel('公司名称（乙方）');
    await company.fill(V.company);
    const save = company
      .locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-space-compact ")][1]')
      .getByRole('button', { name: '保存' });
    await save.click();
    await expect(save).toBeDisabled();
  });

  await test.step('a project, its description and the team', async () => {
    await menu(page, '项目');
    await expect(page.getByRole('button', { name: '载入示例项目' })).toBeVisible();
    await page.getByRole('button', { name: '新建项目' }).click();
    const form = page.getByTestId('form-projects');
    await form.getByLabel('项目编号').fill(V.projectCode);
    await form.getByLabel('项目名称').fill(V.projectName);
    await form.getByLabel('客户').fill(V.customer);
    await form.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('heading', { name: V.projectName })).toBeVisible();

    await menu(page, '项目概况');
    const info = page.getByTestId('form-projects');
    await info.getByLabel('项目简介').fill(V.description);
    await waitSaved(info);

    for (const [name, role, phone] of [
      [V.pm, '项目经理', '139 0000 1001'],
      [V.engineer, '一线工程师', '139 0000 1002'],
    ] as const) {
      await page.getByRole('button', { name: '添加成员' }).click();
      const member = page.getByTestId('form-members');
      await member.getByLabel('姓名').fill(name);
      await chooseOption(page, member.getByLabel('角色'), role);
      await member.getByLabel('电话').fill(phone);
      await member.getByRole('button', { name: '保存' }).click();
      // Created: the drawer closes by itself.
      await expect(member).toBeHidden();
      await expect(page.getByTestId('team-table')).toContainText(name);
    }
  });

  await test.step('assets: a CSV written to a temp folder, imported through the dialog', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fieldbook-main-path-'));
    const csv = join(dir, '翠湖运维对象清单.csv');
    const rows = [
      ['名称', '类型', '主机名', 'IP 地址', '操作系统', '重要程度', '机房'],
      ...assets.map((a) => [a.name, a.type, a.hostname, a.ip, a.os, a.criticality, '翠湖一号机房']),
    ];
    await writeFile(csv, '\ufeff' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8');

    await menu(page, '运维对象清单');
    await page.getByRole('button', { name: '导入 Excel/CSV' }).click();
    await chooseFile(page, page.getByRole('button', { name: '选择文件' }), csv);
    const mapping = page.getByTestId('import-mapping');
    await expect(mapping.getByRole('row', { name: /主机名/ })).toContainText('主机名');
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByTestId('import-summary')).toContainText(`新增 ${assets.length}`);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await expect(page.getByTestId('asset-count')).toHaveText(`共 ${assets.length} 条`);
    for (const a of assets) await expect(page.getByTestId('asset-table')).toContainText(a.hostname);
  });

  await test.step('phase 一: stakeholder, survey, a confirmed requirement, a risk, the assessment', async () => {
    await menu(page, '干系人与联系人');
    await page.getByRole('button', { name: '新增干系人' }).click();
    const person = page.getByTestId('form-stakeholders');
    await person.getByLabel('姓名').fill(V.stakeholder);
    await person.getByLabel('单位/部门').fill(V.customer);
    await person.getByLabel('职务/角色').fill(V.stakeholderTitle);
    await person.getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('list-stakeholders').getByTestId('list-count')).toHaveText('共 1 条');
    // Created: the drawer goes on editing it (a save status instead of the 保存 button), then closes.
    await expect(page.getByTestId('form-stakeholders').getByTestId('save-status')).toBeVisible();
    await closeDrawer(page, page.getByTestId('form-stakeholders'));

    await menu(page, '调研记录');
    await page.getByRole('button', { name: '新增调研记录' }).click();
    let session = page.getByTestId('form-surveySessions');
    await session.getByLabel('主题').fill(V.survey);
    await session.getByLabel('地点').fill('翠湖支行 5 楼会议室');
    await session.getByRole('button', { name: '保存' }).click();
    session = page.getByTestId('form-surveySessions');
    await session.getByLabel('痛点').fill(V.painPoint);
    await waitSaved(session);

    await page.getByRole('button', { name: '由此调研新增需求' }).click();
    const req = page.getByTestId('form-requirements');
    await expect(req.getByLabel('编号')).toHaveValue('REQ-001');
    await req.getByLabel('需求描述').fill(V.requirement);
    await req.getByLabel('验收标准（可度量）').fill(V.criterion);
    await req.getByRole('button', { name: '保存' }).click();
    await page.getByRole('button', { name: '提交客户确认' }).click();
    await page.getByRole('button', { name: '客户确认' }).click();
    const confirm = page.getByRole('dialog', { name: '记录客户确认' });
    await confirm.getByLabel('客户确认人').fill(V.confirmer);
    await confirm.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('button', { name: '变更（记录新版本）' })).toBeVisible();
    await closeDrawer(page, page.getByTestId('form-requirements'));
    await expect(page.getByRole('row', { name: /REQ-001/ })).toContainText('已确认');

    await menu(page, '可行性与风险');
    await page.getByRole('button', { name: '新增风险' }).click();
    const risk = page.getByTestId('form-risks');
    await risk.getByLabel('风险描述').fill(V.risk);
    await chooseOption(page, risk.getByLabel('可能性'), '2 低');
    await chooseOption(page, risk.getByLabel('影响程度'), '3 中');
    await risk.getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('form-risks').getByTestId('save-status')).toBeVisible();
    await closeDrawer(page, page.getByTestId('form-risks'));
    await expect(page.getByTestId('risk-matrix-cells')).toHaveText('2×3');

    const assessment = page.getByTestId('form-feasibility');
    await assessment.getByLabel('技术实现路径').fill(V.technicalPath);
    await chooseOption(page, assessment.getByLabel('技术结论'), '可行');
    await assessment.getByLabel('团队能力匹配度').fill('团队有三名持证 Linux 工程师');
    await chooseOption(page, assessment.getByLabel('团队结论'), '可行');
    await assessment.getByLabel('资源投入估算').fill('驻场两人，二线专家一人');
    await chooseOption(page, assessment.getByLabel('资源结论'), '可行');
    await assessment.getByLabel('环境复杂性与兼容性').fill('信创与 x86 混合部署');
    await chooseOption(page, assessment.getByLabel('总体结论'), '可行');
    await waitSaved(assessment);
  });

  await test.step('phase 一: SLA, charter, plan', async () => {
    await menu(page, '服务级别协议');
    await page.getByRole('button', { name: '填入常用 P1–P4 时限' }).click();
    const sla = page.getByTestId('form-sla');
    await expect(sla.getByRole('textbox', { name: '定义 1' })).toHaveValue('核心业务中断或大面积不可用');
    const availability = await addListRow(sla, '可用性目标', 1);
    await availability.getByRole('textbox', { name: '服务/系统 1' }).fill(V.slaService);
    await availability.getByRole('spinbutton', { name: '可用性目标 1' }).fill('99.95');
    const indicators = await addListRow(sla, '考核指标', 1);
    await indicators.getByRole('textbox', { name: '指标 1' }).fill(V.slaIndicator);
    await indicators.getByRole('textbox', { name: '考核方式 1' }).fill(V.slaMeasurement);
    await indicators.getByRole('textbox', { name: '未达标处理 1' }).fill(V.slaConsequence);
    const signatories = await addListRow(sla, '签署人', 1);
    await signatories.getByRole('textbox', { name: '姓名 1' }).fill(V.signCustomer);
    await addListRow(sla, '签署人', 2);
    await chooseByKeyboard(signatories.getByRole('combobox', { name: '签署方 2' }), '乙方');
    await signatories.getByRole('textbox', { name: '姓名 2' }).fill(V.signProvider);
    await waitSaved(sla);

    await menu(page, '项目章程');
    const charter = page.getByTestId('form-charter');
    await charter.getByLabel('项目背景').fill(V.background);
    await (await addListRow(charter, '项目目标', 1)).getByRole('textbox', { name: '目标 1' }).fill(V.objective);
    await (await addListRow(charter, '范围内', 1)).getByRole('textbox', { name: '范围内事项 1' }).fill(V.scopeIn);
    const communication = await addListRow(charter, '沟通计划', 1);
    await communication.getByRole('textbox', { name: '名称 1' }).fill(V.meeting);
    await communication.getByRole('textbox', { name: '频率 1' }).fill('每周一');
    await waitSaved(charter);

    await menu(page, '交付计划与里程碑');
    await page.getByRole('button', { name: '新增任务' }).click();
    const task = page.getByTestId('form-planTasks');
    await task.getByLabel('任务').fill(V.task);
    await task.getByLabel('负责人').fill(V.engineer);
    await typeDate(task.getByLabel('开始日期'), '2026-12-01');
    await typeDate(task.getByLabel('结束日期'), '2026-12-05');
    await task.getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('list-planTasks').getByTestId('list-count')).toHaveText('共 1 条');
    // Created: the drawer goes on editing it (a save status instead of the 保存 button), then closes.
    await expect(page.getByTestId('form-planTasks').getByTestId('save-status')).toBeVisible();
    await closeDrawer(page, page.getByTestId('form-planTasks'));
    await page.getByRole('button', { name: '新增里程碑' }).click();
    const milestone = page.getByTestId('form-milestones');
    await milestone.getByLabel('里程碑').fill(V.milestone);
    await typeDate(milestone.getByLabel('计划日期'), '2026-12-20');
    await milestone.getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('list-milestones').getByTestId('list-count')).toHaveText('共 1 条');
    // Created: the drawer goes on editing it (a save status instead of the 保存 button), then closes.
    await expect(page.getByTestId('form-milestones').getByTestId('save-status')).toBeVisible();
    await closeDrawer(page, page.getByTestId('form-milestones'));
  });

  await test.step('phase 二: service design from the catalogue, with who covers what', async () => {
    await menu(page, '服务设计（模式、阈值、分级、变更规则）');
    await page.getByRole('button', { name: '填入默认指标与分级规则' }).click();
    const design = page.getByTestId('form-serviceDesign');
    await expect(design.getByRole('textbox', { name: '班次 1' })).toHaveValue('白班');
    await design.getByLabel('分工与覆盖').fill(V.coverage);
    await waitSaved(design);
  });

  await test.step('phase 三: a baseline inspection from the built-in Linux template, by keyboard, rectified and signed', async () => {
    await menu(page, '检查模板（配置基线）');
    await page.getByRole('button', { name: '从内置模板复制' }).hover();
    await page.getByRole('menuitem', { name: new RegExp(`^${linux.name}`) }).click();
    await expect(page.getByTestId('templates')).toContainText(linux.name);

    await menu(page, '基线检查');
    await page.getByRole('button', { name: '开始检查' }).click();
    await chooseOption(page, page.getByLabel('检查模板'), linux.name, { partial: true });
    // A virtual table: its rows are found by their class, not by role.
    await page
      .getByTestId('start-assets')
      .locator('.ant-table-row')
      .filter({ hasText: dbHost.hostname })
      .locator('input[type=checkbox]')
      .check();
    await page.getByRole('dialog').getByRole('button', { name: '开始检查' }).click();
    await expect(page.getByTestId('inspections').getByTestId('list-count')).toHaveText('共 1 条');

    await page.getByTestId('inspections').locator('.ant-table-row').first().click();
    const runner = page.getByTestId('inspection-runner');
    await expect(runner.getByTestId('runner-progress')).toHaveText(`0 / ${linuxItems.length}`);
    for (const item of linuxItems) {
      await expect(page.getByTestId(`item-${item.id}`)).toHaveAttribute('aria-selected', 'true');
      if (item === diskItem) {
        // The engineer pastes what `df -h` printed: the runner reads the fullest file system.
        await pasteInto(page.getByTestId('answer-panel').getByTestId('paste-output'), dfOutput);
        await expect(page.getByTestId('answer-panel').getByLabel('检查结果')).toHaveValue('63');
        await expect(page.getByTestId(`item-${item.id}`).locator('[data-verdict]')).toHaveAttribute(
          'data-verdict',
          'pass',
        );
        await page.getByTestId('runner-items').focus();
        await page.keyboard.press('ArrowDown');
        continue;
      }
      const answer = answerFor(item);
      if (answer.typed !== undefined) {
        await page.keyboard.press('Enter');
        await expect(page.getByTestId('answer-panel').getByLabel('检查结果')).toBeFocused();
        await page.keyboard.type(answer.typed);
        await page.keyboard.press('Enter');
        await page.getByTestId('runner-items').focus();
      } else {
        for (const key of answer.keys) await page.keyboard.press(key);
      }
      await expect(page.getByTestId(`item-${item.id}`).locator('[data-verdict]')).toHaveAttribute(
        'data-verdict',
        answer.verdict,
      );
    }
    // What the keyboard left without a verdict gets 不适用 by its button.
    for (const item of linuxItems.filter((i) => i !== diskItem && answerFor(i).verdict === '')) {
      await page.getByTestId(`item-${item.id}`).click();
      await page
        .getByTestId('answer-panel')
        .getByRole('button', { name: /不适用/ })
        .click();
    }
    await expect(runner.getByTestId('runner-progress')).toHaveText(`${linuxItems.length} / ${linuxItems.length}`);
    await expect(runner.getByTestId('runner-failures')).toHaveText('不合格 1');

    // The one failure is rectified (no photo of it: the known crash of 交付文档 came from that).
    await menu(page, '不合格项与整改');
    const ncs = page.getByTestId('nonconformities');
    await expect(ncs.getByTestId('list-count')).toHaveText('共 1 条');
    await ncs.locator('.ant-table-row').first().click();
    const rect = page.getByTestId('form-rectifications');
    await rect.getByLabel('整改负责人').fill(V.engineer);
    await rect.getByLabel('整改措施').fill(V.rectification);
    await waitSaved(rect);
    await closeDrawer(page, rect);

    // The customer signs on screen.
    await menu(page, '基线检查');
    await page.getByTestId('inspections').locator('.ant-table-row').first().click();
    await runner.getByRole('button', { name: '客户签字确认' }).click();
    const dialog = page.getByRole('dialog', { name: '客户签字确认' });
    await drawSignature(page, dialog);
    await dialog.getByLabel('签字人').fill(V.signer);
    await dialog.getByRole('button', { name: '确认签字' }).click();
    await expect(runner).toContainText(`已由 ${V.signer}`);
  });

  await test.step('phase 三: training, pilot run, cutover plan', async () => {
    await menu(page, '知识转移与培训');
    await page.getByRole('button', { name: '新增培训记录' }).click();
    let training = page.getByTestId('form-trainingSessions');
    await training.getByLabel('主题').fill(V.training);
    await training.getByLabel('讲师').fill(V.trainer);
    await typeDate(training.getByLabel('日期', { exact: true }), '2026-12-08');
    await training.getByRole('button', { name: '保存' }).click();
    training = page.getByTestId('form-trainingSessions');
    await (await addListRow(training, '参训人员（签到）', 1)).getByRole('textbox', { name: '姓名 1' }).fill(V.attendee);
    await waitSaved(training);
    await closeDrawer(page, training);

    await menu(page, '试点运行');
    await page.getByRole('button', { name: '新增试点' }).click();
    let pilot = page.getByTestId('form-pilotRuns');
    await pilot.getByLabel('试点名称').fill(V.pilot);
    await typeDate(pilot.getByLabel('开始日期'), '2026-12-09');
    await typeDate(pilot.getByLabel('结束日期'), '2026-12-11');
    await pilot.getByLabel('试点场景').fill(V.pilotScenario);
    await pilot.getByRole('button', { name: '保存' }).click();
    pilot = page.getByTestId('form-pilotRuns');
    await expect(pilot.getByTestId('save-status')).toBeVisible();
    await addOption(page, pilot.getByLabel('试点范围（系统/对象）'), webHost.name);
    await closeList(pilot.getByLabel('试点范围（系统/对象）'));
    const indicators = await addListRow(pilot, '指标表现', 1);
    await indicators.getByRole('textbox', { name: '指标 1' }).fill(V.pilotIndicator);
    await indicators.getByRole('textbox', { name: '实际表现 1' }).fill('100%');
    await chooseOption(page, pilot.getByLabel('结论', { exact: true }), '通过，可全面切换');
    await waitSaved(pilot);
    await closeDrawer(page, pilot);

    await menu(page, '切换方案与服务启动');
    const cutover = page.getByTestId('form-cutoverPlan');
    await cutover.getByLabel('切换窗口', { exact: true }).fill(V.cutoverWindow);
    const steps = await addListRow(cutover, '切换步骤', 1);
    await steps.getByRole('textbox', { name: '步骤 1' }).fill(V.cutoverStep);
    await steps.getByRole('textbox', { name: '负责人 1' }).fill(V.pm);
    await typeDate(steps.getByLabel('计划开始 1'), '2026-12-12T22:00');
    await chooseByKeyboard(steps.getByRole('combobox', { name: 'Go/No-Go 决策点 1' }), '是');
    await (await addListRow(cutover, '应急触发条件', 1)).getByRole('textbox', { name: '触发条件 1' }).fill(V.trigger);
    await (await addListRow(cutover, '回退步骤', 1)).getByRole('textbox', { name: '回退步骤 1' }).fill(V.rollback);
    const contacts = await addListRow(cutover, '应急联系人', 1);
    await contacts.getByRole('textbox', { name: '姓名 1' }).fill(V.contact);
    await contacts.getByRole('textbox', { name: '电话 1' }).fill('138 6600 0001');
    await cutover.getByLabel('服务接口（对接人与职责）').fill(V.serviceInterface);
    await cutover.getByLabel('报障渠道与流程').fill(V.faultReporting);
    await typeDate(cutover.getByLabel('服务启动日期'), '2026-12-13');
    await waitSaved(cutover);
  });

  await test.step('phase 四: a patrol plan and a round typed into the grid, with an anomaly that becomes an incident', async () => {
    await menu(page, '巡检计划');
    await page.getByRole('button', { name: '新增巡检计划' }).click();
    const plan = page.getByTestId('form-patrolPlans');
    await plan.getByLabel('计划名称').fill(V.patrolPlan);
    await plan.getByLabel('负责工程师').fill(V.engineer);
    for (const asset of patrolled) await addOption(page, plan.getByLabel('巡检对象'), asset.name);
    await closeList(plan.getByLabel('巡检对象'));
    await plan.getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('form-patrolPlans').getByTestId('save-status')).toBeVisible();
    await closeDrawer(page, page.getByTestId('form-patrolPlans'));
    await expect(page.getByRole('row', { name: new RegExp(V.patrolPlan) })).toContainText('2');

    await menu(page, '日常巡检');
    const round = page.getByTestId('patrol-round');
    await chooseOption(page, round.getByLabel('巡检计划'), V.patrolPlan);
    await expect(round.getByTestId('round-progress')).toHaveText(`0 / ${patrolled.length}`);
    for (const [col, def] of serverMetrics.entries()) {
      await round.getByLabel(`${patrolled[0]!.name} ${def.label}`).click();
      for (const asset of patrolled) {
        const value = asset === dbHost && def.key === 'disk.maxUsePercent' ? '95' : normal[def.key]!;
        await expect(page.locator(`[data-cell$=":${col}"]:focus`)).toHaveAttribute(
          'aria-label',
          `${asset.name} ${def.label}`,
        );
        await page.keyboard.type(value);
        await page.keyboard.press('Enter');
      }
    }
    await expect(round.getByTestId('round-progress')).toHaveText(`${patrolled.length} / ${patrolled.length}`);
    const anomalies = round.getByTestId('anomalies');
    await expect(anomalies).toContainText(`${dbHost.name} · 磁盘使用率 95`);
    await anomalies.getByRole('button', { name: '转为故障' }).click();
    await expect(page.getByText(/已生成故障 P\d/)).toBeVisible();
  });

  await test.step('phase 四: an incident reported by phone, acknowledged and resolved; a change through every state', async () => {
    await menu(page, '故障与问题');
    await expect(page.getByRole('row', { name: new RegExp(`${dbHost.hostname} 磁盘使用率`) })).toBeVisible();
    await page.getByRole('button', { name: '新增故障' }).click();
    let incident = page.getByTestId('form-incidents');
    await incident.getByLabel('标题').fill(V.incident);
    await incident.getByLabel('故障描述').fill('网银交易页面打开超过 10 秒');
    await incident.getByRole('button', { name: '保存' }).click();
    incident = page.getByTestId('form-incidents');
    await page.getByRole('button', { name: '响应', exact: true }).click();
    await page.getByRole('button', { name: '恢复', exact: true }).click();
    await expect(page.getByTestId('incident-sla').getByText('达标')).toHaveCount(2);
    await closeDrawer(page, incident);
    await expect(page.getByRole('row', { name: new RegExp(V.incident) })).toContainText('已恢复');

    await menu(page, '变更记录');
    await page.getByRole('button', { name: '新增变更' }).click();
    let change = page.getByTestId('form-changeRecords');
    await change.getByLabel('变更标题').fill(V.change);
    await change.getByRole('button', { name: '保存' }).click();
    change = page.getByTestId('form-changeRecords');
    const actions = page.getByTestId('change-actions');
    await change.getByLabel('风险评估').fill(V.changeRisk);
    await change.getByLabel('影响评估').fill('中断 5 分钟');
    await change.getByLabel('回退方案').fill('恢复原参数');
    await waitSaved(change);
    await actions.getByRole('button', { name: '进入下一步：审批' }).click();
    await change.getByLabel('审批人').fill(V.pm);
    await chooseOption(page, change.getByLabel('审批结论'), '批准');
    await typeDate(change.getByLabel('审批时间'), `${today}T10:00`);
    await waitSaved(change);
    await actions.getByRole('button', { name: '进入下一步：测试' }).click();
    await chooseOption(page, change.getByLabel('测试结果'), '通过');
    await waitSaved(change);
    await actions.getByRole('button', { name: '进入下一步：实施' }).click();
    await change.getByLabel('实施结果').fill('完成，业务验证正常');
    await change.getByLabel('实施人').fill(V.engineer);
    await change.getByLabel('复核人').fill(V.pm);
    await typeDate(change.getByLabel('实际开始'), `${today}T22:00`);
    await typeDate(change.getByLabel('实际结束'), `${today}T22:30`);
    await waitSaved(change);
    await actions.getByRole('button', { name: '进入下一步：关闭' }).click();
    await expect(actions.getByRole('button')).toHaveCount(0);
    await closeDrawer(page, change);
    await expect(page.getByRole('row', { name: new RegExp(V.change) })).toContainText('关闭');
  });

  const files = new Map<string, { name: string; bytes: Buffer }>();
  await test.step('交付文档: every document is ready, and each is generated and downloaded', async () => {
    await menu(page, '交付文档');
    const table = page.getByTestId('deliverables');
    // All ready before any export; the handover also needs exported documents, so it goes last.
    for (const type of documentTypes) {
      const row = table.getByRole('row', { name: new RegExp(`^${type.title}`) });
      if (type.key === 'handover') await expect(row).toContainText('缺 1 项');
      else await expect(row, `${type.title}: ${await row.textContent()}`).toContainText('已齐备');
    }
    for (const type of documentTypes) {
      const row = table.getByRole('row', { name: new RegExp(`^${type.title}`) });
      if (type.key === 'handover') await expect(row).toContainText('已齐备');
      await row.getByRole('button', { name: '生成 Word' }).click();
      const dialog = page.getByRole('dialog', { name: '生成 Word' });
      await dialog.getByLabel('本版修改内容').fill(`首次提交：${type.title}`);
      // Built in a Web Worker: on a busy machine a large document takes a while.
      const download = page.waitForEvent('download', { timeout: 180_000 });
      await dialog.getByRole('button', { name: '生成 Word' }).click();
      const file = await download;
      files.set(type.key, { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) });
      await expect(row).toContainText('V1.0');
      await expect(row).toContainText(V.userName);
    }
  });

  await test.step('each document opens, validates and holds the values typed', async () => {
    expect([...files.keys()]).toEqual(documentTypes.map((t) => t.key));
    // One file after another: the validator's runtime (.NET in WebAssembly) has one file system
    // and cannot check two files at the same time.
    const checked = [];
    for (const type of documentTypes) {
      const { name, bytes } = files.get(type.key)!;
      await writeFile(test.info().outputPath(name), bytes); // kept for a look when a check fails
      const zip = await JSZip.loadAsync(bytes);
      const back = await readBack(bytes);
      checked.push({
        type,
        name,
        parts: Object.keys(zip.files),
        text: back.text,
        invalid: await validationErrors(bytes),
      });
    }
    for (const { type, name, parts, text, invalid } of checked) {
      expect(name, type.key).toMatch(new RegExp(`^${V.projectCode}-${type.title}.*-V1\\.0\\.docx$`));
      expect(parts, type.key).toContain('word/document.xml');
      expect(invalid, `${type.title} validation`).toEqual([]);
      for (const value of [
        type.title,
        V.projectName,
        V.customer,
        V.company,
        `首次提交：${type.title}`,
        ...expectedText[type.key]!,
      ]) {
        expect.soft(text, `${type.title} holds “${value}”`).toContain(value);
      }
    }
    expect(files.get('patrolLog')!.name).toContain(today);
  });

  expect(errors).toEqual([]);
});
