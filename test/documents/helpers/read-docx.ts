import validate, { type ValidationResult } from '@ooxml-tools/validate';
import JSZip from 'jszip';
import mammoth from 'mammoth';

/** What the tests read back from a .docx: its text, its HTML (mammoth) and its raw parts. */
export interface ReadBack {
  text: string;
  html: string;
  /** <h1>…<h3> texts in order, as mammoth maps the heading styles. */
  headings: Array<{ level: number; text: string }>;
  tables: number;
  zip: JSZip;
  part(name: string): Promise<string>;
}

function decodeEntities(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * A date after words in a table cell has non-breaking hyphens (kit/no-break.ts), printed as "-",
 * or, in brackets, word joiners around its hyphens, printed as nothing: read as printed.
 */
const asPrinted = (text: string) => text.replaceAll('\u2011', '-').replaceAll('\u2060', '');

export async function readBack(bytes: Uint8Array): Promise<ReadBack> {
  const buffer = Buffer.from(bytes);
  const [{ value: rawText }, { value: rawHtml }, zip] = await Promise.all([
    mammoth.extractRawText({ buffer }),
    mammoth.convertToHtml({ buffer }),
    JSZip.loadAsync(bytes),
  ]);
  const text = asPrinted(rawText);
  const html = asPrinted(rawHtml);
  const headings = [...html.matchAll(/<h([1-6])>(.*?)<\/h\1>/g)].map((m) => ({
    level: Number(m[1]),
    text: decodeEntities(m[2]!),
  }));
  return {
    text,
    html,
    headings,
    tables: (html.match(/<table>/g) ?? []).length,
    zip,
    part: async (name) => {
      const file = zip.file(name);
      if (!file) throw new Error(`no part ${name}`);
      return file.async('string');
    },
  };
}

/** Open XML SDK validation errors (Microsoft 365 rules), formatted for a failing assertion. */
export async function validationErrors(bytes: Uint8Array): Promise<string[]> {
  const results: ValidationResult[] = await validate(bytes, 'docx');
  return results.map((r) => `${r.path.partUri} ${r.path.xpath}: ${r.description}`);
}

/** The lines of the table of contents as mammoth reads them: "1.1 标识\t4". */
export function tocLines(text: string): string[] {
  const start = text.indexOf('目  录');
  if (start < 0) return [];
  return text
    .slice(start)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^\d+(\.\d+)*\s\S.*\t\d*$/.test(line));
}
