import { type Document, Packer } from 'docx';

/**
 * The .docx file's bytes. toArrayBuffer works in Node, browsers and Web Workers alike
 * (toBuffer needs Node's Buffer, toBlob a DOM), so shared/ stays runtime-neutral.
 */
export async function packDocument(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
