import { z } from 'zod';
import type { Label } from './records/fields';
import { sha256Pattern } from './sync/protocol';

/**
 * A file attached to a record. The record holds this reference; the bytes are stored once per
 * content hash (IndexedDB on the device, files on the server) and travel separately.
 */
export const attachmentSchema = z.object({
  sha256: z.string().regex(sha256Pattern),
  name: z.string().min(1).max(255),
  type: z.string().max(100),
  size: z.number().int().min(0),
  caption: z.string().max(500).default(''),
  /** When a photo was taken (its EXIF capture time, local wall time YYYY-MM-DDTHH:mm:ss), else ''. */
  takenAt: z.string().max(30).default(''),
  /** Pixel size of a photo as stored. */
  width: z.number().int().min(0).default(0),
  height: z.number().int().min(0).default(0),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export function attachmentList(label: Label) {
  return z
    .array(attachmentSchema)
    .max(200, `${label.zh}最多 200 个`)
    .default([])
    .meta({ label, widget: 'attachments' });
}

/** Every attachment hash a change's field values refer to, so its bytes can travel first. */
export function blobRefsOf(fields: Record<string, unknown>): string[] {
  const refs = new Set<string>();
  for (const value of Object.values(fields)) {
    if (!Array.isArray(value)) continue;
    for (const item of value) {
      const sha = (item as { sha256?: unknown } | null)?.sha256;
      if (typeof sha === 'string' && sha256Pattern.test(sha)) refs.add(sha);
    }
  }
  return [...refs];
}
