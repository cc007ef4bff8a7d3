import { z } from 'zod';
import { choice, ipList, longText, optionalText, requiredText, tagList } from './fields';

export const assetTypes = {
  server: { zh: '服务器', en: 'Server' },
  network: { zh: '网络设备', en: 'Network device' },
  storage: { zh: '存储', en: 'Storage' },
  application: { zh: '应用系统', en: 'Application' },
  database: { zh: '数据库', en: 'Database' },
  security: { zh: '安全设备', en: 'Security device' },
  other: { zh: '其他', en: 'Other' },
};
export type AssetType = keyof typeof assetTypes;

export const criticalities = {
  high: { zh: '高', en: 'High' },
  medium: { zh: '中', en: 'Medium' },
  low: { zh: '低', en: 'Low' },
};

/** 运维对象: one managed object of the customer's estate. */
export const assetFields = z.object({
  type: choice({ zh: '类型', en: 'Type' }, assetTypes, 'server'),
  name: requiredText({ zh: '名称', en: 'Name' }),
  hostname: optionalText({ zh: '主机名', en: 'Hostname' }, 100),
  ips: ipList({ zh: 'IP 地址', en: 'IP addresses' }),
  vendor: optionalText({ zh: '厂商', en: 'Vendor' }, 100),
  model: optionalText({ zh: '型号', en: 'Model' }, 100),
  serialNumber: optionalText({ zh: '序列号', en: 'Serial number' }, 100),
  site: optionalText({ zh: '站点', en: 'Site' }, 100),
  room: optionalText({ zh: '机房', en: 'Room' }, 100),
  rack: optionalText({ zh: '机柜', en: 'Rack' }, 50),
  uPosition: optionalText({ zh: 'U 位', en: 'U position' }, 20),
  osVersion: optionalText({ zh: '操作系统/固件版本', en: 'OS / firmware version' }),
  owner: optionalText({ zh: '负责人', en: 'Owner' }, 50),
  criticality: choice({ zh: '重要程度', en: 'Criticality' }, criticalities, 'medium'),
  tags: tagList({ zh: '标签', en: 'Tags' }),
  notes: longText({ zh: '备注', en: 'Notes' }),
});
export type AssetFields = z.infer<typeof assetFields>;

/** Where an asset is, as one line: 站点 / 机房 / 机柜 / U 位. */
export function assetLocation(asset: Pick<AssetFields, 'site' | 'room' | 'rack' | 'uPosition'>): string {
  return [asset.site, asset.room, asset.rack, formatUPosition(asset.uPosition)].filter(Boolean).join(' / ');
}

/**
 * 厂商 and 型号 as one line, the vendor once: 华为 CloudEngine 6881, but MySQL 8.0.35 when the
 * model already names its vendor (never "MySQL MySQL 8.0.35").
 */
export function vendorModel(asset: Pick<AssetFields, 'vendor' | 'model'>): string {
  const vendor = asset.vendor.trim();
  const model = asset.model.trim();
  if (!vendor) return model;
  if (!model) return vendor;
  return model.toLowerCase().startsWith(vendor.toLowerCase()) ? model : `${vendor} ${model}`;
}

/**
 * A U position as one way of writing it, whichever way it was typed: 17, U17, 17U, u 17 → U17;
 * 17-18, U17-U18, 17U-18U, 17~18 → U17-18. Anything else (a note such as 顶部) stays as typed.
 */
export function formatUPosition(raw: string): string {
  const text = raw.trim();
  const units = /^[Uu]?\s*(\d{1,3})\s*[Uu]?(?:\s*[-–~～至]\s*[Uu]?\s*(\d{1,3})\s*[Uu]?)?$/.exec(text);
  if (!units) return text;
  return units[2] ? `U${units[1]}-${units[2]}` : `U${units[1]}`;
}
