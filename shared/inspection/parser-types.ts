import type { PasteText } from './paste';

/**
 * Values read from command output, by value key. A key names one fact ("disk.maxUsePercent",
 * "ntp.synchronised") or one member of a family ("mysql.var:slow_query_log",
 * "service.active:auditd"); a checklist item names the key that answers it in its `parser`
 * field. Several parsers may produce the same key (chronyc, ntpq and timedatectl all tell
 * "ntp.synchronised"), so one item is filled by whichever of them the engineer pasted.
 *
 * A value may come with an explanation under "note:<key>" (e.g. which mount point is the
 * fullest); it goes into the result's remark, not its value.
 */
export type ParsedValues = Record<string, string | number>;

export interface ParseOptions {
  /** "Now", for values relative to it (days until a certificate expires). Defaults to the clock. */
  now?: Date;
}

export interface OutputParser {
  /** Stable name, e.g. 'df'. */
  name: string;
  /** What it reads, in Chinese, for the UI ("磁盘使用率（df -hP）"). */
  label: string;
  /** Commands whose output it reads, for hints ("粘贴 df -hP 的输出"). */
  commands: string[];
  /** Matches an echoed command line whose output this parser reads (helps detection). */
  command?: RegExp;
  /** The value keys it can produce; a family as "mysql.var:*". */
  produces: string[];
  /** How sure it is that the paste is its output: 0 (not at all) to 100. */
  detect(paste: PasteText): number;
  parse(paste: PasteText, options: ParseOptions): ParsedValues;
}

export function note(key: string): string {
  return `note:${key}`;
}
