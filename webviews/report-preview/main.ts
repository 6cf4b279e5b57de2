// Entry of the report preview (dist/webviews/report-preview.js): draws the PDF the extension
// sends with pdf.js, page by page as they scroll into view. pdf.js runs in this page (no worker:
// the panel's CSP admits scripts only with its nonce) and draws glyphs as paths, so no fonts
// need loading either.
import '../shared/base.css';
import './report-preview.css';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { HostToReportPreview, ReportPreviewState, ReportPreviewToHost } from '../../language-server/src/shared/report-preview-messages';
import { onMessage, vscodeApi } from '../shared/vscode-api';

// pdf.js uses its "fake worker" (the same code on this thread) when it finds the handler here.
(globalThis as unknown as { pdfjsWorker: unknown }).pdfjsWorker = pdfjsWorker;

type PdfDocument = Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;

const api = vscodeApi<ReportPreviewState, ReportPreviewToHost>();
const state: ReportPreviewState = api.getState() ?? { version: 1 };

const toolbar = document.createElement('div');
toolbar.className = 'toolbar';
const title = document.createElement('span');
title.className = 'title';
const summary = document.createElement('span');
summary.className = 'summary';
const spacer = document.createElement('span');
spacer.className = 'spacer';
const button = (label: string, tip: string, action: () => void) => {
  const b = document.createElement('button');
  b.textContent = label;
  b.title = tip;
  b.addEventListener('click', action);
  return b;
};
const zoomLabel = document.createElement('span');
toolbar.append(
  title, summary, spacer,
  button('−', 'Zoom out', () => setZoom((state.zoom ?? 1) / 1.2)),
  zoomLabel,
  button('+', 'Zoom in', () => setZoom((state.zoom ?? 1) * 1.2)),
  button('Fit', 'Fit the page width', () => setZoom(1)),
  button('Open', 'Open in the system PDF viewer', () => api.post({ type: 'openExternal' })),
  button('Reveal', 'Reveal the file in the explorer', () => api.post({ type: 'revealFile' })),
);
const pagesEl = document.createElement('div');
pagesEl.id = 'pages';
document.body.append(toolbar, pagesEl);

let doc: PdfDocument | undefined;
let pageSizes: { width: number; height: number }[] = [];
let drawn = new Map<number, number>();
let observer: IntersectionObserver | undefined;
let generation = 0;

function pageWidth(): number {
  // "Fit" is the panel width less margins, at most 900 CSS pixels; zoom scales that.
  return Math.max(200, Math.min(pagesEl.clientWidth - 90, 900)) * (state.zoom ?? 1);
}

function setZoom(z: number): void {
  state.zoom = Math.min(4, Math.max(0.3, z));
  api.setState(state);
  layout();
}

async function draw(index: number, el: HTMLElement): Promise<void> {
  if (!doc) return;
  const width = pageWidth();
  if (drawn.get(index) === width) return;
  drawn.set(index, width);
  const mine = generation;
  const page = await doc.getPage(index + 1);
  const base = page.getViewport({ scale: 1 });
  const scale = (width / base.width) * (window.devicePixelRatio || 1);
  const viewport = page.getViewport({ scale });
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  await page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport }).promise;
  if (mine !== generation) return;
  el.querySelector('canvas')?.remove();
  el.prepend(canvas);
}

function layout(): void {
  zoomLabel.textContent = `${Math.round((state.zoom ?? 1) * 100)} %`;
  observer?.disconnect();
  pagesEl.replaceChildren();
  drawn = new Map();
  const width = pageWidth();
  observer = new IntersectionObserver((entries) => {
    for (const e of entries) if (e.isIntersecting) void draw(Number((e.target as HTMLElement).dataset.index), e.target as HTMLElement).catch(fail);
  }, { root: pagesEl, rootMargin: '600px 0px' });
  pageSizes.forEach((size, k) => {
    const el = document.createElement('div');
    el.className = 'page';
    el.dataset.index = String(k);
    el.style.width = `${width}px`;
    el.style.height = `${(width * size.height) / size.width}px`;
    const n = document.createElement('span');
    n.className = 'number';
    n.textContent = String(k + 1);
    el.append(n);
    pagesEl.append(el);
    observer!.observe(el);
  });
}

function fail(e: unknown): void {
  api.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
}

async function load(name: string, data: Uint8Array, text: string): Promise<void> {
  generation++;
  title.textContent = name;
  summary.textContent = text;
  await doc?.destroy();
  doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false }).promise;
  pageSizes = [];
  for (let k = 1; k <= doc.numPages; k++) {
    const vp = (await doc.getPage(k)).getViewport({ scale: 1 });
    pageSizes.push({ width: vp.width, height: vp.height });
  }
  layout();
  await draw(0, pagesEl.firstElementChild as HTMLElement);
  api.post({ type: 'rendered', pages: doc.numPages, firstPage: pageSizes[0] });
}

onMessage<HostToReportPreview>((msg) => {
  if (msg.type === 'load') {
    state.pdf = msg.uri;
    api.setState(state);
    void load(msg.name, msg.data, msg.summary).catch(fail);
  } else if (msg.type === 'theme') {
    // The pages are paper-white in every theme; only the chrome follows it (CSS variables).
  }
});
window.addEventListener('resize', () => {
  if ((state.zoom ?? 1) === 1 && doc) layout();
});
api.post({ type: 'ready' });
