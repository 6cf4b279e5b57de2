// Draws the laid-out pages with pdf-lib and adds what makes the file a document: links,
// bookmarks (the outline), metadata, language and a file identifier. Nothing here reads the
// clock or a random source, so the same pages give the same bytes.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { FontFace } from './fonts';
import type { Op, PageContent, Rgb } from './layout/display-list';
import type { PdfFonts } from './pdf-fonts';

export interface OutlineItem {
  title: string;
  dest: string;
  children: OutlineItem[];
}

export interface Destination {
  page: number;
  y: number;
}

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
  producer: string;
  date: Date;
  language: string;
  /** 32 hex digits: the PDF file identifier. */
  id: string;
}

const FONT_KEYS: Record<FontFace, string> = { regular: 'F1', bold: 'F2', mono: 'F3' };
const r2 = (v: number) => Math.round(v * 100) / 100;

/** A number as the content stream writes it: at most two decimals, no exponent, no "-0". */
function n(v: number): string {
  const r = Math.round(v * 100);
  if (r === 0) return '0';
  const sign = r < 0 ? '-' : '';
  const a = Math.abs(r);
  const whole = Math.floor(a / 100);
  const frac = a % 100;
  return frac === 0 ? `${sign}${whole}` : frac % 10 === 0 ? `${sign}${whole}.${frac / 10}` : `${sign}${whole}.${frac < 10 ? '0' : ''}${frac}`;
}

const rgb = (c: Rgb) => `${n3(c[0])} ${n3(c[1])} ${n3(c[2])}`;
function n3(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}

/**
 * The page's content stream as text. Written directly rather than through pdf-lib's operator
 * objects: a 100-page report has millions of numbers, and building, formatting and collecting
 * an object for each was most of the time.
 */
export function pageContent(ops: Op[], fonts: PdfFonts): string {
  const out: string[] = ['1 j 1 J'];
  let stroke_ = '';
  let fill_ = '';
  let width = -1;
  let dashed = false;
  const paint = (op: { stroke?: Rgb; fill?: Rgb; width?: number; dash?: number[] }) => {
    if (op.stroke) {
      const c = rgb(op.stroke);
      if (c !== stroke_) out.push(`${(stroke_ = c)} RG`);
      const w = op.width ?? 0.5;
      if (w !== width) out.push(`${n((width = w))} w`);
      if (op.dash?.length) {
        out.push(`[${op.dash.map(n).join(' ')}] 0 d`);
        dashed = true;
      } else if (dashed) {
        out.push('[] 0 d');
        dashed = false;
      }
    }
    if (op.fill) {
      const c = rgb(op.fill);
      if (c !== fill_) out.push(`${(fill_ = c)} rg`);
    }
    out.push(op.fill && op.stroke ? 'B' : op.fill ? 'f' : 'S');
  };
  // Graphics first, then all text in one text object on top.
  for (const op of ops) {
    if (op.t === 'path') {
      if (op.pts.length < 4 || (!op.stroke && !op.fill)) continue;
      let path = `${n(op.pts[0])} ${n(op.pts[1])} m`;
      for (let k = 2; k + 1 < op.pts.length; k += 2) path += `\n${n(op.pts[k])} ${n(op.pts[k + 1])} l`;
      out.push(op.close ? path + ' h' : path);
      paint(op);
    } else if (op.t === 'rect') {
      out.push(`${n(op.x)} ${n(op.y)} ${n(op.w)} ${n(op.h)} re`);
      paint(op);
    } else if (op.t === 'circle') {
      const k = 0.5523 * op.r;
      const { x, y, r } = op;
      out.push(
        `${n(x + r)} ${n(y)} m`,
        `${n(x + r)} ${n(y + k)} ${n(x + k)} ${n(y + r)} ${n(x)} ${n(y + r)} c`,
        `${n(x - k)} ${n(y + r)} ${n(x - r)} ${n(y + k)} ${n(x - r)} ${n(y)} c`,
        `${n(x - r)} ${n(y - k)} ${n(x - k)} ${n(y - r)} ${n(x)} ${n(y - r)} c`,
        `${n(x + k)} ${n(y - r)} ${n(x + r)} ${n(y - k)} ${n(x + r)} ${n(y)} c h`,
      );
      paint(op);
    }
  }
  let font = '';
  let inText = false;
  for (const op of ops) {
    if (op.t !== 'text') continue;
    if (!inText) {
      out.push('BT');
      inText = true;
    }
    const f = `/${FONT_KEYS[op.face]} ${n(op.size)} Tf`;
    if (f !== font) out.push((font = f));
    const c = rgb(op.color ?? [0, 0, 0]);
    if (c !== fill_) out.push(`${(fill_ = c)} rg`);
    out.push(`1 0 0 1 ${n(op.x)} ${n(op.y)} Tm <${fonts.encode(op.text, op.face)}> Tj`);
  }
  if (inText) out.push('ET');
  return out.join('\n');
}

export function renderPages(doc: PDFDocument, pages: PageContent[], size: [number, number], fonts: PdfFonts): PDFPage[] {
  return pages.map((content) => {
    const page = doc.addPage(size);
    for (const f of Object.keys(FONT_KEYS) as FontFace[]) page.node.setFontDictionary(PDFName.of(FONT_KEYS[f]), fonts.fonts[f].ref);
    const stream = doc.context.flateStream(pageContent(content.ops, fonts));
    page.node.addContentStream(doc.context.register(stream));
    return page;
  });
}

function destArray(doc: PDFDocument, pages: PDFPage[], d: Destination): PDFArray {
  return doc.context.obj([pages[d.page].ref, PDFName.of('XYZ'), PDFNull, PDFNumber.of(r2(d.y)), PDFNull]);
}

/** Link annotations for every link op. */
export function addLinks(doc: PDFDocument, pages: PDFPage[], contents: PageContent[], resolve: (dest: string) => Destination | undefined): void {
  contents.forEach((content, k) => {
    for (const op of content.ops) {
      if (op.t !== 'link') continue;
      const d = resolve(op.dest);
      if (!d) continue;
      const annot = doc.context.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [r2(op.x), r2(op.y), r2(op.x + op.w), r2(op.y + op.h)],
        Border: [0, 0, 0],
        Dest: destArray(doc, pages, d),
      });
      pages[k].node.addAnnot(doc.context.register(annot));
    }
  });
}

/** The bookmarks: a tree of titled destinations, open at the first level. */
export function addOutline(doc: PDFDocument, pages: PDFPage[], items: OutlineItem[], resolve: (dest: string) => Destination | undefined): void {
  const ctx = doc.context;
  const rootRef = ctx.nextRef();
  const build = (list: OutlineItem[], parent: PDFRef): { first?: PDFRef; last?: PDFRef; count: number } => {
    const refs = list.map(() => ctx.nextRef());
    let count = 0;
    list.forEach((item, k) => {
      const dict = PDFDict.withContext(ctx);
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
      dict.set(PDFName.of('Parent'), parent);
      if (k > 0) dict.set(PDFName.of('Prev'), refs[k - 1]);
      if (k + 1 < list.length) dict.set(PDFName.of('Next'), refs[k + 1]);
      const d = resolve(item.dest);
      if (d) dict.set(PDFName.of('Dest'), destArray(doc, pages, d));
      if (item.children.length) {
        const sub = build(item.children, refs[k]);
        dict.set(PDFName.of('First'), sub.first!);
        dict.set(PDFName.of('Last'), sub.last!);
        // Closed below the first level: a negative count.
        dict.set(PDFName.of('Count'), PDFNumber.of(-sub.count));
      }
      ctx.assign(refs[k], dict);
      count++;
    });
    return { first: refs[0], last: refs[refs.length - 1], count };
  };
  const top = build(items, rootRef);
  const root = PDFDict.withContext(ctx);
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  if (top.first) {
    root.set(PDFName.of('First'), top.first);
    root.set(PDFName.of('Last'), top.last!);
  }
  root.set(PDFName.of('Count'), PDFNumber.of(top.count));
  ctx.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

export function setInfo(doc: PDFDocument, info: DocumentInfo): void {
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setKeywords(info.keywords);
  doc.setCreator(info.creator);
  doc.setProducer(info.producer);
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);
  doc.setLanguage(info.language);
  const id = PDFHexString.of(info.id.toUpperCase());
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
}
