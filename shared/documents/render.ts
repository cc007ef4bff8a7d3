/**
 * Build and pack a document: docx and the builders. Loaded in the document Web Worker, the CLI
 * and the tests, never by the app's screens (eslint.config.js).
 */
import { buildDocument } from './builders';
import type { DocumentTypeKey } from './catalogue/document-types';
import type { Gap } from './checks';
import type { ProjectDocumentData } from './data';
import { renderWithHouseTemplate } from './house-template';
import type { BuildOptions } from './kit/context';
import type { DocumentMeta } from './kit/meta';
import { packDocument } from './kit/pack';

export type RenderResult =
  { ok: true; bytes: Uint8Array; placeholders: string[]; warnings: string[] } | { ok: false; missing: Gap[] };

export interface RenderOptions extends BuildOptions {
  /**
   * A company's own .docx with {{占位符}} (see house-template.ts): the document's content goes
   * into its {{正文}} paragraph, under the template's cover, header, footer and styles, instead
   * of the kit's cover and page layout.
   */
  houseTemplate?: Uint8Array;
}

/**
 * Build and pack in one call, e.g. inside a Web Worker (a docx Document does not cross
 * postMessage; the bytes do). With options.houseTemplate the content is put into that template.
 */
export async function renderDocument(
  key: DocumentTypeKey,
  data: ProjectDocumentData,
  meta: DocumentMeta,
  options: RenderOptions,
): Promise<RenderResult> {
  if (options.houseTemplate) {
    const { houseTemplate, ...rest } = options;
    return renderWithHouseTemplate(houseTemplate, key, data, meta, rest);
  }
  const result = buildDocument(key, data, meta, options);
  if (!result.ok) return result;
  return {
    ok: true,
    bytes: await packDocument(result.document),
    placeholders: result.placeholders,
    warnings: result.warnings,
  };
}
