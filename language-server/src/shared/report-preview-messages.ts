// Messages of the report preview (webviews/report-preview ↔ extension/src/report/report-preview-panel.ts).
// Plain types: the webview imports them with `import type`.

/** The webview panel's view type (serializer, activation event `onWebviewPanel:struktur.reportPreview`). */
export const REPORT_PREVIEW_VIEW_TYPE = 'struktur.reportPreview';

export type HostToReportPreview =
  /** The PDF to show (its bytes: the webview may read nothing from disk). */
  | { type: 'load'; name: string; uri: string; data: Uint8Array; summary: string }
  | { type: 'theme' };

export type ReportPreviewToHost =
  | { type: 'ready' }
  /** The document is open and its first page drawn. */
  | { type: 'rendered'; pages: number; firstPage: { width: number; height: number } }
  /** Open the PDF in the system's viewer. */
  | { type: 'openExternal' }
  | { type: 'revealFile' }
  | { type: 'error'; message: string };

/** What the webview keeps (and the serializer hands back after a reload). */
export interface ReportPreviewState {
  version: 1;
  /** The PDF's file URI. */
  pdf?: string;
  zoom?: number;
}
