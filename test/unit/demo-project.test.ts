import { describe, expect, it } from 'vitest';
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
    // one change entry per record written
    expect(await db.changes.count()).toBe(1 + 7 + 40);
  });

  it('scales to thousands of unique assets', () => {
    const { assets } = generateDemoProject(10_000);
    expect(new Set(assets.map((a) => a.hostname)).size).toBe(10_000);
    expect(new Set(assets.map((a) => a.ips![0])).size).toBe(10_000);
    const serials = assets.map((a) => a.serialNumber).filter(Boolean);
    expect(new Set(serials).size).toBe(serials.length);
  });
});
