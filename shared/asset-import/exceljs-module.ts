/**
 * exceljs, loaded on first use. It is large (several hundred kB), and only import and export
 * need it, so a dynamic import keeps it out of the app's start-up bundle. It is a CommonJS
 * package: Node's ESM loader exposes it only as `default`, Vite's pre-bundling as named
 * exports as well, hence the fallback.
 */
import type * as ExcelJSTypes from 'exceljs';

export type ExcelJS = typeof ExcelJSTypes;

let loading: Promise<ExcelJS> | undefined;

export function loadExcelJs(): Promise<ExcelJS> {
  loading ??= import('exceljs').then((mod) => (mod as unknown as { default?: ExcelJS }).default ?? mod);
  return loading;
}
