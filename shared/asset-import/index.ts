/**
 * 运维对象 import from and export to spreadsheets. The flow:
 *   readSpreadsheet → guessColumns (shown to the user, who may correct the mapping)
 *   → parseAssetRows → planAssetImport (shown as a preview) → Repository.writeMany(plan.ops)
 * and exportAssetsXlsx for the way back. Runtime-neutral: used by the renderer (browser and
 * Electron) and usable from Node.
 */
export {
  readSpreadsheet,
  SpreadsheetReadError,
  type SpreadsheetReadErrorCode,
  type CellRange,
  type ReadSpreadsheetOptions,
  type SheetGrid,
} from './read-sheet';
export {
  columnHeaders,
  guessColumns,
  guessColumnsAt,
  type ColumnGuess,
  type ColumnHeader,
  type ColumnMapping,
  type GuessedColumn,
} from './column-guess';
export { assetFieldNames, matchHeader, type AliasMatch, type AssetField } from './header-aliases';
export {
  isTotalsLabel,
  parseAssetRows,
  type ParsedAssetRow,
  type ParsedAssetRows,
  type ParseRowsOptions,
  type SkippedRow,
} from './parse-rows';
export {
  planAssetImport,
  type AssetImportPlan,
  type AssetWriteOp,
  type ExistingAsset,
  type FieldChange,
  type FieldConflict,
  type ImportChoice,
  type ImportChoices,
  type MatchRule,
  type PlannedRow,
  type RowDuplicate,
} from './plan-import';
export { exportAssetsXlsx, exportColumns, type ExportableAsset, type ExportAssetsOptions } from './export-xlsx';
export { parseAssetType, parseCriticality, splitIps, splitTags, type Criticality } from './value-parsers';
export { decodeText, type TextEncodingName } from './text-decode';
