import type { FieldbookDb } from '../db';

/**
 * The bundle keys of the projects this device syncs, as the server hands them to members
 * (GET /v1/projects): bundles exported here are signed with them, bundles imported here checked.
 */
const bundleKeyKey = (projectId: string) => `bundleKey:${projectId}`;

export async function bundleKeyOf(db: FieldbookDb, projectId: string): Promise<string | undefined> {
  const stored = await db.meta.get(bundleKeyKey(projectId));
  return typeof stored?.value === 'string' ? stored.value : undefined;
}

export async function keepBundleKeys(
  db: FieldbookDb,
  projects: ReadonlyArray<{ id: string; bundleKey?: string }>,
): Promise<void> {
  const known = projects.filter((p): p is { id: string; bundleKey: string } => p.bundleKey !== undefined);
  if (known.length) await db.meta.bulkPut(known.map((p) => ({ key: bundleKeyKey(p.id), value: p.bundleKey })));
}

export async function forgetBundleKey(db: FieldbookDb, projectId: string): Promise<void> {
  await db.meta.delete(bundleKeyKey(projectId));
}
