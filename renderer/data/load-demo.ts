import { generateDemoProject } from '../../shared/demo/demo-project';
import type { Repository, WriteOp } from './repository';

/** Creates the demo project through the repository, so it has a change log like any other. */
export async function loadDemoProject(repo: Repository, assetCount?: number): Promise<string> {
  const demo = generateDemoProject(assetCount);
  const project = await repo.createProject(demo.project);
  const ops: WriteOp[] = [
    ...demo.members.map((values): WriteOp => ({ kind: 'create', table: 'members', projectId: project.id, values })),
    ...demo.assets.map((values): WriteOp => ({ kind: 'create', table: 'assets', projectId: project.id, values })),
  ];
  await repo.writeMany(ops);
  return project.id;
}
