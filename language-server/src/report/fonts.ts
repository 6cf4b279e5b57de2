// The report's typefaces: DejaVu Sans (regular, bold) and DejaVu Sans Mono from the npm package
// dejavu-fonts-ttf. They cover Greek, super- and subscripts, ✓ ✗ ≤ Σ and the other signs an
// engineering report needs, and their licence allows embedding. The bundles carry a copy in
// dist/fonts (scripts/build.mjs); from sources they are read from node_modules.
import fs from 'node:fs';
import path from 'node:path';

export type FontFace = 'regular' | 'bold' | 'mono';

export const FONT_FILES: Record<FontFace, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
};

/** The PostScript names, used (with a subset tag) as the embedded fonts' BaseFont. */
export const FONT_NAMES: Record<FontFace, string> = {
  regular: 'DejaVuSans',
  bold: 'DejaVuSans-Bold',
  mono: 'DejaVuSansMono',
};

export class FontNotFoundError extends Error {}

function candidates(file: string): string[] {
  const out = [path.join(__dirname, 'fonts', file)];
  try {
    out.push(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
  } catch {
    // Not resolvable from here (a bundle outside the checkout): try the working folder's packages.
    out.push(path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf', file));
  }
  return out;
}

const cache = new Map<FontFace, Uint8Array>();

export function fontBytes(face: FontFace): Uint8Array {
  const hit = cache.get(face);
  if (hit) return hit;
  for (const p of candidates(FONT_FILES[face])) {
    if (!fs.existsSync(p)) continue;
    const bytes = new Uint8Array(fs.readFileSync(p));
    cache.set(face, bytes);
    return bytes;
  }
  throw new FontNotFoundError(`The report font ${FONT_FILES[face]} was not found (looked in ${candidates(FONT_FILES[face]).join(', ')})`);
}
