// The three faces embedded in one PDF document as subsets, with per-character caches for both
// widths (layout) and glyph codes (drawing). Each character is encoded on its own, once: no
// shaping, no ligatures, so what pdftotext reads back is exactly the text that was written.
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { FONT_NAMES, fontBytes, type FontFace } from './fonts';
import { cachedMeasure, type TextMeasure } from './layout/text-metrics';

export interface PdfFonts {
  fonts: Record<FontFace, PDFFont>;
  measure: TextMeasure;
  /** The glyph codes of `text` in `face`, as hex digits (four per glyph). */
  encode(text: string, face: FontFace): string;
}

const FACES: FontFace[] = ['regular', 'bold', 'mono'];

/**
 * `tag` is the six-letter subset tag (PDF 9.6.4); it comes from the document's content hash so
 * that the same report gets the same font names.
 */
export async function embedFonts(doc: PDFDocument, tag: string): Promise<PdfFonts> {
  doc.registerFontkit(fontkit);
  const fonts = {} as Record<FontFace, PDFFont>;
  for (const face of FACES) {
    fonts[face] = await doc.embedFont(fontBytes(face), { subset: true, customName: `${tag}+${FONT_NAMES[face]}` });
  }
  const codes: Record<FontFace, Map<string, string>> = { regular: new Map(), bold: new Map(), mono: new Map() };
  const measure = cachedMeasure((ch, face) => fonts[face].widthOfTextAtSize(ch, 1000));
  return {
    fonts,
    measure,
    encode(text, face) {
      const table = codes[face];
      let hex = '';
      for (const ch of text) {
        let code = table.get(ch);
        if (code === undefined) {
          code = fonts[face].encodeText(ch).asString();
          table.set(ch, code);
        }
        hex += code;
      }
      return hex;
    },
  };
}

/** A subset tag from a hex digest: six capital letters. */
export function subsetTag(hexDigest: string): string {
  let tag = '';
  for (let k = 0; k < 6; k++) tag += String.fromCharCode(65 + (parseInt(hexDigest.slice(2 * k, 2 * k + 2), 16) % 26));
  return tag;
}
