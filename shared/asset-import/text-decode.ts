/**
 * Bytes of a CSV file to text. Excel on a Chinese Windows saves "CSV (逗号分隔)" in the ANSI code
 * page, i.e. GBK, while other tools write UTF-8 with or without a BOM. A strict UTF-8 decode
 * almost never succeeds on GBK Chinese text, so: BOM → that encoding; valid UTF-8 → UTF-8;
 * otherwise GB18030 (a superset of GBK and GB2312).
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

// shared/ is compiled without DOM or Node types; TextDecoder exists in browsers, Electron and Node
// alike, so it is reached through globalThis with just the surface used here.
interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
type TextDecoderConstructor = new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => TextDecoderLike;

function decoder(label: TextEncodingName, fatal: boolean): TextDecoderLike {
  const Decoder = (globalThis as unknown as { TextDecoder?: TextDecoderConstructor }).TextDecoder;
  if (!Decoder) throw new Error('此运行环境不支持文本解码 (TextDecoder)');
  // ignoreBOM: the BOM is stripped below, explicitly, for every encoding alike.
  return new Decoder(label, { fatal, ignoreBOM: true });
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decoder('utf-8', false).decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decoder('utf-16le', false).decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decoder('utf-16be', false).decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: decoder('utf-8', true).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decoder('gb18030', false).decode(bytes), encoding: 'gb18030' };
  }
}
