// Shared by the completion, hover and signature-help tests: the specification's big example and
// a helper that opens a fresh document with a cursor marker and asks the server at the marker.
import type { LspProcessClient } from '../../language-server/src/cli/lsp-client';
import { uriOf } from '../support/lsp';
import path from 'node:path';
import os from 'node:os';

export const SPEC_MODEL = `model "Two-bay portal frame"
meta engineer="A. Engineer" project="P-102" code="EN 1993-1-1"
units kN m

let bay = 6m
let h = 3.5m

material S355 E=210GPa nu=0.3 weight=78.5kN/m3 fy=355MPa
material C30  E=33GPa G=13.75GPa density=2500kg/m3
material S235 grade=S235

section IPE300 material=S355 catalog=IPE300
section COL    material=S355 catalog=HEB200
section R300   material=C30 shape=rect b=300mm h=500mm
section CHS    material=S355 shape=pipe d=168.3mm t=8mm
section CUSTOM material=S355 A=53.8cm2 Iy=8356cm4 Iz=604cm4 J=20.1cm4

node N1 0 0 0
node N2 0 0 h
node N3 bay 0 h
node N4 bay 0 0
node N5 2*bay 0 h
node N6 2*bay 0 0

member C1 N1 N2 COL
member B1 N2 N3 IPE300
member C2 N4 N3 COL roll=90
member B2 N3 N5 IPE300 hinge=j                 # releases My,Mz at end j
member C3 N6 N5 COL release_i=My
member X1 N1 N3 CHS type=truss

support N1 fixed
support N4 pinned
support N6 x y rz kz=2e5kN/m kry=5000kN*m/rad

group Beams B1 B2

load DEAD "Self weight and finishes" category=permanent
  selfweight
  uniform Beams Fz=-4kN/m
end

load LIVE category=imposed
  uniform B1 Fz=-6 from=1m to=5m
  point B2 Fz=-12kN at=50%
  trapezoid B1 Fz=-2,-5
  nodal N2 Fx=8kN My=2kN*m
end

load SETTLE category=other
  displacement N4 z=-10mm
end

combination ULS1 1.35*DEAD + 1.5*LIVE
combination SLS1 DEAD + LIVE type=SLS

check stress limit=1.0 combinations=ULS1
check deflection limit=L/300 members=Beams combinations=SLS1
`;

export const CURSOR = '‸';

/** Removes the one cursor marker from `marked`: the text and the marker's position. */
export function withCursor(marked: string): { text: string; position: { line: number; character: number } } {
  const idx = marked.indexOf(CURSOR);
  if (idx < 0 || marked.indexOf(CURSOR, idx + 1) >= 0) throw new Error('exactly one cursor marker expected');
  const before = marked.slice(0, idx);
  const line = before.split('\n').length - 1;
  return { text: before + marked.slice(idx + CURSOR.length), position: { line, character: idx - (before.lastIndexOf('\n') + 1) } };
}

let counter = 0;

/** Opens `text` as a new document (a fresh uri each time), runs `fn` on it, and closes it. */
export async function withDocument<T>(client: LspProcessClient, text: string, fn: (uri: string) => Promise<T>): Promise<T> {
  const uri = uriOf(path.join(os.tmpdir(), 'struktur-editing-tests', `doc${++counter}.struct`));
  await client.open(uri, text);
  try {
    return await fn(uri);
  } finally {
    await client.close(uri);
  }
}

/** A document full of mistakes, half-typed lines and odd characters, for sweeps over every position. */
export const MESSY = [
  'units kN',
  'node N1 0 0 0',
  'member B1 N1 (( N2 \\',
  '  x=',
  'load X "open',
  '  uniform = , ,',
  '  point B1 local Fz=-5kN at=50%% §',
  'let = = ',
  'combination',
  'check deflection limit=L/ members=,,',
  'support N1 fixed, kz=',
  'section S catalog=IPE30 material=',
  '   # only a comment',
  '',
].join('\r\n');

/** Every position of `text`, and a few past the end of each line and of the file. */
export function everyPosition(text: string): { line: number; character: number }[] {
  const lines = text.split(/\r?\n/);
  const out: { line: number; character: number }[] = [];
  lines.forEach((l, line) => {
    for (let character = 0; character <= l.length + 2; character++) out.push({ line, character });
  });
  out.push({ line: lines.length, character: 0 }, { line: lines.length + 5, character: 3 });
  return out;
}
