import { type Document, Packer } from 'docx';
import { composedFrom } from './compose';
import { appPropertiesXml, fontTableXml } from './package-parts';

/**
 * The .docx file's bytes. toArrayBuffer works in Node, browsers and Web Workers alike
 * (toBuffer needs Node's Buffer, toBlob a DOM), so shared/ stays runtime-neutral. A document
 * the kit composed gets its font table (宋体/黑体 as alternative names) and its company; rows a
 * long table left as text (raw-rows.ts) are put in place here.
 */
export async function packDocument(document: Document): Promise<Uint8Array> {
  const input = composedFrom(document);
  const overrides = input
    ? [
        { path: 'word/fontTable.xml', data: fontTableXml() },
        { path: 'docProps/app.xml', data: appPropertiesXml(input.meta.company) },
      ]
    : undefined;
  const bytes = new Uint8Array(await Packer.toArrayBuffer(document, false, overrides));
  const raw = input?.ctx.rawRows;
  return raw ? raw.packInto(bytes) : bytes;
}
