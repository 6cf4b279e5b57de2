// Formatting through the real server process: golden before/after texts (the specification
// example among them), idempotence on every example, comments and tokens kept, CRLF kept, lines
// with syntax errors untouched, range formatting, and the same diagnostics after formatting.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import type { LspProcessClient } from '../../language-server/src/cli/lsp-client';
import { lex } from '../../language-server/src/language/syntax/lexer';
import { EXAMPLES, openAndWait, startServer, uriOf } from '../support/lsp';

const SPEC_EXAMPLE = [
  'model "Two-bay portal frame"          # title, used by reports',
  'meta engineer="A. Engineer" project="P-102" code="EN 1993-1-1"',
  'units kN m',
  '# include "common/materials.struct"   # path relative to this file; cycles are errors',
  '',
  'let bay = 6m',
  'let h = 3.5m',
  '',
  'material S355 E=210GPa nu=0.3 weight=78.5kN/m3 fy=355MPa',
  'material C30  E=33GPa G=13.75GPa density=2500kg/m3',
  'material S235 grade=S235              # built-in grade table (EN 10025 steels, EN 206 concretes)',
  '',
  'section IPE300 material=S355 catalog=IPE300                 # built-in catalogue',
  'section COL    material=S355 catalog=HEB200',
  'section R300   material=C30 shape=rect b=300mm h=500mm       # properties derived from the shape',
  'section CHS    material=S355 shape=pipe d=168.3mm t=8mm',
  'section CUSTOM material=S355 A=53.8cm2 Iy=8356cm4 Iz=604cm4 J=20.1cm4',
  '',
  'node N1 0 0 0',
  'node N2 0 0 h',
  'node N3 bay 0 h',
  'node N4 bay 0 0',
  'node N5 2*bay 0 h',
  'node N6 2*bay 0 0',
  '',
  'member C1 N1 N2 COL',
  'member B1 N2 N3 IPE300',
  'member C2 N4 N3 COL roll=90',
  'member B2 N3 N5 IPE300 hinge=j                 # releases My,Mz at end j',
  'member C3 N6 N5 COL release_i=My               # any of N Vy Vz T My Mz, per end',
  'member X1 N1 N3 CHS type=truss                 # axial force only',
  '',
  'support N1 fixed',
  'support N4 pinned                              # x y z restrained',
  'support N6 x y rz kz=2e5kN/m kry=5000kN*m/rad   # listed DOFs restrained, springs on others',
  '',
  'group Beams B1 B2',
  '',
  'load DEAD "Self weight and finishes" category=permanent',
  '  selfweight                                   # gravity on every member, -z',
  '  uniform Beams Fz=-4kN/m                      # member or group; global axes unless `local`',
  'end',
  '',
  'load LIVE category=imposed',
  '  uniform B1 Fz=-6 from=1m to=5m',
  '  point B2 Fz=-12kN at=50%                     # at= a length from end i, or a percentage',
  '  trapezoid B1 Fz=-2,-5                        # linearly varying from i to j',
  '  nodal N2 Fx=8kN My=2kN*m',
  'end',
  '',
  'load SETTLE category=other',
  '  displacement N4 z=-10mm                      # prescribed displacement of a restrained DOF',
  'end',
  '',
  'combination ULS1 1.35*DEAD + 1.5*LIVE',
  'combination SLS1 DEAD + LIVE type=SLS',
  '',
  'check stress limit=1.0 combinations=ULS1       # elastic |N|/A + |My|/Wy + |Mz|/Wz against fy',
  'check deflection limit=L/300 members=Beams combinations=SLS1   # L: the member\'s length',
  '',
].join('\n');

const SPEC_FORMATTED = [
  'model "Two-bay portal frame"  # title, used by reports',
  'meta engineer="A. Engineer" project="P-102" code="EN 1993-1-1"',
  'units kN m',
  '# include "common/materials.struct"   # path relative to this file; cycles are errors',
  '',
  'let bay = 6m',
  'let h   = 3.5m',
  '',
  'material S355 E=210GPa nu=0.3 weight=78.5kN/m3 fy=355MPa',
  'material C30  E=33GPa G=13.75GPa density=2500kg/m3',
  'material S235 grade=S235  # built-in grade table (EN 10025 steels, EN 206 concretes)',
  '',
  'section IPE300 material=S355 catalog=IPE300             # built-in catalogue',
  'section COL    material=S355 catalog=HEB200',
  'section R300   material=C30 shape=rect b=300mm h=500mm  # properties derived from the shape',
  'section CHS    material=S355 shape=pipe d=168.3mm t=8mm',
  'section CUSTOM material=S355 A=53.8cm2 Iy=8356cm4 Iz=604cm4 J=20.1cm4',
  '',
  'node N1 0     0 0',
  'node N2 0     0 h',
  'node N3 bay   0 h',
  'node N4 bay   0 0',
  'node N5 2*bay 0 h',
  'node N6 2*bay 0 0',
  '',
  'member C1 N1 N2 COL',
  'member B1 N2 N3 IPE300',
  'member C2 N4 N3 COL    roll=90',
  'member B2 N3 N5 IPE300 hinge=j       # releases My,Mz at end j',
  'member C3 N6 N5 COL    release_i=My  # any of N Vy Vz T My Mz, per end',
  'member X1 N1 N3 CHS    type=truss    # axial force only',
  '',
  'support N1 fixed',
  'support N4 pinned                              # x y z restrained',
  'support N6 x y rz kz=2e5kN/m kry=5000kN*m/rad  # listed DOFs restrained, springs on others',
  '',
  'group Beams B1 B2',
  '',
  'load DEAD "Self weight and finishes" category=permanent',
  '  selfweight               # gravity on every member, -z',
  '  uniform Beams Fz=-4kN/m  # member or group; global axes unless `local`',
  'end',
  '',
  'load LIVE category=imposed',
  '  uniform B1 Fz=-6 from=1m to=5m',
  '  point B2 Fz=-12kN at=50%  # at= a length from end i, or a percentage',
  '  trapezoid B1 Fz=-2,-5     # linearly varying from i to j',
  '  nodal N2 Fx=8kN My=2kN*m',
  'end',
  '',
  'load SETTLE category=other',
  '  displacement N4 z=-10mm  # prescribed displacement of a restrained DOF',
  'end',
  '',
  'combination ULS1 1.35*DEAD + 1.5*LIVE',
  'combination SLS1 DEAD + LIVE type=SLS',
  '',
  'check stress     limit=1.0 combinations=ULS1                  # elastic |N|/A + |My|/Wy + |Mz|/Wz against fy',
  'check deflection limit=L/300 members=Beams combinations=SLS1  # L: the member\'s length',
  '',
].join('\n');

const MESSY = [
  '  node   N1 0 0 0',
  'node N22 6m   0 3.5   # top',
  'node N3 12 0 0#x',
  '',
  '   ',
  '',
  'member  B1 N1 N22 IPE300   hinge=j',
  'member B22 N22 N3 IPE300 roll=90   # rolled',
  'member C1 N1 N3 COL',
  'load DEAD   category=permanent',
  'selfweight     # gravity',
  '      uniform B1   Fz=-4kN/m',
  'uniform B22 local Fz=-2',
  '   # a comment inside',
  'end',
  'let   x=2 * 3',
  'let yy = (x+1)*-2',
  'combination ULS1 1.35 *DEAD+1.5* LIVE   type=ULS',
  'combination SLS1 DEAD-LIVE',
  '',
  '',
].join('\n');

const MESSY_FORMATTED = [
  'node N1  0  0 0',
  'node N22 6m 0 3.5  # top',
  'node N3  12 0 0    #x',
  '',
  'member B1  N1  N22 IPE300 hinge=j',
  'member B22 N22 N3  IPE300 roll=90  # rolled',
  'member C1  N1  N3  COL',
  'load DEAD category=permanent',
  '  selfweight  # gravity',
  '  uniform B1  Fz=-4kN/m',
  '  uniform B22 local Fz=-2',
  '  # a comment inside',
  'end',
  'let x  = 2*3',
  'let yy = (x + 1)*-2',
  'combination ULS1 1.35*DEAD + 1.5*LIVE type=ULS',
  'combination SLS1 DEAD - LIVE',
  '',
].join('\n');

/** The tokens of a text (kind and text), and its comments without trailing blanks. */
function content(text: string): { tokens: string[]; comments: string[] } {
  const lines = lex(text);
  return {
    tokens: lines.flatMap((l) => l.tokens.map((t) => `${t.kind}:${t.text}`)),
    comments: lines.flatMap((l) => l.comments.map((c) => c.text.trimEnd())),
  };
}

function exampleFiles(): string[] {
  return fs.readdirSync(EXAMPLES, { recursive: true }).map(String).filter((f) => f.endsWith('.struct')).sort();
}

/** What a diagnostic says, without where (formatting moves columns and blank lines). */
const said = (ds: Diagnostic[]) => ds.map((d) => `${d.severity} ${d.code} ${d.message}`).sort();

describe('formatting', function () {
  let client: LspProcessClient;
  let n = 0;

  before(async function () {
    client = await startServer(EXAMPLES);
  });

  after(async function () {
    await client?.shutdown();
  });

  const freshUri = () => uriOf(path.join(EXAMPLES, `unsaved-format-${n++}.struct`));
  const formatting = (uri: string) =>
    client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }) as Promise<TextEdit[]>;
  const rangeFormatting = (uri: string, startLine: number, endLine: number, endChar = 0) =>
    client.connection.sendRequest('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: { start: { line: startLine, character: 0 }, end: { line: endLine, character: endChar } },
      options: { tabSize: 2, insertSpaces: true },
    }) as Promise<TextEdit[]>;

  /** Opens `text`, formats it through the server and returns the edits and the result. */
  async function format(text: string, uri = freshUri()): Promise<{ edits: TextEdit[]; result: string }> {
    await client.open(uri, text);
    const edits = await formatting(uri);
    await client.close(uri);
    return { edits, result: TextDocument.applyEdits(TextDocument.create(uri, 'struktur', 1, text), edits) };
  }

  it('formats a messy file into the canonical layout', async function () {
    assert.equal((await format(MESSY)).result, MESSY_FORMATTED);
  });

  it('formats the specification example (aligned runs, indented load blocks, aligned comments)', async function () {
    assert.equal((await format(SPEC_EXAMPLE)).result, SPEC_FORMATTED);
  });

  it('answers a formatted file with no edits', async function () {
    assert.deepEqual((await format(SPEC_FORMATTED)).edits, []);
    assert.deepEqual((await format(MESSY_FORMATTED)).edits, []);
  });

  it('edits only the lines that change', async function () {
    const text = 'node A 0 0 0\nnode B 1 0 0\nnode  C   2 0 0\n\nnode D 3 0 0\n';
    const { edits, result } = await format(text);
    assert.deepEqual(edits, [{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, newText: 'node C 2 0 0\n' }]);
    assert.equal(result, 'node A 0 0 0\nnode B 1 0 0\nnode C 2 0 0\n\nnode D 3 0 0\n');
  });

  it('is idempotent on every example, keeps every token and comment, and keeps the diagnostics', async function () {
    const files = exampleFiles();
    assert.ok(files.length > 0, 'examples/ holds .struct files');
    for (const f of files) {
      const uri = uriOf(path.join(EXAMPLES, f));
      const text = fs.readFileSync(path.join(EXAMPLES, f), 'utf8');
      const before = await openAndWait(client, uri, text);
      const edits = await formatting(uri);
      const once = TextDocument.applyEdits(TextDocument.create(uri, 'struktur', 1, text), edits);
      assert.deepEqual(content(once), content(text), `${f}: tokens and comments kept`);
      const revalidated = client.waitForDiagnostics(uri);
      await client.change(uri, [{ text: once }]);
      assert.deepEqual(said(await revalidated), said(before), `${f}: same diagnostics after formatting`);
      assert.deepEqual(await formatting(uri), [], `${f}: formatting the formatted text changes nothing`);
      await client.close(uri);
    }
  });

  it('keeps the same diagnostics for a file with errors', async function () {
    const text = [
      'node   A 0 0 0',
      'node B 0 0 0   # coincides with A',
      'member M1 A   C IPE300',
      'member M2 A B   SEC hinge=k',
      'material M E=3.5m',
      'load L1',
      '  uniform   M9 Fz=-1',
      'end',
      'combination C1   L1 + 2*L9',
      '',
    ].join('\n');
    const uri = freshUri();
    const before = await openAndWait(client, uri, text);
    assert.ok(before.length >= 5);
    const once = TextDocument.applyEdits(TextDocument.create(uri, 'struktur', 1, text), await formatting(uri));
    assert.notEqual(once, text);
    const revalidated = client.waitForDiagnostics(uri);
    await client.change(uri, [{ text: once }]);
    assert.deepEqual(said(await revalidated), said(before));
    await client.close(uri);
  });

  it('leaves lines with syntax errors exactly as written', async function () {
    const text = [
      'node   N9 0 0 "open   ',
      'member   B9 N1 = N2   ',
      'let z = (1 +  ',
      'node  N10 1 2 3',
      '12   bogus   ',
      'load  X',
      '  point B1 Fz=1 at=',
      '    uniform  B1 Fz=1',
      'end',
      'node N11 0 0 \\',
      '   (1 +   ',
    ].join('\n');
    const { result } = await format(text);
    assert.equal(result, [
      'node   N9 0 0 "open   ',
      'member   B9 N1 = N2   ',
      'let z = (1 +  ',
      'node N10 1 2 3',
      '12   bogus   ',
      'load X',
      '  point B1 Fz=1 at=',
      '  uniform B1 Fz=1',
      'end',
      'node N11 0 0 \\',
      '   (1 +   ',
      '',
    ].join('\n'));
  });

  it('keeps CRLF line endings', async function () {
    const text = 'node A 0 0 0\r\nnode BB 1 0 0   # b\r\n\r\n\r\n\r\nload L\r\nselfweight\r\nend';
    const { result } = await format(text);
    assert.equal(result, 'node A  0 0 0\r\nnode BB 1 0 0  # b\r\n\r\nload L\r\n  selfweight\r\nend\r\n');
  });

  it('respaces continued statements line by line and keeps their line breaks', async function () {
    const text = [
      'section S   material=M \\',
      'A=1cm2    Iy=2cm4 \\   # more',
      '        Iz=3cm4    J=4cm4',
      'node N1 0 \\',
      '  0 0',
      'node N2 1 0 0',
      '',
    ].join('\n');
    assert.equal((await format(text)).result, [
      'section S material=M \\',
      '    A=1cm2 Iy=2cm4 \\  # more',
      '        Iz=3cm4 J=4cm4',
      'node N1 0 \\',
      '  0 0',
      'node N2 1 0 0',
      '',
    ].join('\n'));
  });

  it('respaces let and combination expressions unless that would change the tokens', async function () {
    const text = [
      'let t = 2',
      'let x = 3m * t',
      'let w = 3m*2  +  1m',
      'let v=-( t )/ 2',
      'combination C1 -1*A-(B)',
      'combination C2 2 * A  type=SLS',
      '',
    ].join('\n');
    assert.equal((await format(text)).result, [
      'let t = 2',
      'let x = 3m * t',
      'let w = 3m*2 + 1m',
      'let v = -(t)/2',
      'combination C1 -1*A - (B)',
      'combination C2 2*A type=SLS',
      '',
    ].join('\n'));
  });

  it('formats only the statements a range touches', async function () {
    const text = ['node  A 0 0 0', 'node  B 1 0 0', 'section S  material=M \\', '  A=1cm2', 'node  C 2 0 0', ''].join('\n');
    const uri = freshUri();
    await client.open(uri, text);
    const doc = TextDocument.create(uri, 'struktur', 1, text);
    // Lines 1–2 selected: node B, and the whole continued section statement.
    const edits = await rangeFormatting(uri, 1, 3, 0);
    assert.equal(TextDocument.applyEdits(doc, edits), ['node  A 0 0 0', 'node B 1 0 0', 'section S material=M \\', '  A=1cm2', 'node  C 2 0 0', ''].join('\n'));
    await client.close(uri);
  });

  it('answers an empty file, a comment-only file and a byte-order mark without an error', async function () {
    assert.equal((await format('')).result, '');
    assert.equal((await format('\n\n  \n')).result, '');
    assert.equal((await format('# only\n   # comments   \n\n\n#')).result, '# only\n# comments\n\n#\n');
    assert.equal((await format('\ufeff  node A 0 0 0')).result, '\ufeffnode A 0 0 0\n');
  });
});
