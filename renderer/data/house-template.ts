import type { HouseTemplateSummary } from '../../shared/documents/catalogue';
import type { FieldbookDb } from './db';

/** The company's Word template (公司文档模板), kept on this device in the meta table. */
export interface StoredHouseTemplate {
  name: string;
  bytes: Uint8Array;
  uploadedAt: string;
  summary: HouseTemplateSummary;
}

const KEY = 'houseTemplate';

export async function loadHouseTemplate(db: FieldbookDb): Promise<StoredHouseTemplate | null> {
  return ((await db.meta.get(KEY))?.value as StoredHouseTemplate | undefined) ?? null;
}

export async function saveHouseTemplate(db: FieldbookDb, template: StoredHouseTemplate): Promise<void> {
  await db.meta.put({ key: KEY, value: template });
}

export async function removeHouseTemplate(db: FieldbookDb): Promise<void> {
  await db.meta.delete(KEY);
}
