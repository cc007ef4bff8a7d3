import { generateDemoInitiation } from '../../shared/demo/demo-initiation';
import { generateDemoOperations } from '../../shared/demo/demo-operations';
import { todayIn } from '../../shared/date-time';
import { generateDemoProject } from '../../shared/demo/demo-project';
import { projectTimeZone } from '../../shared/records/project';
import { patrolEntryId } from '../../shared/records/operations';
import type { Repository, WriteOp } from './repository';

/**
 * Creates the demo project through the repository, so it has a change log like any other:
 * the team, the inventory, everything phase 一 records, and a month of operations (service
 * design, daily patrol readings, incidents, changes, routine tasks).
 */
export async function loadDemoProject(repo: Repository, assetCount?: number): Promise<string> {
  const demo = generateDemoProject(assetCount);
  const project = await repo.createProject(demo.project);
  const projectId = project.id;
  const create = (
    table: WriteOp extends infer O ? (O extends { kind: 'create'; table: infer T } ? T : never) : never,
    values: Record<string, unknown>,
  ): WriteOp => ({
    kind: 'create',
    table,
    projectId,
    values,
  });
  const inventory = await repo.writeMany([
    ...demo.members.map((values) => create('members', values)),
    ...demo.assets.map((values) => create('assets', values)),
  ]);
  const assetIds = inventory.slice(demo.members.length).map((row) => row.id);

  const initiation = generateDemoInitiation();
  const sessions = await repo.writeMany(
    initiation.surveySessions.map(({ findingAssetIndexes, ...session }) =>
      create('surveySessions', {
        ...session,
        findings: (session.findings ?? []).map((finding, index) => ({
          ...finding,
          assetIds: (findingAssetIndexes?.[index] ?? []).map((i) => assetIds[i]).filter(Boolean),
        })),
      }),
    ),
  );
  await repo.writeMany([
    ...initiation.stakeholders.map((values) => create('stakeholders', values)),
    ...initiation.requirements.map(({ session, confirm, ...values }) =>
      create('requirements', {
        ...values,
        sourceSessionId: session === undefined ? '' : sessions[session]!.id,
        status: confirm ? 'confirmed' : 'pending',
        ...(confirm ? { confirmedBy: confirm.by, confirmedAt: confirm.on } : {}),
      }),
    ),
    ...initiation.risks.map((values) => create('risks', values)),
    ...initiation.planTasks.map((values) => create('planTasks', values)),
    ...initiation.milestones.map((values) => create('milestones', values)),
  ]);
  await repo.saveSingleton('feasibility', projectId, initiation.feasibility);
  await repo.saveSingleton('sla', projectId, initiation.sla);
  await repo.saveSingleton('charter', projectId, initiation.charter);

  const operations = generateDemoOperations(demo.assets, { today: todayIn(projectTimeZone(project)) });
  await repo.saveSingleton('serviceDesign', projectId, operations.serviceDesign);
  const { assetIndexes, ...plan } = operations.plan;
  const patrolPlan = await repo.create('patrolPlans', projectId, {
    ...plan,
    assetIds: assetIndexes.map((i) => assetIds[i]!),
  });
  for (let start = 0; start < operations.entries.length; start += 500) {
    await repo.writeMany(
      operations.entries
        .slice(start, start + 500)
        .map(({ assetIndex, date, readings, noIncidentReasons }): WriteOp => ({
          kind: 'create',
          table: 'patrolEntries',
          projectId,
          id: patrolEntryId(patrolPlan.id, date, assetIds[assetIndex]!),
          values: {
            planId: patrolPlan.id,
            assetId: assetIds[assetIndex]!,
            round: date,
            date,
            readings,
            noIncidentReasons: noIncidentReasons ?? {},
            enteredBy: operations.plan.assignee,
          },
        })),
    );
  }
  await repo.writeMany([
    ...operations.incidents.map(({ assetIndex, fromPatrol, ...values }) => {
      const assetId = assetIndex === undefined ? '' : assetIds[assetIndex]!;
      // Raised from a patrol reading: linked to it as the patrol page links the incidents it raises.
      const link = fromPatrol
        ? `${patrolEntryId(patrolPlan.id, fromPatrol.date, assetId)}#${fromPatrol.metricKey}`
        : '';
      return create('incidents', { ...values, assetId, patrolEntryId: link });
    }),
    ...operations.changes.map(({ assetIndexes, ...values }) =>
      create('changeRecords', { ...values, assetIds: (assetIndexes ?? []).map((i) => assetIds[i]) }),
    ),
    ...operations.opsLogs.map((values) => create('opsLogs', values)),
  ]);
  return projectId;
}
