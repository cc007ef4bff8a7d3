import { type Document, Packer } from 'docx';
import { composedFrom } from './compose';

/**
 * The .docx file's bytes. toArrayBuffer works in Node, browsers and Web Workers alike
 * (toBuffer needs Node's Buffer, toBlob a DOM), so shared/ stays runtime-neutral. Rows a long
 * table left as text (raw-rows.ts) are put in place here.
 */
export async function packDocument(document: Document): Promise<Uint8Array> {
  const bytes = new Uint8Array(await Packer.toArrayBuffer(document));
  const raw = composedFrom(document)?.ctx.rawRows;
  return raw ? raw.packInto(bytes) : bytes;
}
