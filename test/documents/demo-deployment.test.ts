import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateDemoDeployment } from '../../shared/demo/demo-deployment';
import { encodePng, IndexedImage, panelPng, sha256HexSync, signaturePng } from '../../shared/demo/demo-files';
import { imageInfo } from '../../shared/documents/kit/figure';
import { verdictFor } from '../../shared/inspection';
import {
  cutoverPlanFields,
  pilotRunFields,
  pilotRunRules,
  trainingSessionFields,
} from '../../shared/records/deployment';
import {
  inspectionFields,
  inspectionResultFields,
  inspectionRules,
  rectificationFields,
  rectificationRules,
  resultId,
} from '../../shared/records/inspection';
import { builtinTemplateRows, richFixture } from './helpers/fixture';

describe('demo phase 三 records', () => {
  const { data } = richFixture();
  const templates = builtinTemplateRows();
  const demo = generateDemoDeployment(data.assets, templates);

  it('inspects the Linux servers with the Linux baseline and the switches with the network one', () => {
    const assets = new Map(data.assets.map((a) => [a.id, a]));
    expect(demo.inspections.length).toBeGreaterThan(5);
    for (const inspection of demo.inspections) {
      const asset = assets.get(inspection.assetId)!;
      const template = templates.find((t) => t.id === inspection.templateId)!;
      expect(template.builtinKey).toBe(asset.type === 'network' ? 'network-device' : 'linux-server');
      expect(asset.osVersion).not.toContain('Windows');
    }
    // Windows servers, storage, databases… have no template among these two and are left out.
    expect(new Set(demo.inspections.map((i) => i.assetId)).size).toBe(demo.inspections.length);
  });

  it('makes records their schemas and rules accept, with the ids the app gives them', () => {
    for (const i of demo.inspections) {
      expect(inspectionFields.parse(i)).toMatchObject({ status: i.status });
      expect(inspectionRules(i)).toEqual([]);
    }
    for (const r of demo.inspectionResults) {
      inspectionResultFields.parse(r);
      expect(r.id).toBe(resultId(r.inspectionId, r.itemId));
    }
    for (const r of demo.rectifications) {
      rectificationFields.parse(r);
      expect(rectificationRules(r)).toEqual([]);
    }
    for (const t of demo.trainingSessions) trainingSessionFields.parse(t);
    for (const p of demo.pilotRuns) expect(pilotRunRules(pilotRunFields.parse(p))).toEqual([]);
    cutoverPlanFields.parse(demo.cutoverPlan);
    const ids = [...demo.inspections, ...demo.inspectionResults, ...demo.trainingSessions, ...demo.pilotRuns].map(
      (r) => r.id,
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('records a few failures, each with a rectification in one of every state, and signatures on most inspections', () => {
    const items = new Map(templates.flatMap((t) => t.items.map((i) => [i.id, i] as const)));
    const failed = demo.inspectionResults.filter((r) => r.verdict === 'fail');
    const rate = failed.length / demo.inspectionResults.length;
    expect(rate).toBeGreaterThan(0.01);
    expect(rate).toBeLessThan(0.15);
    // The stored verdict is the one the item's rule gives, where it gives one.
    for (const r of demo.inspectionResults) {
      const automatic = verdictFor(items.get(r.itemId)!, { value: r.value, photos: r.photos.length });
      if (automatic) expect(r.verdict, r.itemId).toBe(automatic);
    }
    expect(demo.rectifications.map((r) => r.id).sort()).toEqual(failed.map((r) => r.id).sort());
    expect(new Set(demo.rectifications.map((r) => r.status))).toEqual(
      new Set(['verified', 'done', 'inProgress', 'open']),
    );
    const signed = demo.inspections.filter((i) => i.status === 'signed');
    expect(signed.length).toBeGreaterThanOrEqual(demo.inspections.length / 2);
    expect(signed.length).toBeLessThan(demo.inspections.length);
  });

  it('gives the bytes of every attachment it refers to, under their sha256', () => {
    const files = new Map(demo.files.map((f) => [f.sha256, f]));
    const attachments = [
      ...demo.inspections.flatMap((i) => i.signature),
      ...demo.inspectionResults.flatMap((r) => r.photos),
      ...demo.trainingSessions.flatMap((t) => t.materials),
    ];
    expect(attachments.length).toBeGreaterThan(10);
    for (const a of attachments) {
      const file = files.get(a.sha256)!;
      expect(file, a.name).toBeDefined();
      expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(a.sha256);
      expect(a.size).toBe(file.bytes.length);
      if (a.type === 'image/png')
        expect(imageInfo(file.bytes)).toEqual({ kind: 'png', width: a.width, height: a.height });
      if (a.type === 'application/pdf') expect(new TextDecoder().decode(file.bytes.slice(0, 8))).toBe('%PDF-1.4');
    }
  });

  it('is deterministic, and distinct for another project', () => {
    expect(generateDemoDeployment(data.assets, templates)).toEqual(demo);
    const other = generateDemoDeployment(
      data.assets.map((a) => ({ ...a, id: a.id.replace(/^0/, 'a') })),
      templates,
    );
    expect(other.inspections[0]!.id).not.toBe(demo.inspections[0]!.id);
    expect(generateDemoDeployment(data.assets, templates, { maxInspections: 3 }).inspections).toHaveLength(3);
  });
});

describe('demo files made in code', () => {
  it('hashes like node:crypto', () => {
    for (const length of [0, 3, 55, 56, 64, 1000, 100_000]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 31 + 7) & 0xff);
      expect(sha256HexSync(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('writes PNGs whose pixels read back through zlib', () => {
    const image = new IndexedImage(33, 17, [
      [255, 255, 255, 0],
      [20, 30, 80, 255],
      [200, 0, 0, 255],
    ]);
    image.rect(3, 2, 20, 9, 1);
    image.stroke(
      [
        [0, 16],
        [32, 0],
      ],
      1,
      2,
    );
    const png = encodePng(image);
    expect(imageInfo(png)).toEqual({ kind: 'png', width: 33, height: 17 });
    const chunks: Buffer[] = [];
    for (let at = 8; at < png.length;) {
      const length = new DataView(png.buffer, png.byteOffset).getUint32(at);
      if (new TextDecoder().decode(png.slice(at + 4, at + 8)) === 'IDAT')
        chunks.push(Buffer.from(png.slice(at + 8, at + 8 + length)));
      at += 12 + length;
    }
    const raw = inflateSync(Buffer.concat(chunks));
    const pixels = new Uint8Array(33 * 17);
    for (let y = 0; y < 17; y++) {
      for (let x = 0; x < 33; x++) {
        const value = raw[y * 34 + 1 + x]!;
        pixels[y * 33 + x] = raw[y * 34] === 2 ? (value + pixels[(y - 1) * 33 + x]!) & 0xff : value;
      }
    }
    expect(pixels).toEqual(image.pixels);
    expect(signaturePng(1)).not.toEqual(signaturePng(2));
    expect(imageInfo(panelPng(3, true))).toEqual({ kind: 'png', width: 400, height: 240 });
  });
});
