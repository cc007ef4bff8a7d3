/**
 * What customers' and colleagues' asset lists call each field. Written as people write them;
 * headerKey() folds case, width, spaces and bracketed remarks before comparing. The field
 * labels of assetFields (zh and en) are added automatically, so a file exported by Fieldbook
 * always maps back exactly.
 */
import { assetFields, type AssetFields } from '../records/asset';
import { headerKey, spacedHeader } from './normalise';

export type AssetField = keyof AssetFields;

export const assetFieldNames = Object.keys(assetFields.shape) as AssetField[];

const aliasesByField: Record<AssetField, string[]> = {
  name: [
    '名称',
    '设备名称',
    '资产名称',
    '对象名称',
    '运维对象名称',
    '设备名',
    '资产名',
    '显示名称',
    '系统名称',
    '应用名称',
    'name',
    'device name',
    'asset name',
    'display name',
  ],
  hostname: [
    '主机名',
    '计算机名',
    '主机名称',
    '计算机名称',
    '设备主机名',
    'hostname',
    'host name',
    'host',
    'computer name',
    'fqdn',
  ],
  ips: [
    'IP',
    'IP地址',
    '管理IP',
    '业务IP',
    '管理地址',
    '管理IP地址',
    '业务IP地址',
    '带外IP',
    'IP address',
    'IP addresses',
    'IPs',
    'management IP',
    'mgmt IP',
  ],
  type: [
    '类型',
    '设备类型',
    '资产类型',
    '对象类型',
    '类别',
    '设备类别',
    '资产类别',
    '分类',
    'type',
    'category',
    'device type',
    'asset type',
    'class',
  ],
  vendor: ['厂商', '品牌', '制造商', '生产厂商', '厂家', '生产厂家', 'vendor', 'manufacturer', 'brand', 'make'],
  model: ['型号', '设备型号', '规格型号', '产品型号', '型号规格', 'model', 'model number'],
  serialNumber: [
    '序列号',
    'SN',
    'S/N',
    'SN号',
    '设备序列号',
    '序列号SN',
    '出厂编号',
    'serial',
    'serial number',
    'serial no',
    'service tag',
  ],
  site: ['站点', '园区', '场地', '所在园区', 'site', 'campus'],
  room: [
    '机房',
    '所在机房',
    '机房名称',
    '机房位置',
    '数据中心',
    'IDC',
    'room',
    'data center',
    'datacenter',
    'DC',
    'server room',
  ],
  rack: ['机柜', '机架', '机柜号', '机柜编号', '机架号', '机柜位置', '所在机柜', 'rack', 'cabinet', 'rack no'],
  uPosition: ['U位', '位置U', 'U位置', '起始U位', '所在U位', 'U位号', 'U', 'U position', 'rack unit', 'unit'],
  osVersion: [
    '操作系统',
    'OS',
    '系统版本',
    '固件版本',
    '操作系统版本',
    'OS版本',
    '软件版本',
    '版本',
    'firmware',
    'OS version',
    'operating system',
    'firmware version',
    'version',
  ],
  owner: ['负责人', '管理员', '责任人', '维护人', '运维负责人', '联系人', 'owner', 'admin', 'administrator', 'contact'],
  criticality: [
    '重要程度',
    '重要性',
    '等级',
    '重要等级',
    '重要级别',
    '级别',
    '保障等级',
    '系统等级',
    'criticality',
    'importance',
    'priority',
    'severity',
  ],
  tags: ['标签', '标记', 'tags', 'tag', 'labels'],
  notes: [
    '备注',
    '说明',
    '描述',
    '备注说明',
    '其他说明',
    'notes',
    'note',
    'remark',
    'remarks',
    'description',
    'comment',
    'comments',
  ],
};

/**
 * Headers of columns that are not asset fields although they contain an alias: "负责人电话"
 * is a phone number, not an owner; "序号" is a row counter, not a serial number.
 */
const notAFieldWords = ['电话', '手机', '邮箱', '日期', '时间', 'email', 'phone', 'tel', 'date', 'time', '序号'];

/** Aliases that name a kind of thing rather than a thing: they only count when nothing more specific is there. */
const genericAliases = new Set(
  [
    '名称',
    'name',
    '类型',
    'type',
    '类别',
    '分类',
    'class',
    '版本',
    'version',
    '说明',
    '描述',
    'description',
    'comment',
    'comments',
    'note',
    'notes',
    '等级',
    '级别',
    'host',
    'unit',
    'u',
    'contact',
    '联系人',
    'admin',
    'make',
    'tag',
    '标记',
  ].map(headerKey),
);

export interface AliasMatch {
  field: AssetField;
  /** 100 for an exact alias, 60 for a header containing a specific alias, 45 for a generic one. */
  score: number;
}

interface Alias {
  field: AssetField;
  key: string;
  spaced: string;
}

const aliases: Alias[] = buildAliases();

function buildAliases(): Alias[] {
  const list: Alias[] = [];
  for (const field of assetFieldNames) {
    const label = (assetFields.shape[field] as { meta(): { label?: { zh: string; en: string } } | undefined }).meta()
      ?.label;
    const words = [...aliasesByField[field], ...(label ? [label.zh, label.en] : [])];
    for (const word of words) {
      const key = headerKey(word);
      if (key !== '' && !list.some((alias) => alias.key === key)) list.push({ field, key, spaced: spacedHeader(word) });
    }
  }
  return list;
}

const asciiWordChar = /[a-z0-9]/;

/** The best field for one header text, if any. */
export function matchHeader(header: string): AliasMatch | undefined {
  const key = headerKey(header);
  if (key === '') return undefined;
  const exact = aliases.find((alias) => alias.key === key);
  if (exact) return { field: exact.field, score: 100 };
  if (notAFieldWords.some((word) => key.includes(word))) return undefined;

  // A longer header that contains an alias: "所在机房" → 机房, "Host IP" → IP. A specific alias
  // beats a generic one ("机房名称" is a room, not a name); among equals the one that ends last
  // wins, because in both Chinese and English the head noun comes last ("主机IP", "机柜U位").
  const spaced = spacedHeader(header);
  let best: { field: AssetField; rank: number } | undefined;
  for (const alias of aliases) {
    const at =
      containsAt(spaced, alias.spaced) ?? (/[a-z0-9]/.test(alias.key) ? undefined : indexOrUndefined(key, alias.key));
    if (at === undefined) continue;
    const end = at + alias.spaced.length;
    const rank = (genericAliases.has(alias.key) ? 0 : 1000) + end * 10 + alias.key.length;
    if (!best || rank > best.rank) best = { field: alias.field, rank };
  }
  if (!best) return undefined;
  return { field: best.field, score: best.rank >= 1000 ? 60 : 45 };
}

function indexOrUndefined(text: string, part: string): number | undefined {
  const at = text.indexOf(part);
  return at < 0 ? undefined : at;
}

/**
 * Where `needle` occurs in `haystack` such that Latin words stay whole: "ip" is found in "管理ip"
 * and "host ip" but not in "description", "os" not in "hostname".
 */
function containsAt(haystack: string, needle: string): number | undefined {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return undefined;
    const before = haystack[at - 1] ?? ' ';
    const after = haystack[at + needle.length] ?? ' ';
    const startsLatin = asciiWordChar.test(needle[0]!);
    const endsLatin = asciiWordChar.test(needle[needle.length - 1]!);
    if ((!startsLatin || !asciiWordChar.test(before)) && (!endsLatin || !asciiWordChar.test(after))) return at;
    from = at + 1;
  }
}
