/**
 * The service hotline is the number the 项目章程's communication plan gives (a 沟通渠道 such as
 * "7x24 值班热线 电话 400-800-1234"): documents that name the hotline take it from there.
 */
import type { ProjectDocumentData } from '../data';

/** 400/800 service numbers in a text, as written ("400-800-1234"). */
const hotlinePattern = /\b[48]00[-\s]?\d{3}[-\s]?\d{4}\b/g;

export function hotlineNumbers(text: string): string[] {
  return [...text.matchAll(hotlinePattern)].map((m) => m[0]);
}

/** The charter's hotline numbers, from its communication channels. */
export function charterHotlines(data: Partial<Pick<ProjectDocumentData, 'charter'>>): string[] {
  return [...new Set((data.charter?.communication ?? []).flatMap((c) => hotlineNumbers(`${c.name} ${c.channel}`)))];
}
