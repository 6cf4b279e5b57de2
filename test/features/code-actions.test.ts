// Quick fixes through the real server process. Each fix is applied to the text, the result is
// opened in the server again, and the diagnostic it fixed must be gone.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-protocol';
import type { LspProcessClient } from '../../language-server/src/cli/lsp-client';
import { openAndWait, startServer, uriOf } from '../support/lsp';

const HEAD = 'material S355 grade=S355\nsection IPE300 material=S355 catalog=IPE300\n';

function apply(text: string, action: CodeAction, uri: string): string {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits, `"${action.title}" edits ${uri}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'struktur', 0, text), edits);
}

const codesOf = (diags: Diagnostic[]) => diags.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`);

describe('code actions (quick fixes)', function () {
  let dir: string;
  let client: LspProcessClient;
  let fresh = 0;

  before(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-fix-'));
    client = await startServer(dir);
  });

  after(async function () {
    await client?.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const codeActions = (uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]) =>
    client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } }) as Promise<CodeAction[]>;

  /** Opens `text` under a new name: its uri and diagnostics. */
  async function open(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = uriOf(path.join(dir, `doc-${++fresh}.struct`));
    return { uri, diagnostics: await openAndWait(client, uri, text) };
  }

  /** The quick fixes offered for the diagnostic with `code` (the `nth` one), by title. */
  async function fixesFor(text: string, code: string, nth = 0) {
    const { uri, diagnostics } = await open(text);
    const diag = diagnostics.filter((d) => d.code === code)[nth];
    assert.ok(diag, `a ${code} diagnostic in ${JSON.stringify(diagnostics)}`);
    const actions = await codeActions(uri, diag.range, [diag]);
    for (const a of actions) {
      assert.equal(a.kind, 'quickfix');
      assert.deepEqual(a.diagnostics, [diag]);
    }
    return { uri, diag, actions, titles: actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`) };
  }

  /** Applies the fix titled `title` and re-validates the result. */
  async function applyFix(text: string, code: string, title: string, nth = 0) {
    const { uri, actions } = await fixesFor(text, code, nth);
    const action = actions.find((a) => a.title === title);
    assert.ok(action, `"${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
    const fixed = apply(text, action, uri);
    const after = (await open(fixed)).diagnostics;
    return { fixed, after };
  }

  describe('did you mean', function () {
    it('replaces a misspelt section name, preferred over creating it', async function () {
      const text = `${HEAD}node N1 0 0 0\nnode N2 0 0 3\nmember C1 N1 N2 IPE30\nsupport N1 fixed\n`;
      const { titles } = await fixesFor(text, 'S1203');
      assert.deepEqual(titles, ['Change to "IPE300" (preferred)', 'Create section IPE30']);
      const { fixed, after } = await applyFix(text, 'S1203', 'Change to "IPE300"');
      assert.equal(fixed, text.replace('IPE30\n', 'IPE300\n'));
      assert.deepEqual(after, []);
    });

    it('replaces a misspelt keyword and a misspelt option', async function () {
      let r = await applyFix('nod N1 0 0 0\n', 'S1003', 'Change to "node"');
      assert.equal(r.fixed, 'node N1 0 0 0\n');
      assert.deepEqual(r.after, []);
      const text = `${HEAD}node N1 0 0 0\nnode N2 0 0 3\nmember C1 N1 N2 IPE300 rol=90\nsupport N1 fixed\n`;
      r = await applyFix(text, 'S1007', 'Change to "roll"');
      assert.equal(r.fixed, text.replace('rol=', 'roll='));
      assert.deepEqual(r.after, []);
    });
  });

  describe('create a node', function () {
    it('inserts it after the last node', async function () {
      const text = `${HEAD}node N1 0 0 3\nnode N2 4 0 3\nmember B1 N1 N2 IPE300\nmember C1 N9 N1 IPE300\nsupport N2 fixed\n`;
      const { titles } = await fixesFor(text, 'S1201');
      // A two-letter name is too short for a did-you-mean: only the create fix.
      assert.deepEqual(titles, ['Create node N9']);
      const { fixed, after } = await applyFix(text, 'S1201', 'Create node N9');
      assert.equal(fixed, `${HEAD}node N1 0 0 3\nnode N2 4 0 3\nnode N9 0 0 0\nmember B1 N1 N2 IPE300\nmember C1 N9 N1 IPE300\nsupport N2 fixed\n`);
      assert.deepEqual(after, []);
    });

    it('inserts it after the header, materials and sections when there is no node yet', async function () {
      const text = `model "m"\nunits kN m\n${HEAD}\nmember M1 A B IPE300\n`;
      const { fixed, after } = await applyFix(text, 'S1201', 'Create node A');
      assert.equal(fixed, `model "m"\nunits kN m\n${HEAD}node A 0 0 0\n\nmember M1 A B IPE300\n`);
      assert.deepEqual(codesOf(after), ['S1505 0:0', 'S1201 6:12']);
    });
  });

  describe('create a section', function () {
    it('takes a catalogue designation from the name, and a steel material for it', async function () {
      const text = 'material C30 grade=C30\nmaterial S355 grade=S355\nnode N1 0 0 0\nnode N2 0 0 3\nmember C1 N1 N2 HE200B\nsupport N1 fixed\n';
      const { titles } = await fixesFor(text, 'S1203');
      assert.deepEqual(titles, ['Create section HE200B (HEB200)']);
      const { fixed, after } = await applyFix(text, 'S1203', 'Create section HE200B (HEB200)');
      assert.equal(fixed, text.replace('node N1', 'section HE200B material=S355 catalog=HEB200\nnode N1'));
      assert.deepEqual(after, []);
    });

    it('derives one from a rectangle otherwise, after the last section', async function () {
      const text = `material C30 grade=C30\n${HEAD}node N1 0 0 0\nnode N2 0 0 3\nmember C1 N1 N2 BEAM\nsupport N1 fixed\n`;
      const { fixed, after } = await applyFix(text, 'S1203', 'Create section BEAM');
      assert.equal(fixed, text.replace('catalog=IPE300\n', 'catalog=IPE300\nsection BEAM material=C30 shape=rect b=200mm h=400mm\n'));
      assert.deepEqual(after, []);
    });

    it('creates a material too when there is none', async function () {
      const text = 'node N1 0 0 0\nnode N2 0 0 3\nmember C1 N1 N2 BEAM\nsupport N1 fixed';
      const { fixed, after } = await applyFix(text, 'S1203', 'Create section BEAM');
      assert.equal(fixed, `material S355 grade=S355\nsection BEAM material=S355 shape=rect b=200mm h=400mm\n${text}`);
      assert.deepEqual(after, []);
    });

    it('appends to a last line without a final newline', async function () {
      const text = 'material S355 grade=S355\nnode A 0 0 0\nnode B 4 0 0\nmember M1 A B S\nsupport A fixed\nsection X material=S355 catalog=IPE300';
      const { fixed, after } = await applyFix(text, 'S1203', 'Create section S');
      assert.equal(fixed, `${text}\nsection S material=S355 shape=rect b=200mm h=400mm`);
      assert.deepEqual(after, []);
    });
  });

  describe('create a material', function () {
    it('from the grade table when the name is a grade, else a structural steel', async function () {
      const text = 'section A material=S275 catalog=IPE200\nsection B material=STEEL catalog=IPE200\n';
      let r = await applyFix(text, 'S1202', 'Create material S275');
      assert.equal(r.fixed, `material S275 grade=S275\n${text}`);
      assert.deepEqual(codesOf(r.after), ['S1202 2:19']);
      r = await applyFix(text, 'S1202', 'Create material STEEL', 1);
      assert.equal(r.fixed, `material STEEL E=210GPa nu=0.3 weight=78.5kN/m3 fy=355MPa\n${text}`);
      assert.deepEqual(codesOf(r.after), ['S1202 1:19']);
    });
  });

  describe('add a support', function () {
    const DISP = [
      HEAD.trimEnd(),
      'node N1 0 0 0', // 2
      'node N2 0 0 3',
      'node N3 4 0 3',
      'member C1 N1 N2 IPE300',
      'member B1 N2 N3 IPE300',
      'support N1 fixed',
      'support N3 x y kz=1000 krx=5', // 8
      'load S',
      '  displacement N2 z=-1mm', // 10
      '  displacement N3 z=-1mm rx=0.001', // 11
      'end',
      '',
    ].join('\n');

    it('supports a node that has no support, for a prescribed displacement', async function () {
      const { titles } = await fixesFor(DISP, 'S1510');
      assert.deepEqual(titles, ['Add support N2 pinned (preferred)']);
      const { fixed, after } = await applyFix(DISP, 'S1510', 'Add support N2 pinned');
      assert.equal(fixed, DISP.replace('krx=5\n', 'krx=5\nsupport N2 pinned\n'));
      assert.deepEqual(codesOf(after), ['S1510 12:18', 'S1510 12:25']);
    });

    it('restrains the DOF in an existing support, dropping its spring on that DOF', async function () {
      let r = await applyFix(DISP, 'S1510', 'Restrain z in the support of N3', 1);
      assert.equal(r.fixed, DISP.replace('support N3 x y kz=1000 krx=5', 'support N3 x y z krx=5'));
      assert.deepEqual(codesOf(r.after), ['S1510 10:18', 'S1510 11:25']);
      r = await applyFix(DISP, 'S1510', 'Restrain rx in the support of N3', 2);
      assert.equal(r.fixed, DISP.replace('support N3 x y kz=1000 krx=5', 'support N3 x y rx kz=1000'));
      assert.deepEqual(codesOf(r.after), ['S1510 10:18', 'S1510 11:18']);
    });

    it('fixes a node for a prescribed rotation', async function () {
      const text = DISP.replace('displacement N2 z=-1mm', 'displacement N2 ry=0.01');
      const { fixed } = await applyFix(text, 'S1510', 'Add support N2 fixed');
      assert.equal(fixed, text.replace('krx=5\n', 'krx=5\nsupport N2 fixed\n'));
    });

    it('supports the lowest node of a model without supports', async function () {
      const text = `${HEAD}node N1 0 0 1\nnode N2 0 0 3\nnode N3 4 0 1\nmember C1 N1 N2 IPE300\nmember B1 N2 N3 IPE300\n`;
      const { titles } = await fixesFor(text, 'S1505');
      assert.deepEqual(titles, ['Add support N1 fixed (preferred)', 'Add fixed supports at the lowest nodes: N1, N3']);
      let r = await applyFix(text, 'S1505', 'Add support N1 fixed');
      assert.equal(r.fixed, `${text}support N1 fixed\n`);
      assert.deepEqual(r.after, []);
      r = await applyFix(text, 'S1505', 'Add fixed supports at the lowest nodes: N1, N3');
      assert.equal(r.fixed, `${text}support N1 fixed\nsupport N3 fixed\n`);
      assert.deepEqual(r.after, []);
    });
  });

  describe('requests', function () {
    it('honours `only`', async function () {
      const text = 'nod N1 0 0 0\n';
      const { uri, diagnostics } = await open(text);
      assert.deepEqual(await codeActions(uri, diagnostics[0].range, diagnostics, ['refactor']), []);
      assert.equal((await codeActions(uri, diagnostics[0].range, diagnostics, ['quickfix'])).length, 1);
    });

    it('finds the fix data in the model when the client drops it', async function () {
      const text = 'nod N1 0 0 0\n';
      const { uri, diagnostics } = await open(text);
      const bare = { ...diagnostics[0] };
      delete bare.data;
      const actions = await codeActions(uri, bare.range, [bare]);
      assert.deepEqual(actions.map((a) => a.title), ['Change to "node"']);
    });

    it('answers [] for no diagnostics, foreign diagnostics and bad input', async function () {
      const { uri } = await open('node N1 0 0 0\n');
      const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      assert.deepEqual(await codeActions(uri, zero, []), []);
      const foreign: Diagnostic = { range: zero, message: 'x', source: 'other', code: 'X1', data: { anything: 1 } };
      assert.deepEqual(await codeActions(uri, zero, [foreign]), []);
      assert.deepEqual(await codeActions(uri, zero, [{ ...foreign, data: [{ fix: 'bogus' }] }]), []);
      const far = { start: { line: 90, character: 4 }, end: { line: 99, character: 0 } };
      assert.deepEqual(await codeActions(uri, far, [{ ...foreign, range: far }]), []);
      assert.deepEqual(await codeActions('file:///nowhere/missing.struct', zero, [foreign]), []);
      const empty = await open('');
      assert.deepEqual(await codeActions(empty.uri, zero, [{ ...foreign, code: 'S1505' }]), []);
    });
  });
});
