/**
 * Everything about the deliverables: the catalogue the app's screens use (./catalogue, no docx)
 * and the builders, for the document Web Worker, the CLI and the tests.
 */
export * from './catalogue';
export type { BuildResult } from './data';
export { packDocument } from './kit/pack';
export { documentBuilders, buildDocument, type DocumentBuilder } from './builders';
export { renderDocument, type RenderOptions, type RenderResult } from './render';
export {
  contentPlaceholders,
  HouseTemplateError,
  type HouseTemplateOptions,
  type HouseTemplateResult,
  type HouseTemplateSummary,
  inspectHouseTemplate,
  placeholderValues,
  renderWithHouseTemplate,
} from './house-template';
export { PAGE_ESTIMATE_ROW_LIMIT } from './baseline-report';
