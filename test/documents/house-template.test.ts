import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  TextRun,
} from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  HouseTemplateError,
  inspectHouseTemplate,
  placeholderValues,
  prepareExport,
  renderDocument,
  renderWithHouseTemplate,
} from '../../shared/documents';
import { richFixture } from './helpers/fixture';
import { Canvas, encodePng } from './helpers/images';
import { type ReadBack, readBack, validationErrors } from './helpers/read-docx';
import { zh } from '../unit/helpers/gaps';

const fixture = richFixture();
const company = '恒信科技有限公司';

/** The company's logo: a small PNG, recognisable by its bytes. */
function logo(): Uint8Array {
  const canvas = new Canvas(160, 48);
  canvas.rect(0, 0, 48, 48, [0, 82, 155, 255]);
  canvas.rect(56, 14, 96, 20, [200, 30, 40, 255]);
  return encodePng(canvas);
}

/**
 * A company template as its staff would make it in Word: a cover with placeholders and a
 * heading of its own, a header with the logo and the company's text, a footer with a page
 * number, a body style of its own called "Body Text" under another id, a preface paragraph,
 * then {{正文}} where the content goes.
 */
async function houseTemplate(options: { content?: string } = {}): Promise<Uint8Array> {
  const document = new Document({
    styles: {
      default: { heading1: { run: { color: '2E74B5', size: 36 } } },
      paragraphStyles: [{ id: 'CompanyBody', name: 'Body Text', basedOn: 'Normal', run: { color: '1F3864' } }],
    },
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: '{{文档名称}}', size: 48, bold: true })],
          }),
          new Paragraph('项目：{{项目名称}}（{{项目编号}}）'),
          new Paragraph('客户：{{ 客户 }}'),
          new Paragraph('文档编号：{{文档编号}}  版本：{{版本号}}  密级：{{密级}}'),
          new Paragraph('编制：{{编制}}  审核：{{审核}}'),
          new Paragraph('{{公司}}  {{日期}}'),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('公司资质声明')] }),
        ],
      },
      {
        properties: { type: SectionType.NEXT_PAGE },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                children: [
                  new ImageRun({
                    type: 'png',
                    data: logo(),
                    transformation: { width: 80, height: 24 },
                    altText: { name: 'logo', description: '公司标志', title: '公司标志' },
                  }),
                  new TextRun('  恒信科技 · 质量体系文件 · {{文档名称}}'),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                children: [new TextRun({ children: ['恒信科技内部资料  第 ', PageNumber.CURRENT, ' 页'] })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ style: 'CompanyBody', children: [new TextRun('本文件按恒信科技文档模板编制。')] }),
          new Paragraph(`{{${options.content ?? '正文'}}}`),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

function metaFor(docType: 'requirementsSpec' | 'baselineReport') {
  return prepareExport({
    docType,
    project: fixture.data.project,
    exports: fixture.exports,
    exportedBy: '陈立',
    exportedAt: '2026-03-10T15:30',
    company,
    reviewedBy: { name: '周明', date: '2026-03-10' },
  }).meta;
}

describe('house templates: a company .docx with {{placeholders}}', () => {
  let template: Uint8Array;
  let spec: ReadBack;
  let specBytes: Uint8Array;
  let baseline: ReadBack;
  let baselineBytes: Uint8Array;

  beforeAll(async () => {
    template = await houseTemplate();
    const result = await renderWithHouseTemplate(
      template,
      'requirementsSpec',
      fixture.data,
      metaFor('requirementsSpec'),
      { allowMissing: false, files: fixture.files },
    );
    if (!result.ok) throw new Error(zh(result.missing).join('; '));
    expect(result.placeholders).toEqual([]);
    specBytes = result.bytes;
    spec = await readBack(specBytes);
    // The app's render path: renderDocument with houseTemplate.
    const viaApp = await renderDocument('baselineReport', fixture.data, metaFor('baselineReport'), {
      allowMissing: false,
      files: fixture.files,
      houseTemplate: template,
    });
    if (!viaApp.ok) throw new Error(zh(viaApp.missing).join('; '));
    baselineBytes = viaApp.bytes;
    baseline = await readBack(baselineBytes);
  }, 120_000);

  it('gives valid Word files (Open XML SDK validator: no errors)', async () => {
    expect(await validationErrors(specBytes)).toEqual([]);
    expect(await validationErrors(baselineBytes)).toEqual([]);
  }, 60_000);

  it("keeps the template's header with its logo and text, and its footer", async () => {
    for (const doc of [spec, baseline]) {
      const headers = Object.keys(doc.zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f));
      expect(headers).toHaveLength(1);
      const header = await doc.part(headers[0]!);
      expect(header).toContain('恒信科技 · 质量体系文件 · ');
      expect(header).toContain('<w:drawing>');
      // The logo the header shows is the template's picture, byte for byte.
      const relId = /r:embed="([^"]+)"/.exec(header)![1]!;
      const rels = await doc.part(headers[0]!.replace('word/', 'word/_rels/') + '.rels');
      const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${relId}"`).exec(rels)!;
      const media = await doc.zip.file(`word/${target[1] ?? target[2]}`)!.async('uint8array');
      expect(Buffer.from(media).equals(Buffer.from(logo()))).toBe(true);
      const footers = Object.keys(doc.zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
      expect(await doc.part(footers[0]!)).toContain('恒信科技内部资料');
    }
    expect(await spec.part('word/header1.xml')).toContain('需求规格说明书');
    expect(await baseline.part('word/header1.xml')).toContain('配置基线检查报告');
  });

  it('fills the placeholders of the cover and header, and leaves none', async () => {
    const meta = metaFor('requirementsSpec');
    const values = placeholderValues(meta, {
      title: '需求规格说明书',
      projectName: fixture.data.project.name,
      projectCode: fixture.data.project.code,
      customer: fixture.data.project.customer,
    });
    const cover = spec.text.slice(0, spec.text.indexOf('本文件按恒信科技文档模板编制'));
    for (const line of [
      '需求规格说明书',
      `项目：江南银行数据中心运维服务项目（JNB-OPS-2026）`,
      '客户：江南银行股份有限公司',
      '文档编号：JNB-OPS-2026-SRS  版本：V3.0  密级：秘密', // a 需求规格说明书 lists the customer's IP addresses
      '编制：陈立  审核：周明',
      `${company}  2026年3月10日`,
    ]) {
      expect(cover, line).toContain(line);
    }
    expect(values.日期).toBe('2026年3月10日');
    for (const part of Object.keys(spec.zip.files).filter((f) => /^word\/.*\.xml$/.test(f)))
      expect(await spec.part(part), part).not.toContain('{{');
  });

  it('puts the content where {{正文}} was: 修订记录, 目录 and the numbered chapters with their tables and pictures', async () => {
    const text = spec.text;
    const preface = text.indexOf('本文件按恒信科技文档模板编制。');
    expect(preface).toBeGreaterThan(0);
    expect(text.indexOf('修订记录')).toBeGreaterThan(preface);
    expect(text).toMatch(/V3\.0\s+2026-03-10\s+陈立/);
    // The 目录 lists the headings with their numbers (page numbers are left to Word: the field is dirty).
    expect(text).toMatch(/目 {2}录\s+1 范围\s+1\.1 标识/);
    const body = await spec.part('word/document.xml');
    expect(body).toMatch(/<w:fldChar w:fldCharType="begin" w:dirty="true"\/>/);
    expect(spec.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual([
      '范围',
      '引用文件',
      '需求',
      '合格性规定',
      '需求可追踪性',
      '尚未解决的问题',
      '注解',
    ]);
    expect(spec.tables).toBeGreaterThanOrEqual(12);
    for (const content of ['REQ-001', 'GB/T 8567-2006', '图 1 二号机房 B 列交换机告警灯常亮', '甲方（盖章）：'])
      expect(text, content).toContain(content);
    // The survey photos came along: the logo and the two pictures.
    expect(Object.keys(spec.zip.files).filter((f) => f.startsWith('word/media/')).length).toBe(3);

    // The baseline report's drawn signatures land in the records of the objects it prints here too.
    const signed = fixture.data.inspections!.filter(
      (i) =>
        i.status === 'signed' &&
        fixture.data.inspectionResults!.some(
          (r) => r.inspectionId === i.id && (r.verdict === 'fail' || r.evidence.trim()),
        ),
    ).length;
    const baselineXml = await baseline.part('word/document.xml');
    expect(signed).toBeGreaterThan(0);
    expect(baselineXml.match(/签字确认（已签字）(?:(?!<\/w:p>)[\s\S])*?<w:drawing>/g)).toHaveLength(signed);
    expect(baselineXml).toContain('w:fill="C6E0B4"');
  });

  it("uses the template's styles, adds the ones it lacks, and numbers the content's headings only", async () => {
    const styles = await spec.part('word/styles.xml');
    const body = await spec.part('word/document.xml');
    // The template's "Body Text" (id CompanyBody) is used for the content's body text.
    expect(body).toContain('<w:pStyle w:val="CompanyBody"/>');
    expect(body).not.toContain('<w:pStyle w:val="BodyText"/>');
    expect(styles.match(/<w:name w:val="Body Text"\/>/g)).toHaveLength(1);
    // The kit's own styles it lacked were added.
    for (const id of ['TableText', 'TableTextSmall', 'FrontTitle', 'Placeholder', 'CodeBlock'])
      expect(styles, id).toContain(`w:styleId="${id}"`);
    // The template's heading keeps its look for its own cover heading, unnumbered…
    const own = /<w:style [^>]*w:styleId="TemplateHeading1"[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(own).toContain('<w:color w:val="2E74B5"/>');
    expect(own).not.toContain('<w:numPr>');
    expect(body).toMatch(/<w:pStyle w:val="TemplateHeading1"\/>[\s\S]*?公司资质声明/);
    // …and the content's headings look the same, numbered 1 / 1.1 / 1.1.1.
    const heading1 = /<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(heading1).toContain('<w:basedOn w:val="TemplateHeading1"/>');
    const numId = /<w:numId w:val="(\d+)"\/>/.exec(heading1)![1];
    const numbering = await spec.part('word/numbering.xml');
    const abstractId = new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)![1];
    const list = new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}">[\\s\\S]*?</w:abstractNum>`).exec(
      numbering,
    )![0];
    for (const level of ['%1', '%1.%2', '%1.%2.%3']) expect(list).toContain(`<w:lvlText w:val="${level}"/>`);
  });

  it('lays the content out for the text width of the template', async () => {
    const narrow = new Document({
      sections: [
        { properties: { page: { margin: { left: 2268, right: 2268 } } }, children: [new Paragraph('{{正文}}')] },
      ],
    });
    const result = await renderWithHouseTemplate(
      new Uint8Array(await Packer.toArrayBuffer(narrow)),
      'serviceLevelAgreement',
      fixture.data,
      metaFor('requirementsSpec'),
      { allowMissing: false },
    );
    if (!result.ok) throw new Error();
    const body = await (await readBack(result.bytes)).part('word/document.xml');
    const widths = [...body.matchAll(/<w:tblW w:type="dxa" w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(Math.max(...widths)).toBe(11906 - 2 * 2268);
    expect(await validationErrors(result.bytes)).toEqual([]);
  }, 60_000);

  it('accepts {{content}} and says clearly when the template has no content placeholder', async () => {
    const english = await renderWithHouseTemplate(
      await houseTemplate({ content: 'content' }),
      'cutoverPlan',
      fixture.data,
      metaFor('requirementsSpec'),
      { allowMissing: false },
    );
    expect(english.ok && (await readBack(english.bytes)).text).toContain('切换步骤');
    await expect(
      renderWithHouseTemplate(
        await houseTemplate({ content: '内容' }),
        'cutoverPlan',
        fixture.data,
        metaFor('requirementsSpec'),
        { allowMissing: false },
      ),
    ).rejects.toThrow(HouseTemplateError);
  }, 60_000);

  it('reports missing data as renderDocument does', async () => {
    const data = { ...fixture.data, trainingSessions: [] };
    expect(
      await renderWithHouseTemplate(template, 'trainingRecord', data, metaFor('requirementsSpec'), {
        allowMissing: false,
      }),
    ).toMatchObject({ ok: false, missing: [{ zh: '没有培训记录', en: 'No training record' }] });
    const allowed = await renderWithHouseTemplate(template, 'trainingRecord', data, metaFor('requirementsSpec'), {
      allowMissing: true,
    });
    expect(allowed.ok && allowed.placeholders).toEqual(['没有培训记录']);
  });
});

describe('checking a company template when it is uploaded', () => {
  it('lists the placeholders of body and header, known and unknown', async () => {
    const bytes = await houseTemplate();
    const withUnknown = await houseTemplate({ content: '正文' });
    const summary = await inspectHouseTemplate(withUnknown);
    expect(summary.placeholders).toEqual(
      expect.arrayContaining([
        '文档名称',
        '项目名称',
        '项目编号',
        '客户',
        '文档编号',
        '版本号',
        '密级',
        '编制',
        '审核',
        '公司',
        '日期',
        '正文',
      ]),
    );
    expect(summary.unknown).toEqual([]);
    expect(summary.known).toEqual(summary.placeholders);
    expect((await inspectHouseTemplate(bytes)).placeholders).toContain('文档名称');
  });

  it('names a placeholder it would not fill', async () => {
    const document = new Document({
      sections: [{ children: [new Paragraph('{{甲方代表}}'), new Paragraph('{{正文}}')] }],
    });
    const summary = await inspectHouseTemplate(new Uint8Array(await Packer.toArrayBuffer(document)));
    expect(summary.unknown).toEqual(['甲方代表']);
  });

  it('refuses a file that is not Word, and a template without {{正文}}', async () => {
    await expect(inspectHouseTemplate(new TextEncoder().encode('not a zip'))).rejects.toThrow(HouseTemplateError);
    await expect(inspectHouseTemplate(await houseTemplate({ content: '内容' }))).rejects.toThrow('没有 {{正文}}');
  });
});
