import { describe, expect, it } from 'vitest';
import { generateDemoInitiation } from '../../shared/demo/demo-initiation';
import { generateDemoOperations } from '../../shared/demo/demo-operations';
import { generateDemoProject } from '../../shared/demo/demo-project';
import { loadDemoProject } from '../../renderer/data/load-demo';
import { openTestRepository } from './helpers/test-db';

describe('demo project', () => {
  it('is deterministic and every record passes the schemas', async () => {
    expect(generateDemoProject(60)).toEqual(generateDemoProject(60));
    const { db, repo } = await openTestRepository();
    const projectId = await loadDemoProject(repo);
    expect(await db.assets.where('projectId').equals(projectId).count()).toBe(40);
    expect(await db.members.where('projectId').equals(projectId).count()).toBe(7);
    const types = new Set((await db.assets.toArray()).map((a) => a.type));
    expect(types.size).toBeGreaterThanOrEqual(5);
    // one change entry per record written, phase 一 included
    const initiation = generateDemoInitiation();
    const phaseOne =
      initiation.surveySessions.length +
      initiation.stakeholders.length +
      initiation.requirements.length +
      initiation.risks.length +
      initiation.planTasks.length +
      initiation.milestones.length +
      3;
    const operations = generateDemoOperations(generateDemoProject().assets, {
      today: new Date().toLocaleDateString('sv-SE'),
    });
    const phaseFour =
      1 +
      1 +
      operations.entries.length +
      operations.incidents.length +
      operations.changes.length +
      operations.opsLogs.length;
    expect(await db.changes.count()).toBe(1 + 7 + 40 + phaseOne + phaseFour);
    expect(await db.patrolEntries.count()).toBe(operations.entries.length);
    expect(operations.entries.length).toBeGreaterThan(300); // a month of readings
    for (const table of [
      'surveySessions',
      'stakeholders',
      'requirements',
      'risks',
      'planTasks',
      'milestones',
      'feasibility',
      'sla',
      'charter',
    ] as const) {
      expect(await db.table(table).where('projectId').equals(projectId).count(), table).toBeGreaterThan(0);
    }
    // Findings point at real assets; requirements at real survey sessions.
    const site = (await db.surveySessions.toArray()).find((s) => s.kind === 'siteSurvey')!;
    for (const id of site.findings.flatMap((f) => f.assetIds)) expect(await db.assets.get(id)).toBeDefined();
    const fromSessions = (await db.requirements.toArray()).filter((r) => r.sourceSessionId);
    expect(fromSessions.length).toBeGreaterThan(0);
    for (const r of fromSessions) expect(await db.surveySessions.get(r.sourceSessionId)).toBeDefined();
  });

  it('scales to thousands of unique assets', () => {
    const { assets } = generateDemoProject(10_000);
    expect(new Set(assets.map((a) => a.hostname)).size).toBe(10_000);
    expect(new Set(assets.map((a) => a.ips![0])).size).toBe(10_000);
    const serials = assets.map((a) => a.serialNumber).filter(Boolean);
    expect(new Set(serials).size).toBe(serials.length);
  });
});
