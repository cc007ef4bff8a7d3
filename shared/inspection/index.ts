/**
 * 基线检查的内容与规则 (runtime-neutral): built-in templates, verdicts, command-output
 * parsers, filling items from a paste, template checks and the .xlsx round trip.
 */
export {
  type BuiltinTemplate,
  builtinTemplate,
  builtinTemplates,
  builtinTemplatesFor,
  copyBuiltinTemplate,
} from './builtin-templates';
export {
  type Answer,
  type AnswerValue,
  answerNumber,
  automaticVerdict,
  chosenOptions,
  compilePattern,
  describeExpectation,
  describeThreshold,
  type VerdictItem,
  verdictFor,
} from './verdict';
export {
  isKnownValueKey,
  keyFamily,
  type OutputParser,
  outputParsers,
  parse,
  type ParsedValues,
  type ParseOptions,
  parserByName,
  parsersForKey,
  recognise,
  recogniseAll,
  type Recognised,
  targetedOnlyKeys,
  valueKeyLabel,
  valueKeyLabels,
} from './parsers';
export { type FillOptions, type FillResult, fillFromText, type ItemFill } from './fill';
export { checkTemplate, type TemplateContent, type TemplateIssue } from './template-check';
export {
  exportTemplateXlsx,
  type ImportedTemplate,
  importTemplateXlsx,
  itemColumns,
  type TemplateImportIssue,
  type TemplateImportResult,
  type XlsxTemplate,
} from './template-xlsx';
export { parseNumberText, toHalfWidth } from './text';
