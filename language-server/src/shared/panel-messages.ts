// Messages every Struktur panel (3D view, dashboard, report preview) exchanges with the
// extension, as discriminated unions. Each panel extends them in its own *-messages.ts file.
// Plain types: the webviews import them with `import type`.

/** A model element a panel can show and the editor can reveal. */
export interface ElementRef {
  kind: 'member' | 'node';
  name: string;
}

/** webview → extension, common to every panel. */
export type PanelToHost =
  | { type: 'ready' }
  /** Reveal and select the element's declaration in the editor. */
  | { type: 'reveal'; element: ElementRef }
  /** The selection in this panel changed (the other panels follow). */
  | { type: 'select'; element: ElementRef | null }
  /** Save a figure: PNG as base64 (no data: prefix), SVG as text. */
  | { type: 'exportImage'; format: 'png' | 'svg'; name: string; data: string }
  | { type: 'error'; message: string };

/** extension → webview, common to every panel. */
export type HostToPanel =
  /** The selected element changed elsewhere (the editor's cursor, another panel). */
  | { type: 'select'; element: ElementRef | null; source: 'editor' | 'panel' }
  /** The colour theme changed: re-read the CSS variables. */
  | { type: 'theme' };

export function sameElement(a: ElementRef | null | undefined, b: ElementRef | null | undefined): boolean {
  return !!a && !!b ? a.kind === b.kind && a.name === b.name : !a && !b;
}
