import { describe, expect, it } from 'vitest';
import { builtinTemplateRows } from '../documents/helpers/fixture';
import { generateDemoDeployment } from '../../shared/demo/demo-deployment';
import { generateDemoInitiation } from '../../shared/demo/demo-initiation';
import { generateDemoOperations } from '../../shared/demo/demo-operations';
import { generateDemoProject } from '../../shared/demo/demo-project';
import { parseLocalDate } from '../../shared/date-time';
import { assetFields, vendorModel } from '../../shared/records/asset';

/** Every string in a value, however deep. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object' && !(value instanceof Uint8Array))
    for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** A word said twice in a row: 核心交换交换机, 存储存储, "MySQL MySQL". */
function doubled(text: string): string | undefined {
  return /([\u4e00-\u9fff]{2,})\1/.exec(text)?.[0] ?? /\b([A-Za-z][\w.]*) \1\b/i.exec(text)?.[0];
}

const demo = generateDemoProject();
const assets = demo.assets.map((a, i) => ({
  ...assetFields.parse(a),
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
}));
const templates = builtinTemplateRows();
const deployment = generateDemoDeployment(assets, templates);
const operations = generateDemoOperations(assets, { today: '2026-03-31' });
const initiation = generateDemoInitiation();

describe('the demo project reads like a real one', () => {
  it('has no word doubled in any string it generates, nor in 厂商型号 as the app joins it', () => {
    const all = [
      ...strings(demo),
      ...strings(initiation),
      ...strings({ ...deployment, files: [] }),
      ...strings(operations),
      ...assets.map(vendorModel),
    ];
    expect(all.length).toBeGreaterThan(1000);
    const found = [...new Set(all.map(doubled).filter(Boolean))];
    expect(found).toEqual([]);
  });

  it('joins vendor and model with the vendor once', () => {
    expect(vendorModel({ vendor: 'MySQL', model: 'MySQL 8.0.35' })).toBe('MySQL 8.0.35');
    expect(vendorModel({ vendor: '华为', model: 'CloudEngine 6881-48S6CQ' })).toBe('华为 CloudEngine 6881-48S6CQ');
    expect(vendorModel({ vendor: '', model: 'DM8' })).toBe('DM8');
  });

  it('shows no made-up screenshots: every picture is a front panel, captioned with what it shows', () => {
    const photos = deployment.inspectionResults.flatMap((r) => r.photos);
    expect(photos.length).toBeGreaterThan(0);
    for (const photo of photos) expect(photo.caption, photo.name).toMatch(/前面板/);
    expect(photos.some((p) => p.caption.includes('截图'))).toBe(false);
  });

  it("counts the pilot's patrol rounds as its days times two rounds a day", () => {
    const pilot = deployment.pilotRuns[0]!;
    const days = parseLocalDate(pilot.end)! - parseLocalDate(pilot.start)! + 1;
    const indicator = pilot.indicators.find((i) => i.indicator === '巡检完成率')!;
    expect(days).toBe(26);
    expect(indicator.observed).toBe(`100%（${days * 2}/${days * 2} 次）`);
    expect(pilot.scenarios).toContain('每日 9:00、21:00 两次巡检');
  });
});
