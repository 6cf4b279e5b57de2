// Puts a report together: lays out the body, then the cover and the contents (whose page numbers
// depend on the body), adds running headers and footers with "Page X of N", and writes the PDF
// with links, bookmarks and metadata. The output depends only on the input: dates come from the
// options, the file identifier and font subset tags from a hash of the content.
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import type { CaseResult } from '../analysis/results';
import type { ReportContext, ReportInput } from './context';
import { Formatter, isoDate } from './format';
import { MUTED, RULE } from './layout/display-list';
import { AnchorRegistry, Flow, pageGeometry, type PageGeometry } from './layout/flow';
import { fitText } from './layout/text-metrics';
import { embedFonts, subsetTag } from './pdf-fonts';
import { addLinks, addOutline, renderPages, setInfo, type OutlineItem } from './render-pdf';
import { reportModel } from './report-model';
import { basisSection } from './sections/basis';
import { checksSection } from './sections/checks-section';
import { contents } from './sections/contents';
import { cover, reportTitle } from './sections/cover';
import { diagnosticsSection } from './sections/diagnostics-section';
import { equilibriumSection } from './sections/equilibrium-section';
import { loadsSection } from './sections/loads-section';
import { modelSection } from './sections/model-section';
import { resultsSection } from './sections/results-section';
import { sourceSection } from './sections/source-section';


export interface GeneratedReport {
  pdf: Uint8Array;
  pages: number;
  figures: number;
  tables: number;
  /** Titles of the level-1 sections, in order. */
  sections: string[];
}

/** A digest of everything the report shows: the same digest, the same bytes. */
export function contentDigest(input: ReportInput): string {
  const h = createHash('sha256');
  h.update(`struktur-report\0${input.version}\0`);
  for (const f of input.files) h.update(`${f.path}\0${f.sha256}\0`);
  const o = input.options;
  h.update(JSON.stringify({ ...o, date: isoDate(o.date) }));
  h.update(String(input.shearDeformation ?? false));
  return h.digest('hex');
}

export async function generateReport(input: ReportInput): Promise<GeneratedReport> {
  const digest = contentDigest(input);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(doc, subsetTag(digest));
  const geometry = pageGeometry(input.options.paper);
  const anchors = new AnchorRegistry();
  const body = new Flow(geometry, fonts.measure, anchors);
  const ctx: ReportContext = {
    ...input,
    flow: body,
    rm: reportModel(input.model),
    fmt: new Formatter(input.options.units, input.options.decimals),
    cases: new Map<string, CaseResult>(input.results.cases.map((c) => [c.name, c])),
    detailAnchors: new Map(),
  };
  const s = input.options.sections;
  if (s.basis) basisSection(ctx);
  if (s.model) modelSection(ctx);
  if (s.loads) loadsSection(ctx);
  if (s.equilibrium) equilibriumSection(ctx);
  if (s.results) resultsSection(ctx);
  if (s.checks) checksSection(ctx);
  if (s.diagnostics) diagnosticsSection(ctx);
  if (s.source) sourceSection(ctx);

  const coverFlow = new Flow(geometry, fonts.measure, anchors, { plain: true });
  anchors.targets.set('cover', { flow: coverFlow, page: 0, y: geometry.height });
  cover(ctx, coverFlow);

  // Contents: lay out once to learn its length, then again with the real page numbers.
  const names = { contents: 'contents', figures: 'list-of-figures', tables: 'list-of-tables' };
  const pageOf = (dest: string) => {
    const t = anchors.targets.get(dest);
    return t ? t.flow.offset + t.page + 1 : 0;
  };
  const layoutContents = () => {
    const f = new Flow(geometry, fonts.measure, anchors);
    contents(f, body.headings, body.figures, body.tables, pageOf, names);
    return f;
  };
  coverFlow.offset = 0;
  let contentsFlow = layoutContents();
  contentsFlow.offset = coverFlow.pages.length;
  body.offset = contentsFlow.offset + contentsFlow.pages.length;
  const firstCount = contentsFlow.pages.length;
  contentsFlow = layoutContents();
  contentsFlow.offset = coverFlow.pages.length;
  if (contentsFlow.pages.length !== firstCount) throw new Error('internal: the contents changed length between passes');

  const flows = [coverFlow, contentsFlow, body];
  const pages = flows.flatMap((f) => f.pages);
  const title = reportTitle(ctx);
  addRunningHeads(ctx, pages, geometry, fonts.measure, title);

  const pdfPages = renderPages(doc, pages, [geometry.width, geometry.height], fonts);
  const resolve = (dest: string) => {
    const t = anchors.targets.get(dest);
    return t ? { page: t.flow.offset + t.page, y: t.y } : undefined;
  };
  addLinks(doc, pdfPages, pages, resolve);
  const outline: OutlineItem[] = [{ title: 'Cover', dest: 'cover', children: [] }, { title: 'Contents', dest: names.contents, children: [] }];
  for (const h of body.headings) {
    const label = h.number ? `${h.number} ${h.title}` : h.title;
    if (h.level === 1) outline.push({ title: label, dest: h.dest, children: [] });
    else if (h.level === 2 && outline.length > 2) outline[outline.length - 1].children.push({ title: label, dest: h.dest, children: [] });
  }
  if (body.figures.length) outline.push({ title: 'List of figures', dest: names.figures, children: [] });
  if (body.tables.length) outline.push({ title: 'List of tables', dest: names.tables, children: [] });
  addOutline(doc, pdfPages, outline, resolve);

  const meta = input.model.meta;
  setInfo(doc, {
    title,
    author: meta.engineer ?? input.options.signatures.prepared ?? '',
    subject: `Calculation report${meta.project ? `, project ${meta.project}` : ''} — ${input.files[0].path}, revision ${input.options.revision}`,
    keywords: ['structural analysis', 'calculation report', 'Struktur', ...(meta.project ? [meta.project] : []), ...(meta.code ? [meta.code] : []), `sha256:${input.files[0].sha256}`],
    creator: `Struktur ${input.version}`,
    producer: `Struktur ${input.version} report (pdf-lib)`,
    date: input.options.date,
    language: 'en',
    id: digest.slice(0, 32),
  });
  const pdf = await doc.save({ useObjectStreams: true });
  return { pdf, pages: pages.length, figures: body.figures.length, tables: body.tables.length, sections: body.headings.filter((h) => h.level === 1).map((h) => h.title) };
}

function addRunningHeads(ctx: ReportContext, pages: Flow['pages'], g: PageGeometry, measure: Flow['measure'], title: string): void {
  const n = pages.length;
  const meta = ctx.model.meta;
  const left = [meta.project, title].filter(Boolean).join(' · ');
  const right = `Rev. ${ctx.options.revision} · ${isoDate(ctx.options.date)}`;
  const hash = `model SHA-256 ${ctx.files[0].sha256.slice(0, 16)}…`;
  const size = 7;
  pages.forEach((p, k) => {
    const footerRight = `Page ${k + 1} of ${n}`;
    const fw = measure.width(footerRight, 'bold', size);
    if (p.plain) {
      p.ops.push({ t: 'text', x: g.right - fw, y: 34, text: footerRight, face: 'bold', size, color: MUTED });
      return;
    }
    const rw = measure.width(right, 'regular', size);
    const shown = fitText(left, measure, 'regular', size, g.right - g.left - rw - 20);
    p.ops.push(
      { t: 'text', x: g.left, y: g.height - 44, text: shown, face: 'regular', size, color: MUTED },
      { t: 'text', x: g.right - rw, y: g.height - 44, text: right, face: 'regular', size, color: MUTED },
      { t: 'path', pts: [g.left, g.height - 49, g.right, g.height - 49], stroke: RULE, width: 0.5 },
      { t: 'path', pts: [g.left, 46, g.right, 46], stroke: RULE, width: 0.5 },
      { t: 'text', x: g.left, y: 34, text: `Struktur ${ctx.version} · ${hash}`, face: 'regular', size, color: MUTED },
      { t: 'text', x: g.right - fw, y: 34, text: footerRight, face: 'bold', size, color: MUTED },
    );
  });
}
