import { expect, test, type Page } from '@playwright/test';
import { chooseOption } from './helpers/choose-option';

async function newProject(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: '新建项目' }).click();
  const form = page.getByTestId('form-projects');
  await form.getByLabel('项目编号').fill('ZJ-2026-003');
  await form.getByLabel('项目名称').fill('浙江分行运维服务');
  await form.getByLabel('客户').fill('某农商银行');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '浙江分行运维服务' })).toBeVisible();
}

async function waitSaved(page: Page) {
  await expect(page.getByTestId('save-status').last()).toContainText('已保存');
}

test('requirements from a survey session: confirm one, revise it, history keeps both; risks on the matrix; an SLA; all survive a reload', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await newProject(page);

  // A survey session.
  await page.getByRole('menuitem', { name: '调研记录' }).click();
  await page.getByRole('button', { name: '新增调研记录' }).click();
  let form = page.getByTestId('form-surveySessions');
  await form.getByLabel('主题').fill('运维部门技术座谈');
  await form.getByLabel('地点').fill('分行 3 楼会议室');
  await form.getByRole('button', { name: '保存' }).click();
  // Created: the drawer now edits it and saves as we go.
  form = page.getByTestId('form-surveySessions');
  await form.getByLabel('痛点').fill('夜间无人值守，告警靠短信');
  await waitSaved(page);

  // Three requirements derived from it.
  const statements = ['7x24 小时监控核心系统', 'P1 故障 30 分钟内响应', '每月提交巡检月报'];
  for (const [index, statement] of statements.entries()) {
    if (index > 0) {
      await page.getByRole('menuitem', { name: '调研记录' }).click();
      await page.getByRole('row', { name: /运维部门技术座谈/ }).click();
    }
    await page.getByRole('button', { name: '由此调研新增需求' }).click();
    const req = page.getByTestId('form-requirements');
    await expect(req.getByLabel('编号')).toHaveValue(`REQ-00${index + 1}`);
    await expect(req.getByText('运维部门技术座谈')).toBeVisible(); // the source session, preset
    await req.getByLabel('需求描述').fill(statement);
    await req.getByLabel('验收标准（可度量）').fill(`验收标准 ${index + 1}`);
    await req.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('button', { name: '提交客户确认' })).toBeVisible();
    await page.keyboard.press('Escape');
  }
  await expect(page.getByTestId('list-requirements').getByTestId('list-count')).toHaveText('共 3 条');

  // Confirm the second one.
  await page.getByRole('row', { name: /P1 故障 30 分钟内响应/ }).click();
  await page.getByRole('button', { name: '提交客户确认' }).click();
  await page.getByRole('button', { name: '客户确认' }).click();
  const dialog = page.getByRole('dialog', { name: '记录客户确认' });
  await dialog.getByLabel('客户确认人').fill('钱经理');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('button', { name: '变更（记录新版本）' })).toBeVisible();
  // A confirmed item is locked: no silent edits.
  await expect(page.getByTestId('form-requirements').getByLabel('需求描述')).toBeDisabled();

  // Revise it: a new revision, the confirmed one kept.
  await page.getByRole('button', { name: '变更（记录新版本）' }).click();
  const revise = page.getByRole('dialog', { name: '变更已确认的需求' });
  await revise.getByLabel('需求描述').fill('P1 故障 15 分钟内响应');
  await revise.getByLabel('变更原因').fill('客户要求提高响应速度');
  await revise.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('requirement-revisions')).toContainText('P1 故障 30 分钟内响应');
  await expect(page.getByTestId('requirement-revisions')).toContainText('钱经理');
  await page.getByRole('tab', { name: '修改历史' }).click();
  const history = page.getByTestId('history');
  await expect(history).toContainText('需求描述: P1 故障 30 分钟内响应 → P1 故障 15 分钟内响应');
  await expect(history).toContainText('状态: 已确认 → 已变更');
  await page.keyboard.press('Escape');

  // Risks on the matrix.
  await page.getByRole('menuitem', { name: '可行性与风险' }).click();
  for (const [description, likelihood, impact] of [
    ['核心存储过保', '4 高', '5 很高'],
    ['值班人员不足', '2 低', '3 中'],
  ] as const) {
    await page.getByRole('button', { name: '新增风险' }).click();
    const risk = page.getByTestId('form-risks');
    await risk.getByLabel('风险描述').fill(description);
    await chooseOption(page, risk.getByLabel('可能性'), likelihood);
    await chooseOption(page, risk.getByLabel('影响程度'), impact);
    await risk.getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('form-risks').getByTestId('save-status')).toBeVisible();
    await page.keyboard.press('Escape');
  }
  await expect(page.getByTestId('risk-matrix-cells')).toHaveText('2×3 4×5');
  await expect(page.getByRole('row', { name: /核心存储过保/ })).toContainText('高 · 20');

  // An SLA.
  await page.getByRole('menuitem', { name: '服务级别协议' }).click();
  await page.getByRole('button', { name: '填入常用 P1–P4 时限' }).click();
  const sla = page.getByTestId('form-sla');
  await expect(sla.getByRole('textbox', { name: '定义 1' })).toHaveValue('核心业务中断或大面积不可用');
  await sla.getByLabel('可暂停计时的情形').fill('等待客户审批期间');
  await waitSaved(page);

  await page.reload();
  await expect(page.getByTestId('form-sla').getByLabel('可暂停计时的情形')).toHaveValue('等待客户审批期间');
  await expect(page.getByTestId('form-sla').getByRole('textbox', { name: '示例 4' })).toHaveValue('配置咨询、报表需求');
  await page.getByRole('menuitem', { name: '需求条目' }).click();
  await expect(page.getByRole('row', { name: /REQ-002/ })).toContainText('已变更');
  await expect(page.getByRole('row', { name: /REQ-002/ })).toContainText('第 2 版');
  await page.getByRole('menuitem', { name: '可行性与风险' }).click();
  await expect(page.getByTestId('risk-matrix-cells')).toHaveText('2×3 4×5');
  await page.getByRole('menuitem', { name: '调研记录' }).click();
  await expect(page.getByRole('row', { name: /运维部门技术座谈/ })).toBeVisible();
});

test('the demo project fills every phase 一 record type and the readiness overview', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '载入示例项目' }).click();
  await expect(page.getByTestId('asset-count')).toHaveText('共 40 条');
  const lists: Array<[string, string, number]> = [
    ['调研记录', 'list-surveySessions', 3],
    ['干系人与联系人', 'list-stakeholders', 3],
    ['需求条目', 'list-requirements', 5],
    ['可行性与风险', 'list-risks', 4],
  ];
  for (const [menu, testId, count] of lists) {
    await page.getByRole('menuitem', { name: menu }).click();
    await expect(page.getByTestId(testId).getByTestId('list-count')).toHaveText(`共 ${count} 条`);
  }
  await page.getByRole('menuitem', { name: '交付计划与里程碑' }).click();
  await expect(page.getByTestId('list-planTasks').getByTestId('list-count')).toHaveText('共 5 条');
  await expect(page.getByTestId('list-milestones').getByTestId('list-count')).toHaveText('共 3 条');
  await expect(page.getByTestId('plan-timeline')).toBeVisible();
  await page.getByRole('menuitem', { name: '服务级别协议' }).click();
  await expect(page.getByTestId('form-sla').getByRole('textbox', { name: '定义 1' })).toHaveValue(
    '核心业务中断或大面积不可用',
  );
  await page.getByRole('menuitem', { name: '项目章程' }).click();
  await expect(page.getByTestId('form-charter').getByRole('textbox', { name: '名称 1' })).toHaveValue('周例会');
  await page.getByRole('menuitem', { name: '阶段准备情况' }).click();
  await expect(page.getByTestId('readiness-sla').locator('.check-missing')).toHaveCount(0);
  await expect(page.getByTestId('readiness-requirements')).toContainText('没有等待确认的需求');
});
