/**
 * 公司模板 (house templates): a company's own .docx — its cover, header and footer, logo and
 * styles — with {{占位符}}, into which a deliverable's content is put.
 *
 * - Text placeholders anywhere in the template (cover, header, footer, body) get the document's
 *   identification: {{项目名称}} {{项目编号}} {{客户}} {{文档名称}} {{文档编号}} {{版本号}}
 *   {{密级}} {{日期}} {{公司}} {{编制}} {{编制日期}} {{审核}} {{审核日期}} {{批准}} {{批准日期}}
 *   (or their English keys, see `placeholderValues`). Spaces inside the braces are allowed.
 * - The paragraph holding {{正文}} (or {{content}}) is replaced by the document's 修订记录,
 *   目录 and chapters: the paragraphs and tables the builder made, inserted whole with
 *   patchDocument's PatchType.DOCUMENT (linear in their size; its TABLE_ROWS patching is
 *   quadratic and is not used).
 * - The template's styles win: a style the content uses that the template has (by id, or by
 *   name as Chinese Word names its ids "1", "a3"…) keeps the template's look; the styles it
 *   lacks are added from the kit. Headings get the kit's 1 / 1.1 / 1.1.1 numbering unless the
 *   template's heading styles are numbered already.
 * - Tables and pictures are laid out for the text width of the template's section that holds
 *   {{正文}}.
 *
 * Runtime-neutral (docx + JSZip on bytes), so it runs in the app's Web Worker like renderDocument.
 */
import { Document, type FileChild, Packer, Paragraph, PatchType, patchDocument, TableOfContents, TextRun } from 'docx';
import JSZip from 'jszip';
import type { Gap } from './checks';
import type { ProjectDocumentData } from './data';
import { composedFrom } from './kit/compose';
import type { BuildOptions } from './kit/context';
import { frontTitle, revisionHistory } from './kit/front-matter';
import { type DocumentMeta, versionLabel } from './kit/meta';
import { documentNumbering, documentStyles } from './kit/styles';
import { headingOf } from './kit/text';
import { A4, type PageMargins, pageGeometry } from './kit/units';
import { documentBuilders } from './builders';
import type { DocumentTypeKey } from './catalogue/document-types';
import {
  type ContentSlot,
  findContentParagraph,
  HouseTemplateError,
  placeholderValues,
  readPart,
} from './house-template-check';

export {
  contentPlaceholders,
  HouseTemplateError,
  type HouseTemplateSummary,
  inspectHouseTemplate,
  placeholderValues,
} from './house-template-check';

export interface HouseTemplateOptions extends BuildOptions {
  /** Put the kit's 修订记录 and 目录 before the chapters (default true). */
  frontMatter?: boolean;
}

export type HouseTemplateResult =
  { ok: true; bytes: Uint8Array; placeholders: string[]; warnings: string[] } | { ok: false; missing: Gap[] };

/**
 * Builds the document `key` from `data` and puts it into the house template. Missing data
 * behaves as in renderDocument (allowMissing); a template without a {{正文}} paragraph throws
 * HouseTemplateError.
 */
export async function renderWithHouseTemplate(
  templateBytes: Uint8Array,
  key: DocumentTypeKey,
  data: ProjectDocumentData,
  meta: DocumentMeta,
  options: HouseTemplateOptions,
): Promise<HouseTemplateResult> {
  const build = documentBuilders[key];
  if (!build) throw new Error(`unknown document type ${key}`);
  const template = await JSZip.loadAsync(templateBytes);
  const documentXml = await readPart(template, 'word/document.xml');
  if (!documentXml) throw new HouseTemplateError('模板不是有效的 Word 文档（缺少 word/document.xml）');
  const slot = findContentParagraph(documentXml);
  if (!slot) throw new HouseTemplateError('模板中没有 {{正文}} 占位符：请在模板中放正文的位置单独一段写上 {{正文}}');

  // Lay the content out for the template's text width.
  const result = build(data, meta, { ...options, margins: options.margins ?? marginsFor(slot.section) });
  if (!result.ok) return result;
  const composed = composedFrom(result.document);
  if (!composed) throw new Error(`${key}: the builder did not use composeDocument`);
  const { ctx } = composed;
  const title = meta.title ?? composed.title;

  const kit = await kitParts(ctx.page.textWidth);
  await prepareTemplate(template, documentXml, slot, kit);
  const prepared = await template.generateAsync({ type: 'uint8array' });

  const front =
    options.frontMatter === false ? [] : [...revisionHistory(ctx, meta.revisions), ...contentsFor(composed.body)];
  const values = placeholderValues(meta, {
    title: composed.title,
    projectName: composed.projectName,
    projectCode: composed.projectCode,
    customer: composed.customer,
  });
  const patches: Record<
    string,
    | { type: typeof PatchType.PARAGRAPH; children: TextRun[] }
    | { type: typeof PatchType.DOCUMENT; children: FileChild[] }
  > = {};
  for (const [name, value] of Object.entries(values))
    patches[name] = { type: PatchType.PARAGRAPH, children: [new TextRun(value)] };
  patches[slot.key] = { type: PatchType.DOCUMENT, children: [...front, ...composed.body] };

  let bytes = await patchDocument({
    outputType: 'uint8array',
    data: prepared,
    patches,
    keepOriginalStyles: true,
    trimPlaceholders: true,
    numbering: documentNumbering(),
    properties: {
      title,
      subject: composed.projectName,
      creator: meta.preparedBy.name || meta.company,
      description: `${meta.documentNumber} ${versionLabel(meta.version, meta.minor)}`,
    },
  });
  if (kit.renamed.size > 0) bytes = await renameStyleReferences(bytes, kit.renamed);
  bytes = await ctx.rawRows.packInto(bytes);
  return { ok: true, bytes, placeholders: result.placeholders, warnings: result.warnings };
}

// --- The content paragraph and its section -------------------------------------------------------

function attribute(xml: string, element: string, name: string): number | undefined {
  const tag = new RegExp(`<w:${element}\\b[^>]*>`).exec(xml)?.[0];
  const value = tag ? new RegExp(`w:${name}="(-?\\d+)"`).exec(tag)?.[1] : undefined;
  return value === undefined ? undefined : Number(value);
}

/**
 * Margins that give the kit the template section's text width and height: the kit lays pages
 * out on A4, so a template on another paper size gets its text width through the right margin.
 */
function marginsFor(section: string): PageMargins | undefined {
  const width = attribute(section, 'pgSz', 'w');
  const left = attribute(section, 'pgMar', 'left');
  const right = attribute(section, 'pgMar', 'right');
  if (width === undefined || left === undefined || right === undefined) return undefined;
  const textWidth = width - left - right;
  if (textWidth < 2000) return undefined;
  return {
    left,
    right: A4.width - left - textWidth,
    top: Math.abs(attribute(section, 'pgMar', 'top') ?? 1440),
    bottom: Math.abs(attribute(section, 'pgMar', 'bottom') ?? 1440),
  };
}

// --- Table of contents ---------------------------------------------------------------------------

/**
 * 目录 from the headings the builder made, numbered as the heading styles number them. A
 * template's pages are not laid out here, so the entries have no page numbers; the field is
 * marked dirty, and Word and WPS fill them in when the document is opened or the field updated.
 */
function contentsFor(body: FileChild[]): FileChild[] {
  const counters = [0, 0, 0];
  const cachedEntries: Array<{ title: string; level: number }> = [];
  for (const block of body) {
    const h = headingOf(block);
    if (!h) continue;
    counters[h.level - 1]! += 1;
    for (let i = h.level; i < counters.length; i++) counters[i] = 0;
    cachedEntries.push({ title: `${counters.slice(0, h.level).join('.')} ${h.text}`, level: h.level });
  }
  return [
    frontTitle('目  录', { newPage: true }),
    new TableOfContents('目录', { headingStyleRange: '1-3', hyperlink: true, cachedEntries, beginDirty: true }),
  ];
}

// --- Styles and heading numbering -----------------------------------------------------------------

interface StyleBlock {
  id: string;
  type: string;
  name: string;
  xml: string;
}

function stylesIn(xml: string): StyleBlock[] {
  return [...xml.matchAll(/<w:style\b[^>]*>[\s\S]*?<\/w:style>/g)].map((m) => {
    const open = /^<w:style\b[^>]*>/.exec(m[0])![0];
    return {
      id: /w:styleId="([^"]*)"/.exec(open)?.[1] ?? '',
      type: /w:type="([^"]*)"/.exec(open)?.[1] ?? 'paragraph',
      name: (/<w:name w:val="([^"]*)"/.exec(m[0])?.[1] ?? '').toLowerCase(),
      xml: m[0],
    };
  });
}

interface KitParts {
  styles: StyleBlock[];
  /** The heading list: its abstractNum element (ids to be renumbered). */
  headingAbstract: string;
  /** Our style id → the template's style id, for styles the template has under another id. */
  renamed: Map<string, string>;
}

const kitCache = new Map<number, Promise<Omit<KitParts, 'renamed'>>>();

/** The kit's styles.xml and heading list, read from a tiny document packed once per text width. */
function kitParts(textWidth: number): Promise<KitParts> {
  let cached = kitCache.get(textWidth);
  if (!cached) {
    cached = (async () => {
      const page = pageGeometry({ left: 1800, right: A4.width - 1800 - textWidth, top: 1440, bottom: 1440 });
      const document = new Document({
        styles: documentStyles(page),
        numbering: documentNumbering(),
        sections: [{ children: [new Paragraph('')] }],
      });
      const zip = await JSZip.loadAsync(await Packer.toArrayBuffer(document));
      const styles = stylesIn((await readPart(zip, 'word/styles.xml')) ?? '');
      const numbering = (await readPart(zip, 'word/numbering.xml')) ?? '';
      const numId = /<w:numId w:val="(\d+)"/.exec(styles.find((s) => s.id === 'Heading1')?.xml ?? '')?.[1];
      const abstractId = new RegExp(`<w:num w:numId="${numId}"[^>]*>\\s*<w:abstractNumId w:val="(\\d+)"`).exec(
        numbering,
      )?.[1];
      const headingAbstract =
        new RegExp(`<w:abstractNum\\b[^>]*w:abstractNumId="${abstractId}"[^>]*>[\\s\\S]*?</w:abstractNum>`).exec(
          numbering,
        )?.[0] ?? '';
      return { styles, headingAbstract };
    })();
    kitCache.set(textWidth, cached);
  }
  return cached.then((parts) => ({ ...parts, renamed: new Map() }));
}

const headingIds = ['Heading1', 'Heading2', 'Heading3'];

/**
 * Gives the template what the content needs before it is patched in: the kit's styles it lacks,
 * numbered headings, and its content paragraph on its own (a section break in it is kept in a
 * paragraph of its own, as patching replaces the whole paragraph).
 *
 * Headings: a template whose heading styles are numbered keeps them as they are. A template
 * without heading styles gets the kit's. A template with unnumbered heading styles keeps them,
 * renamed (id TemplateHeadingN, name "Template Heading N") for its own paragraphs — a heading
 * on its cover stays unnumbered — and the content's headings get a style "heading N" based on
 * it, looking the same, with the kit's numbering added.
 */
async function prepareTemplate(zip: JSZip, documentXml: string, slot: ContentSlot, kit: KitParts): Promise<void> {
  let bodyXml = documentXml;
  const paragraph = documentXml.slice(slot.start, slot.end);
  const sectPr = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(paragraph)?.[0];
  if (sectPr)
    bodyXml =
      documentXml.slice(0, slot.start) +
      paragraph.replace(sectPr, '') +
      `<w:p><w:pPr>${sectPr}</w:pPr></w:p>` +
      documentXml.slice(slot.end);

  let stylesXml = await readPart(zip, 'word/styles.xml');
  if (!stylesXml) {
    stylesXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"></w:styles>`;
    await addPart(
      zip,
      'styles.xml',
      stylesXml,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml',
      'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
    );
  }
  const theirs = stylesIn(stylesXml);
  const numbered = (style: StyleBlock | undefined) => style !== undefined && /<w:numPr>/.test(style.xml);
  const theirHeading = headingIds.map(
    (id, i) =>
      theirs.find((t) => t.id === id) ?? theirs.find((t) => t.type === 'paragraph' && t.name === `heading ${i + 1}`),
  );
  const numId =
    kit.headingAbstract && !theirHeading.every(numbered) ? await addHeadingList(zip, kit.headingAbstract) : undefined;

  // The template's own unnumbered heading styles step aside (renamed in its styles and parts).
  const renamedOwn = new Map<string, string>();
  theirHeading.forEach((t, i) => {
    if (t && !numbered(t)) renamedOwn.set(t.id, `TemplateHeading${i + 1}`);
  });
  const ownRefs = (xml: string) =>
    xml.replace(
      /(<w:(?:pStyle|basedOn|next|link) w:val=")([^"]*)(")/g,
      (_, a: string, id: string, b: string) => a + (renamedOwn.get(id) ?? id) + b,
    );
  let styles = stylesXml;
  theirHeading.forEach((t, i) => {
    if (!t || numbered(t)) return;
    const renamed = t.xml
      .replace(/w:styleId="[^"]*"/, `w:styleId="TemplateHeading${i + 1}"`)
      .replace(/<w:name w:val="[^"]*"\/>/, `<w:name w:val="Template Heading ${i + 1}"/>`);
    styles = styles.replace(t.xml, renamed);
  });
  if (renamedOwn.size > 0) {
    styles = ownRefs(styles);
    bodyXml = ownRefs(bodyXml);
    for (const name of Object.keys(zip.files).filter((f) => /^word\/(header|footer)\d*\.xml$/.test(f)))
      zip.file(name, ownRefs((await readPart(zip, name))!));
  }
  if (bodyXml !== documentXml) zip.file('word/document.xml', bodyXml);

  // The kit's styles the template lacks (by id or by name); ids it has under another name are mapped.
  const remaining = stylesIn(styles);
  const target = new Map<string, string>();
  const added: StyleBlock[] = [];
  for (const style of kit.styles) {
    const level = headingIds.indexOf(style.id);
    if (level >= 0) {
      const t = theirHeading[level];
      target.set(style.id, t && numbered(t) ? t.id : style.id);
      continue;
    }
    const same =
      remaining.find((t) => t.id === style.id) ?? remaining.find((t) => t.type === style.type && t.name === style.name);
    target.set(style.id, same ? same.id : style.id);
    if (!same) added.push(style);
    else if (same.id !== style.id) kit.renamed.set(style.id, same.id);
  }
  const kitRefs = (xml: string) =>
    xml.replace(
      /(<w:(?:basedOn|next|link) w:val=")([^"]*)(")/g,
      (_, a: string, id: string, b: string) => a + (target.get(id) ?? id) + b,
    );
  let additions = added.map((style) => kitRefs(style.xml)).join('');
  headingIds.forEach((id, i) => {
    const t = theirHeading[i];
    if (numbered(t)) return;
    const numPr = numId === undefined ? '' : `<w:numPr><w:ilvl w:val="${i}"/><w:numId w:val="${numId}"/></w:numPr>`;
    if (t) {
      // Looks as the template's heading does, numbered as the kit numbers.
      additions +=
        `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="heading ${i + 1}"/><w:basedOn w:val="TemplateHeading${i + 1}"/>` +
        `<w:next w:val="${target.get('BodyText') ?? 'Normal'}"/><w:uiPriority w:val="9"/><w:qFormat/>` +
        `<w:pPr><w:keepNext/><w:keepLines/>${numPr}<w:outlineLvl w:val="${i}"/></w:pPr></w:style>`;
    } else {
      const kitStyle = kit.styles.find((s) => s.id === id);
      if (kitStyle) additions += kitRefs(kitStyle.xml).replace(/<w:numPr>[\s\S]*?<\/w:numPr>/, numPr);
    }
  });
  zip.file('word/styles.xml', styles.replace(/<\/w:styles>\s*$/, `${additions}</w:styles>`));
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Adds the heading list to the template's numbering (creating the part if it has none); returns its numId. */
async function addHeadingList(zip: JSZip, abstractNum: string): Promise<number> {
  let numbering = await readPart(zip, 'word/numbering.xml');
  if (!numbering) {
    numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="${W}"></w:numbering>`;
    await addPart(
      zip,
      'numbering.xml',
      numbering,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml',
      'http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering',
    );
  }
  const next = (pattern: RegExp) => Math.max(0, ...[...numbering!.matchAll(pattern)].map((m) => Number(m[1]))) + 1;
  const abstractId = next(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"/g);
  const numId = next(/<w:num\b[^>]*w:numId="(\d+)"/g);
  // Only w: attributes: the template may not declare the w15 namespace docx's list carries.
  const list = abstractNum.replace(/^<w:abstractNum\b[^>]*>/, `<w:abstractNum w:abstractNumId="${abstractId}">`);
  const num = `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/></w:num>`;
  // All abstractNum elements come before the num elements.
  const firstNum = numbering.search(/<w:num\b/);
  const withList =
    firstNum >= 0
      ? numbering.slice(0, firstNum) + list + numbering.slice(firstNum)
      : numbering.replace(/<\/w:numbering>\s*$/, `${list}</w:numbering>`);
  zip.file('word/numbering.xml', withList.replace(/<\/w:numbering>\s*$/, `${num}</w:numbering>`));
  return numId;
}

async function addPart(
  zip: JSZip,
  name: string,
  xml: string,
  contentType: string,
  relationshipType: string,
): Promise<void> {
  zip.file(`word/${name}`, xml);
  const types = (await readPart(zip, '[Content_Types].xml')) ?? '';
  zip.file(
    '[Content_Types].xml',
    types.replace('</Types>', `<Override PartName="/word/${name}" ContentType="${contentType}"/></Types>`),
  );
  const relsPath = 'word/_rels/document.xml.rels';
  const rels =
    (await readPart(zip, relsPath)) ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const id = `rIdFieldbook${name.replace(/\W/g, '')}`;
  zip.file(
    relsPath,
    rels.replace(
      '</Relationships>',
      `<Relationship Id="${id}" Type="${relationshipType}" Target="${name}"/></Relationships>`,
    ),
  );
}

/** Points the content's style references at the template's ids for styles it has under another id. */
async function renameStyleReferences(bytes: Uint8Array, renamed: Map<string, string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await readPart(zip, 'word/document.xml'))!;
  zip.file(
    'word/document.xml',
    xml.replace(
      /(<w:(?:pStyle|rStyle|tblStyle) w:val=")([^"]*)(")/g,
      (_, a: string, id: string, b: string) => a + (renamed.get(id) ?? id) + b,
    ),
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
