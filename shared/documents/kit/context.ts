import { Captions, captionReferenceRuns, type CaptionKind } from './captions';
import type { ChartRasteriser } from './chart-raster';
import { RawRows } from './raw-rows';
import type { ParagraphChild } from 'docx';
import { type PageGeometry, pageGeometry, type PageMargins } from './units';

/** Bytes of attached files by their sha256, handed in by whoever loaded them (IndexedDB, disk). */
export type FileBytes = ReadonlyMap<string, Uint8Array>;

export interface BuildOptions {
  /** Produce the document even when data is missing, with a visible 待补充 marker in its place. */
  allowMissing: boolean;
  /** Photo and signature bytes by sha256 (Attachment.sha256). */
  files?: FileBytes;
  /** Page margins in twips; A4 with Word's Chinese defaults when not given. */
  margins?: PageMargins;
  /**
   * The period a periodic document covers, as local dates, both ends included: one day for the
   * 巡检日志, a calendar month for the 巡检月报, any range for the 变更记录.
   */
  period?: DocumentPeriod;
  /**
   * Draws a chart's SVG as the PNG Word shows where it cannot show SVG (createChartRasteriser in
   * chart-raster.ts, with the wasm and font the caller loaded). A document that draws a chart
   * cannot be built without it.
   */
  rasteriseChart?: ChartRasteriser;
}

export interface DocumentPeriod {
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD, inclusive */
  to: string;
}

/**
 * What one document being built shares between its parts: page geometry, table and figure
 * captions, list instances, and the markers and warnings it wrote.
 */
export class DocumentContext {
  readonly page: PageGeometry;
  readonly files: FileBytes;
  /** The missing data written as 待补充 markers, in document order. */
  readonly placeholders: string[] = [];
  /** Things the reader should know that are not missing data (a photo whose bytes were not given). */
  readonly warnings: string[] = [];
  /** Long tables' body rows written as text, put in place when the document is packed (raw-rows.ts). */
  readonly rawRows = new RawRows();
  /** Table and figure captions, numbered as SEQ fields that references point to (captions.ts). */
  readonly captions = new Captions();
  readonly rasteriseChart: ChartRasteriser | undefined;
  private lists = 0;

  constructor(options: Pick<BuildOptions, 'files' | 'margins' | 'rasteriseChart'> = {}) {
    this.page = pageGeometry(options.margins);
    this.files = options.files ?? new Map();
    this.rasteriseChart = options.rasteriseChart;
  }

  /**
   * 「表 3」/「图 2」 in running text for the caption named `key` (dataTable's captionKey, a
   * figure's key), as a REF field: it may come before the caption it points to.
   */
  reference(kind: CaptionKind, key: string): ParagraphChild[] {
    return captionReferenceRuns(this.captions, kind, key);
  }

  /** Each ordered list restarts at (1): a new numbering instance per list. */
  nextListInstance(): number {
    return ++this.lists;
  }

  notePlaceholder(message: string): void {
    if (!this.placeholders.includes(message)) this.placeholders.push(message);
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }
}
