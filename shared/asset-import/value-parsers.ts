/**
 * Cell text to field values for the fields that are not plain text: IP lists, tags, 类型 and
 * 重要程度. Spreadsheets written by hand hold "10.0.0.1、10.0.0.2", "10. 0. 0. 1", "服务器" or
 * "核心"; these are turned into what the schema stores, without guessing beyond the obvious.
 */
import { assetTypes, criticalities, type AssetType } from '../records/asset';
import { isIpAddress } from '../records/fields';
import { toHalfWidth } from './normalise';

export type Criticality = keyof typeof criticalities;

/**
 * An IP cell to its addresses. Separators: , ; 、 | / whitespace and newlines. Spaces around
 * dots and colons are typing slips, not separators ("10. 0. 0. 1"); "。" is the Chinese IME's
 * dot; a "/24" prefix length is dropped (the field holds addresses); "管理:10.0.0.1" loses its
 * label; leading zeros of IPv4 octets are dropped ("010.000.000.001"). Duplicates are removed.
 * Tokens that are still not addresses are returned as they are, for the schema to reject with
 * a message naming them.
 */
export function splitIps(cell: string): string[] {
  const text = toHalfWidth(cell)
    .replace(/。/g, '.')
    .replace(/\s*([.:])\s*/g, '$1')
    // "10.0.0.1/24" and "fe80::1/64": the prefix length is not an address.
    .replace(/((?:\d{1,3}\.){3}\d{1,3}|[0-9a-f]*:[0-9a-f:.]*)\/\d{1,3}(?![\d.:])/gi, '$1');
  const tokens = text.split(/[,;、|/\\\s]+/).filter(Boolean);
  const out: string[] = [];
  for (const token of tokens) {
    const ip = cleanIpToken(token);
    if (!out.includes(ip)) out.push(ip);
  }
  return out;
}

function cleanIpToken(token: string): string {
  if (isIpAddress(token)) return token;
  const withoutZeros = token.replace(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/, (_, a, b, c, d) =>
    [a, b, c, d].map((octet: string) => String(Number(octet))).join('.'),
  );
  if (isIpAddress(withoutZeros)) return withoutZeros;
  // "管理:10.0.0.1", "业务：10.0.0.2"
  const labelled = /^[^\d:]*?[:：=]\s*(.+)$/u.exec(token);
  if (labelled && isIpAddress(labelled[1]!)) return labelled[1]!;
  return token;
}

/**
 * A tags cell to its tags. With an explicit list separator (, ; 、 | newline) only those split,
 * so a tag may contain a space ("Web 前端, 核心"); otherwise whitespace separates ("核心 生产").
 */
export function splitTags(cell: string): string[] {
  const text = toHalfWidth(cell).trim();
  if (text === '') return [];
  const separator = /[,;、|\n\r]/.test(text) ? /[,;、|\n\r]+/ : /\s+/;
  const out: string[] = [];
  for (const tag of text
    .split(separator)
    .map((part) => part.trim())
    .filter(Boolean)) {
    if (!out.includes(tag)) out.push(tag);
  }
  return out;
}

/**
 * Words for 类型. The word that ends last decides, as the head noun of a Chinese or English
 * compound comes last: "数据库服务器" is a server, "存储交换机" a switch, "网络安全设备" a security
 * device. Generic words (below) lose to any specific one.
 */
const typeWords: Array<[string, AssetType]> = [
  ['服务器', 'server'],
  ['主机', 'server'],
  ['小型机', 'server'],
  ['虚拟机', 'server'],
  ['刀片', 'server'],
  ['一体机', 'server'],
  ['server', 'server'],
  ['host', 'server'],
  ['vm', 'server'],
  ['linux', 'server'],
  ['windows', 'server'],
  ['aix', 'server'],
  ['交换机', 'network'],
  ['路由器', 'network'],
  ['网络', 'network'],
  ['负载均衡', 'network'],
  ['无线', 'network'],
  ['网关', 'network'],
  ['switch', 'network'],
  ['router', 'network'],
  ['network', 'network'],
  ['load balancer', 'network'],
  ['f5', 'network'],
  ['防火墙', 'security'],
  ['安全', 'security'],
  ['堡垒机', 'security'],
  ['入侵', 'security'],
  ['审计', 'security'],
  ['waf', 'security'],
  ['firewall', 'security'],
  ['security', 'security'],
  ['ips', 'security'],
  ['ids', 'security'],
  ['vpn', 'security'],
  ['存储', 'storage'],
  ['磁盘阵列', 'storage'],
  ['阵列', 'storage'],
  ['磁带库', 'storage'],
  ['带库', 'storage'],
  ['nas', 'storage'],
  ['san', 'storage'],
  ['storage', 'storage'],
  ['数据库', 'database'],
  ['database', 'database'],
  ['db', 'database'],
  ['oracle', 'database'],
  ['mysql', 'database'],
  ['sql server', 'database'],
  ['postgresql', 'database'],
  ['达梦', 'database'],
  ['应用', 'application'],
  ['系统', 'application'],
  ['中间件', 'application'],
  ['平台', 'application'],
  ['application', 'application'],
  ['app', 'application'],
  ['middleware', 'application'],
];

/** Suffixes that fit anything ("存储系统", "安全网关"): they decide only when nothing specific is there. */
const genericTypeWords = new Set(['系统', '平台', '网关', 'app']);

export interface ParsedChoice<T extends string> {
  value: T;
  /** False when the text was not recognised and a fallback was used. */
  recognised: boolean;
}

/** 类型 text to its code; unknown words become 'other' (with recognised = false). */
export function parseAssetType(cell: string): ParsedChoice<AssetType> {
  const text = toHalfWidth(cell).trim().toLowerCase();
  const exact = matchOption(text, assetTypes);
  if (exact) return { value: exact, recognised: true };
  let best: { type: AssetType; rank: number } | undefined;
  for (const [word, type] of typeWords) {
    const at = findWord(text, word);
    if (at < 0) continue;
    const rank = (genericTypeWords.has(word) ? 0 : 10_000) + (at + word.length) * 10 + word.length;
    if (!best || rank > best.rank) best = { type, rank };
  }
  return best ? { value: best.type, recognised: true } : { value: 'other', recognised: false };
}

/**
 * 重要程度 words. Banks grade systems 核心/重要/一般, others write 高/中/低 or A/B/C: three
 * levels each, kept distinct, so 重要 is the middle one.
 */
const criticalityWords: Record<string, Criticality> = {
  高: 'high',
  较高: 'high',
  很高: 'high',
  极高: 'high',
  核心: 'high',
  关键: 'high',
  非常重要: 'high',
  特别重要: 'high',
  一级: 'high',
  '1级': 'high',
  a: 'high',
  a类: 'high',
  h: 'high',
  high: 'high',
  critical: 'high',
  core: 'high',
  紧急: 'high',
  中: 'medium',
  中等: 'medium',
  重要: 'medium',
  较重要: 'medium',
  二级: 'medium',
  '2级': 'medium',
  b: 'medium',
  b类: 'medium',
  m: 'medium',
  medium: 'medium',
  normal: 'medium',
  important: 'medium',
  mid: 'medium',
  低: 'low',
  较低: 'low',
  一般: 'low',
  普通: 'low',
  次要: 'low',
  不重要: 'low',
  三级: 'low',
  '3级': 'low',
  c: 'low',
  c类: 'low',
  l: 'low',
  low: 'low',
  minor: 'low',
};

/** 重要程度 text to its code, or undefined when the word is not known. */
export function parseCriticality(cell: string): Criticality | undefined {
  const text = toHalfWidth(cell).trim().toLowerCase().replace(/\s+/g, '');
  const exact = matchOption(text, criticalities);
  if (exact) return exact;
  if (Object.hasOwn(criticalityWords, text)) return criticalityWords[text];
  // "高（核心业务）", "重要系统": the leading word decides.
  const stripped = text.replace(/[(（].*$/, '').replace(/(系统|业务|级别|等级|程度)$/, '');
  return Object.hasOwn(criticalityWords, stripped) ? criticalityWords[stripped] : undefined;
}

/** A code or a zh/en label of the record's own option list ("server", "网络设备", "Network device"). */
function matchOption<T extends string>(text: string, options: Record<T, { zh: string; en: string }>): T | undefined {
  for (const [code, label] of Object.entries(options) as Array<[T, { zh: string; en: string }]>) {
    if (text === code || text === label.zh.toLowerCase() || text === label.en.toLowerCase()) return code;
  }
  return undefined;
}

/** Index of `word` in `text`, with Latin words kept whole ("db" not in "mongodb-like" words' middles). */
function findWord(text: string, word: string): number {
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return -1;
    const before = text[at - 1] ?? ' ';
    const after = text[at + word.length] ?? ' ';
    const latin = /[a-z0-9]/;
    const startsLatin = latin.test(word[0]!);
    const endsLatin = latin.test(word[word.length - 1]!);
    if ((!startsLatin || !latin.test(before)) && (!endsLatin || !latin.test(after))) return at;
    from = at + 1;
  }
}
