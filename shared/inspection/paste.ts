/**
 * What an engineer pastes: the output of one command, or several commands with their prompts
 * ("[root@web01 ~]# df -hP", "<HUAWEI>display version", "SQL> select …"), copied from PuTTY,
 * SecureCRT, Xshell, a Windows console or a chat window — with CRLF, tabs, trailing spaces,
 * colour escapes and pager residue ("---- More ----"). This module cleans that up, finds the
 * echoed commands and splits a multi-command paste into one segment per command.
 */
import { toHalfWidth } from './text';

export interface PasteText {
  /** Cleaned text: LF line ends, no escapes, no pager residue, full-width forms folded. */
  text: string;
  /** Its lines, trailing white space removed, leading white space and tabs kept. */
  lines: string[];
  /** Commands echoed after a prompt in the paste, in order. */
  commands: string[];
}

// Terminal colour and cursor escapes (ESC [ … letter) are exactly control characters.
// eslint-disable-next-line no-control-regex
const ansiEscape = /\u001b\[[0-9;?]*[A-Za-z]|\u001b[()][A-Za-z0-9]|\u001b[=>]/g;
/** Pager prompts left in a copied screen ("  ---- More ----" on Huawei/H3C, " --More-- " on Cisco). */
const pagerPrompt = /-{2,4} ?More ?-{2,4}|<--- More --->/i;

/** Longest line kept, and longest run of blanks: real output never needs more, and a bound keeps every pattern fast on garbage. */
const MAX_LINE = 4000;
const MAX_BLANK_RUN = 160;

/** Prompts whose command can be anything (they carry user@host or a drive letter). */
const shellPrompts: RegExp[] = [
  /^\s*\[[^\]\s@]+@[^\]]+\][#$]\s?(.*)$/, // [root@web01 ~]# cmd
  /^\s*[\w.-]+@[\w.-]+:[^\s#$]*[#$]\s?(.*)$/, // root@web01:~# cmd
  /^\s*[\w.-]+:[~/][^\s#]*\s?#\s?(.*)$/, // web01:~ # cmd (SUSE)
  /^\s*[A-Za-z]:\\[^>\n]*>\s?(.*)$/, // C:\Users\Administrator>cmd
  /^\s*PS [^>\n]*>\s?(.*)$/, // PS C:\> cmd
  /^\s*(?:SQL|mysql|RMAN|ASMCMD|MariaDB \[[^\]]*\])>\s?(.*)$/i, // SQL> select …
  /^\s*[\w.-]+:\/[\w/]*>\s?(.*)$/, // admin:/>show disk general (OceanStor)
];

/** Device prompts (<HUAWEI>, [H3C], Switch#): only with a command verb, so XML and INI lines are not taken for prompts. */
const devicePrompts: RegExp[] = [
  /^\s*<[A-Za-z0-9][\w.-]*>\s?((?:display|dis|disp|compare|screen-length|save|dir|ping)\b.*)$/i,
  /^\s*\[[~*]?[A-Za-z0-9][\w.-]*(?:-[\w./-]+)?\]\s?((?:display|dis|disp|compare)\b.*)$/i,
  /^\s*[A-Za-z][\w.-]*(?:\([\w-]+\))?[#>]\s?((?:show|sh|terminal|term|more|dir|write)\b.*)$/i,
];

/** The command echoed on a line after a prompt, or null when the line is not a prompt line. */
export function promptCommand(line: string): string | null {
  for (const pattern of [...shellPrompts, ...devicePrompts]) {
    const match = pattern.exec(line);
    if (match) return match[1]!.trim();
  }
  return null;
}

export function cleanPaste(input: string): PasteText {
  const text = toHalfWidth(input.replace(/^\ufeff/, ''))
    .replace(/\r\n?/g, '\n')
    .replace(ansiEscape, '')
    // A backspace-erased pager prompt leaves "\b\b\b…" runs; drop them with what they erase.
    .replace(/[\b]+/g, '');
  const lines = text.split('\n').map(cleanLine);
  const commands = lines.map(promptCommand).filter((command): command is string => command !== null && command !== '');
  return { text: lines.join('\n'), lines, commands };
}

function cleanLine(raw: string): string {
  let line = raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw;
  // The pager prompt is followed by blanks that erase it and then the real line, which starts
  // at column 0 of the terminal: keep what follows, without the erasing blanks.
  const pager = pagerPrompt.exec(line);
  if (pager) line = `${line.slice(0, pager.index).trimEnd()}${line.slice(pager.index + pager[0].length).trimStart()}`;
  return limitBlankRuns(line).trimEnd();
}

function limitBlankRuns(line: string): string {
  if (line.length <= MAX_BLANK_RUN) return line;
  let out = '';
  let run = 0;
  for (const char of line) {
    run = char === ' ' || char === '\t' ? run + 1 : 0;
    if (run <= MAX_BLANK_RUN) out += char;
  }
  return out;
}

export interface PasteSegment extends PasteText {
  /** The command this segment is the output of ('' for output before the first prompt). */
  command: string;
}

/**
 * One segment per echoed command (the prompt line and the output after it); a paste without
 * prompts is one segment with command ''. Segments with no output are dropped.
 */
export function splitSegments(paste: PasteText): PasteSegment[] {
  const segments: PasteSegment[] = [];
  let command = '';
  let lines: string[] = [];
  const flush = () => {
    if (lines.some((line) => line.trim() !== '' && promptCommand(line) === null)) {
      segments.push({ command, text: lines.join('\n'), lines, commands: command ? [command] : [] });
    }
  };
  for (const line of paste.lines) {
    const echoed = promptCommand(line);
    if (echoed !== null) {
      flush();
      command = echoed;
      lines = [line];
    } else {
      lines.push(line);
    }
  }
  flush();
  return segments;
}

/** Tabs to spaces at stops of 8, so fixed-width columns line up again. */
export function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const char of line) {
    if (char === '\t') out += ' '.repeat(8 - (out.length % 8));
    else out += char;
  }
  return out;
}

/** "Label : value" / "Label: value" / "Label：value" lines as [label, value] pairs (labels trimmed). */
export function keyValueLines(
  lines: readonly string[],
  separator = /^\s*([^:]+?)\s*:\s*(.*)$/,
): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const line of lines) {
    const match = separator.exec(line);
    if (match) pairs.push([match[1]!.trim(), match[2]!.trim()]);
  }
  return pairs;
}

export interface TextTable {
  headers: string[];
  rows: string[][];
  /** Index into the lines of the header line. */
  headerLine: number;
}

const dashRun = /-{2,}/g;

/**
 * Tables whose header is underlined with dashes, columns given by the dash runs: SQL*Plus
 * ("NAME   TYPE   VALUE" over "------ ------ ------"), Huawei OceanStor CLI, PowerShell's
 * Format-Table. Every cell is the text between the start of its dash run and the start of the
 * next one, trimmed. A repeated header (SQL*Plus pages) is skipped; a blank line or a line
 * like "3 rows selected." ends the table.
 */
const dashedCache = new WeakMap<readonly string[], TextTable[]>();
const mysqlCache = new WeakMap<readonly string[], TextTable[]>();

export function dashedTables(lines: readonly string[]): TextTable[] {
  const cached = dashedCache.get(lines);
  if (cached) return cached;
  const tables = findDashedTables(lines);
  dashedCache.set(lines, tables);
  return tables;
}

function findDashedTables(lines: readonly string[]): TextTable[] {
  const tables: TextTable[] = [];
  for (let i = 1; i < lines.length; i++) {
    const underline = expandTabs(lines[i]!);
    if (!/^[\s-]+$/.test(underline) || !/-{2,}/.test(underline)) continue;
    const header = expandTabs(lines[i - 1]!);
    if (header.trim() === '' || /^[\s=-]+$/.test(header)) continue;
    const starts: number[] = [];
    for (const match of underline.matchAll(dashRun)) starts.push(match.index);
    const slice = (line: string) =>
      starts.map((start, c) =>
        line.slice(c === 0 ? 0 : start, c + 1 < starts.length ? starts[c + 1] : undefined).trim(),
      );
    const headers = slice(header);
    if (headers.some((h) => h === '')) continue;
    const rows: string[][] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = expandTabs(lines[j]!);
      if (line.trim() === '') {
        // SQL*Plus leaves one blank line before a repeated page header; keep reading if one follows.
        if (
          j + 2 < lines.length &&
          expandTabs(lines[j + 1]!).trim() === header.trim() &&
          /^[\s-]+$/.test(lines[j + 2]!)
        ) {
          j += 2;
          continue;
        }
        break;
      }
      if (
        /^\s*(\d+ rows? selected\.?|no rows selected|已选择\s*\d+\s*行。?|未选定行|Command executed successfully\.?)\s*$/i.test(
          line,
        )
      )
        break;
      if (line.trim() === header.trim() || /^[\s-]+$/.test(line)) continue;
      if (promptCommand(line) !== null) break;
      rows.push(slice(line));
    }
    tables.push({ headers, rows, headerLine: i - 1 });
    i = j;
  }
  return tables;
}

/**
 * MySQL client tables: boxed ("+----+" rules and "| a | b |" rows), the vertical \G form
 * ("*** 1. row ***" then "name: value"), and batch output (mysql -e / -B: tab-separated with a
 * header line). Cells are trimmed; NULL stays the text "NULL".
 */
export function mysqlTables(lines: readonly string[]): TextTable[] {
  const cached = mysqlCache.get(lines);
  if (cached) return cached;
  const tables = findMysqlTables(lines);
  mysqlCache.set(lines, tables);
  return tables;
}

function findMysqlTables(lines: readonly string[]): TextTable[] {
  const tables: TextTable[] = [];
  // Boxed.
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\+[-+]+\+\s*$/.test(lines[i]!)) continue;
    const header = lines[i + 1];
    if (!header || !/^\s*\|.*\|\s*$/.test(header)) continue;
    const split = (line: string) =>
      line
        .trim()
        .replace(/^\|/, '')
        .replace(/\|$/, '')
        .split('|')
        .map((cell) => cell.trim());
    const headers = split(header);
    const rows: string[][] = [];
    let j = i + 2;
    if (/^\s*\+[-+]+\+\s*$/.test(lines[j] ?? '')) j++;
    for (; j < lines.length && /^\s*\|.*\|\s*$/.test(lines[j]!); j++) rows.push(split(lines[j]!));
    tables.push({ headers, rows, headerLine: i + 1 });
    i = j;
  }
  // Vertical (\G).
  const rowMarker = /^\*{5,}\s*\d+\.\s*row\s*\*{5,}$/i;
  let vertical: Array<Array<[string, string]>> = [];
  let current: Array<[string, string]> | null = null;
  let firstMarker = -1;
  lines.forEach((line, index) => {
    if (rowMarker.test(line.trim())) {
      if (firstMarker < 0) firstMarker = index;
      current = [];
      vertical.push(current);
      return;
    }
    if (!current) return;
    const match = /^\s*([^:]+?):\s?(.*)$/.exec(line);
    if (match) current.push([match[1]!.trim(), match[2]!.trim()]);
    else if (line.trim() !== '') current = null;
  });
  vertical = vertical.filter((row) => row.length > 0);
  if (vertical.length > 0) {
    const headers = vertical[0]!.map(([name]) => name);
    const rows = vertical.map((row) => headers.map((h) => row.find(([name]) => name === h)?.[1] ?? ''));
    tables.push({ headers, rows, headerLine: firstMarker });
  }
  // Batch (tab-separated), only when nothing else was found.
  if (tables.length === 0) {
    const start = lines.findIndex(
      (line) => line.includes('\t') && /^[A-Za-z_][\w$#.()*]*(\t[A-Za-z_][\w$#.()*]*)+$/.test(line.trim()),
    );
    if (start >= 0) {
      const headers = lines[start]!.trim().split('\t');
      const rows: string[][] = [];
      for (let j = start + 1; j < lines.length; j++) {
        const line = lines[j]!;
        if (!line.includes('\t') && headers.length > 1) break;
        if (promptCommand(line) !== null) break;
        const cells = line
          .replace(/^\s+/, '')
          .split('\t')
          .map((cell) => cell.trim());
        rows.push(headers.map((_, c) => cells[c] ?? ''));
      }
      tables.push({ headers, rows, headerLine: start });
    }
  }
  return tables;
}

/** The row count a client printed: "3 rows in set", "Empty set", "2 rows selected.", "no rows selected". */
export function reportedRowCount(text: string): number | null {
  if (/\bEmpty set\b|\bno rows selected\b|未选定行/i.test(text)) return 0;
  const mysql = /\b(\d+) rows? in set\b/i.exec(text);
  if (mysql) return Number(mysql[1]);
  const oracle = /\b(\d+) rows? selected\b|已选择\s*(\d+)\s*行/i.exec(text);
  if (oracle) return Number(oracle[1] ?? oracle[2]);
  return null;
}

/** Sizes with a unit ("7.6Gi", "512M", "558.406GB", "1,024 MB", "20.000TB") in bytes; plain numbers × `plainUnit`. */
export function sizeInBytes(text: string, plainUnit = 1): number | null {
  const match = /^([\d,]*\.?\d+)\s*([KMGTPE]?)(i?B?|i)?$/i.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]!.replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  const prefix = match[2]!.toUpperCase();
  if (!prefix) return match[3] ? value : value * plainUnit;
  const power = 'KMGTPE'.indexOf(prefix) + 1;
  return value * 1024 ** power;
}

export const ipv4Pattern = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
