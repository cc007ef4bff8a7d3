import { execFileSync } from 'node:child_process';

/** The text of every page of a PDF as poppler lays it out (`pdftotext -layout`), one string per page. */
export function pdfPages(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** One line of a printed 目录: the heading's number and title, and the page it points to. */
export interface TocEntry {
  number: string;
  title: string;
  page: number;
}

/** A heading as printed: CJK text comes out of pdftotext spaced unevenly, so spaces are dropped. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * The entries of the 目录: the page titled 目录 and the ones after it up to the first page that
 * has no entry. An entry whose title wraps continues on the next line and ends with the dot
 * leader and page number there.
 */
export function tocEntries(pages: string[]): { entries: TocEntry[]; tocPages: number[] } {
  const first = pages.findIndex((page) => page.split('\n').some((line) => squeeze(line) === '目录'));
  if (first < 0) return { entries: [], tocPages: [] };
  const entries: TocEntry[] = [];
  const tocPages: number[] = [];
  for (let index = first; index < pages.length; index++) {
    let pending = '';
    let found = 0;
    for (const raw of pages[index]!.split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      const joined = pending ? `${pending} ${line}` : line;
      const entry = /^(\d+(?:\.\d+)*)\s+(.+?)\s*\.{3,}\s*(\d+)$/.exec(joined);
      if (entry) {
        entries.push({ number: entry[1]!, title: squeeze(entry[2]!), page: Number(entry[3]) });
        pending = '';
        found++;
      } else if (/^\d+(?:\.\d+)*\s+\S/.test(line) && !/\.{3,}/.test(line)) {
        pending = line; // a title wrapping onto the next line
      } else {
        pending = '';
      }
    }
    if (found === 0 && index > first) break;
    tocPages.push(index + 1);
  }
  return { entries, tocPages };
}

/**
 * The page (1-based) each heading is printed on: the first page after the 目录 with a line that
 * starts with the heading's number and title.
 */
export function headingPage(pages: string[], entry: TocEntry, after: number): number | undefined {
  const wanted = squeeze(`${entry.number}${entry.title}`);
  for (let index = after; index < pages.length; index++) {
    for (const line of pages[index]!.split('\n')) {
      const text = line.trim();
      // A heading stands alone on its line; the same words inside a sentence or a table do not count.
      if (text.startsWith(entry.number) && squeeze(text) === wanted) return index + 1;
    }
  }
  return undefined;
}

/** The number a page's footer prints (「第 X 页 共 Y 页」), undefined on the cover and the Roman-numbered front matter. */
export function printedPageNumber(page: string): number | undefined {
  const footer = [...page.matchAll(/第\s*(\d+)\s*页\s*共\s*\d+\s*页/g)].at(-1);
  return footer ? Number(footer[1]) : undefined;
}

/** Every 目录 entry whose page number is not the number printed on the page its heading is on. */
export function tocMismatches(pages: string[]): {
  entries: number;
  wrong: Array<TocEntry & { actual: number | undefined }>;
} {
  const { entries, tocPages } = tocEntries(pages);
  const after = tocPages.at(-1) ?? 0;
  const wrong = entries
    .map((entry) => {
      const physical = headingPage(pages, entry, after);
      return { ...entry, actual: physical === undefined ? undefined : printedPageNumber(pages[physical - 1]!) };
    })
    .filter((entry) => entry.actual !== entry.page);
  return { entries: entries.length, wrong };
}

/** Words a reader must see whole: dates, IPv4 and e-mail addresses, setting names such as PASS_MAX_DAYS. */
const wholeWords = [
  /\b\d{4}-\d{2}-\d{2}\b/g,
  /\b\d{1,3}(?:\.\d{1,3}){3}\b/g,
  /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g,
  /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g,
];

function countOf(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const pattern of wholeWords)
    for (const match of text.matchAll(pattern)) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  return counts;
}

/**
 * The words of a document's text (dates, addresses, setting names) that the printed pages show
 * fewer times whole than the text has them: each of those was broken across lines somewhere.
 */
export function brokenWords(documentText: string, pages: string[]): string[] {
  const printed = countOf(pages.join('\n'));
  return [...countOf(documentText)].filter(([word, count]) => (printed.get(word) ?? 0) < count).map(([word]) => word);
}

/** The text of the table cells of word/document.xml, a line per paragraph, as the tests compare it with the print. */
export function tableCellText(xml: string): string {
  return [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)]
    .map((cell) => cell[1]!)
    .join('</w:p>')
    .split('</w:p>')
    .map((paragraph) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replaceAll('\u2011', '-') // a non-breaking hyphen (kit/no-break.ts) prints as "-"
    .replaceAll('\u2060', ''); // a word joiner (kit/no-break.ts) as nothing
}
