// Rename through the real server process: from a reference and from a declaration, in one file
// and across an include shared by two models; invalid names and name clashes are refused with a
// reason; every rename applied to the text validates without errors.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { LspProcessClient } from '../../language-server/src/cli/lsp-client';
import { openAndWait, positionOf, startServer, uriOf, until } from '../support/lsp';

const MODEL = [
  'material S355 grade=S355', // 0
  'section IPE300 material=S355 catalog=IPE300', // 1
  'let h = 3.5', // 2
  'node N1 0 0 0', // 3
  'node N2 0 0 h', // 4
  'node N3 4 0 h', // 5
  'member C1 N1 N2 IPE300', // 6
  'member B1 N2 N3 IPE300', // 7
  'member B2 N1 N3 IPE300', // 8
  'support N1 fixed', // 9
  'group Beams B1 B2', // 10
  'load DEAD', // 11
  '  uniform Beams Fz=-4', // 12
  '  nodal N2 Fx=1', // 13
  'end', // 14
  'load LIVE', // 15
  '  point B1 Fz=-12 at=50%', // 16
  'end', // 17
  'combination ULS1 1.35*DEAD + 1.5*LIVE', // 18
  'combination SLS1 DEAD + LIVE type=SLS', // 19
  'check deflection limit=L/300 members=Beams combinations=SLS1', // 20
  '',
].join('\n');

const COMMON = 'material S355 grade=S355\nsection IPE300 material=S355 catalog=IPE300\nnode N1 0 0 0\n';
const MAIN = 'include "common.struct"\nnode N2 0 0 3\nmember C1 N1 N2 IPE300\nsupport N1 fixed\n';
const OTHER = 'include "common.struct"\nnode N3 4 0 0\nmember B1 N1 N3 IPE300\nsupport N3 fixed\n';

const range = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });
const edits = (newText: string, ...ranges: Range[]): TextEdit[] => ranges.map((r) => ({ range: r, newText }));

function apply(text: string, textEdits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.struct', 'struktur', 0, text), textEdits);
}


describe('rename', function () {
  let dir: string;
  let client: LspProcessClient;
  let uri: string;
  let fresh = 0;

  before(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-rename-'));
    fs.mkdirSync(path.join(dir, 'multi'));
    fs.writeFileSync(path.join(dir, 'multi', 'common.struct'), COMMON);
    fs.writeFileSync(path.join(dir, 'multi', 'main.struct'), MAIN);
    fs.writeFileSync(path.join(dir, 'multi', 'other.struct'), OTHER);
    client = await startServer(dir);
    uri = uriOf(path.join(dir, 'model.struct'));
    assert.deepEqual(await openAndWait(client, uri, MODEL), []);
  });

  after(async function () {
    await client?.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const prepare = (u: string, position: { line: number; character: number }) =>
    client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: u }, position }) as Promise<{ range: Range; placeholder: string } | null>;
  const rename = (u: string, position: { line: number; character: number }, newName: string) =>
    client.connection.sendRequest('textDocument/rename', { textDocument: { uri: u }, position, newName }) as Promise<WorkspaceEdit | null>;

  async function renameError(u: string, position: { line: number; character: number }, newName: string): Promise<{ code: number; message: string }> {
    try {
      await rename(u, position, newName);
    } catch (e) {
      const err = e as { code: number; message: string };
      return { code: err.code, message: err.message };
    }
    throw new Error(`rename to "${newName}" succeeded`);
  }

  /** Opens the renamed text as a new document and returns its diagnostics. */
  async function revalidate(text: string) {
    return openAndWait(client, uriOf(path.join(dir, `renamed-${++fresh}.struct`)), text);
  }

  describe('prepareRename', function () {
    it('answers the range and the name under the cursor', async function () {
      assert.deepEqual(await prepare(uri, positionOf(MODEL, 'N2 N3')), { range: range(7, 10, 12), placeholder: 'N2' });
      assert.deepEqual(await prepare(uri, positionOf(MODEL, 'Beams')), { range: range(10, 6, 11), placeholder: 'Beams' });
      assert.deepEqual(await prepare(uri, positionOf(MODEL, 'SLS1', 4, 1)), { range: range(20, 56, 60), placeholder: 'SLS1' });
    });

    it('answers null on keywords, numbers, option keys and other words', async function () {
      for (const needle of ['member', '3.5', 'Fz', 'fixed', 'L/300', 'catalog=IPE300', 'type=SLS']) {
        assert.equal(await prepare(uri, positionOf(MODEL, needle)), null, needle);
      }
      // IPE300 the catalogue designation is not the section IPE300.
      assert.equal(await prepare(uri, positionOf(MODEL, 'IPE300', 2, 1)), null);
    });

    it('answers null on bad input', async function () {
      assert.equal(await prepare(uri, { line: 400, character: 2 }), null);
      assert.equal(await prepare(uri, { line: 0, character: 400 }), null);
      assert.equal(await prepare('file:///nowhere/missing.struct', { line: 0, character: 0 }), null);
      const empty = uriOf(path.join(dir, 'empty.struct'));
      await openAndWait(client, empty, '');
      assert.equal(await prepare(empty, { line: 0, character: 0 }), null);
      assert.equal(await rename(empty, { line: 0, character: 0 }, 'X'), null);
    });

    it('refuses a name that is not declared, with the reason', async function () {
      const text = 'node A 0 0 0\nmember M A NX S\n';
      const u = uriOf(path.join(dir, 'undeclared.struct'));
      await openAndWait(client, u, text);
      await assert.rejects(prepare(u, positionOf(text, 'NX')), (e: { code: number; message: string }) => {
        assert.equal(e.code, -32803);
        assert.equal(e.message, '"NX" is not declared anywhere, so there is nothing to rename');
        return true;
      });
    });
  });

  describe('in one file', function () {
    it('renames a node from a reference: the declaration and every reference', async function () {
      const edit = await rename(uri, positionOf(MODEL, 'N2 N3'), 'Top');
      assert.deepEqual(edit, { changes: { [uri]: edits('Top', range(4, 5, 7), range(6, 13, 15), range(7, 10, 12), range(13, 8, 10)) } });
      const text = apply(MODEL, edit!.changes![uri]);
      assert.ok(text.includes('node Top 0 0 h\n') && text.includes('member B1 Top N3 IPE300') && text.includes('nodal Top Fx=1'));
      assert.deepEqual(await revalidate(text), []);
    });

    it('renames a group from its declaration, in loads and checks', async function () {
      const edit = await rename(uri, positionOf(MODEL, 'Beams', 2), 'Girders');
      assert.deepEqual(edit, { changes: { [uri]: edits('Girders', range(10, 6, 11), range(12, 10, 15), range(20, 37, 42)) } });
      assert.deepEqual(await revalidate(apply(MODEL, edit!.changes![uri])), []);
    });

    it('renames a constant, a load case, a combination and a member', async function () {
      const cases: [string, number, string, Range[]][] = [
        ['h = 3.5', 0, 'height', [range(2, 4, 5), range(4, 12, 13), range(5, 12, 13)]],
        ['DEAD', 0, 'G_k', [range(11, 5, 9), range(18, 22, 26), range(19, 17, 21)]],
        ['SLS1', 0, 'SLS_char', [range(19, 12, 16), range(20, 56, 60)]],
        ['B1 N2', 0, 'Beam1', [range(7, 7, 9), range(10, 12, 14), range(16, 8, 10)]],
      ];
      for (const [needle, occurrence, newName, ranges] of cases) {
        const edit = await rename(uri, positionOf(MODEL, needle, 0, occurrence), newName);
        assert.deepEqual(edit, { changes: { [uri]: edits(newName, ...ranges) } }, needle);
        assert.deepEqual(await revalidate(apply(MODEL, edit!.changes![uri])), [], needle);
      }
    });

    it('lets a member take the name of a node (they do not share a namespace)', async function () {
      const edit = await rename(uri, positionOf(MODEL, 'C1'), 'N1');
      assert.deepEqual(edit, { changes: { [uri]: edits('N1', range(6, 7, 9)) } });
      assert.deepEqual(await revalidate(apply(MODEL, edit!.changes![uri])), []);
    });

    it('answers no edits for the same name', async function () {
      assert.deepEqual(await rename(uri, positionOf(MODEL, 'N3'), 'N3'), { changes: {} });
    });

    it('refuses invalid names with the reason', async function () {
      for (const bad of ['1abc', 'a-b', '', 'two words', 'N1;', 'Ä1', '"N9"']) {
        const err = await renameError(uri, positionOf(MODEL, 'N3'), bad);
        assert.equal(err.code, -32602, bad);
        assert.equal(err.message, `"${bad}" is not a valid name: a name starts with a letter or _ and holds only letters, digits and _`);
      }
    });

    it('refuses a name its namespace already holds, saying where', async function () {
      assert.deepEqual(await renameError(uri, positionOf(MODEL, 'N2'), 'N1'),
        { code: -32602, message: 'Cannot rename node "N2": a node named "N1" already exists (model.struct, line 4)' });
      // Members and groups share one namespace, load cases and combinations another.
      assert.deepEqual(await renameError(uri, positionOf(MODEL, 'B1'), 'Beams'),
        { code: -32602, message: 'Cannot rename member "B1": a group named "Beams" already exists (model.struct, line 11)' });
      assert.deepEqual(await renameError(uri, positionOf(MODEL, 'Beams'), 'C1'),
        { code: -32602, message: 'Cannot rename group "Beams": a member named "C1" already exists (model.struct, line 7)' });
      assert.deepEqual(await renameError(uri, positionOf(MODEL, 'LIVE'), 'ULS1'),
        { code: -32602, message: 'Cannot rename load case "LIVE": a combination named "ULS1" already exists (model.struct, line 19)' });
      // Combination expressions mix constants and cases.
      assert.deepEqual(await renameError(uri, positionOf(MODEL, 'h = 3.5'), 'DEAD'),
        { code: -32602, message: 'Cannot rename constant "h": a load case named "DEAD" already exists (model.struct, line 12), and combinations could not tell them apart' });
    });
  });

  describe('across files', function () {
    let common: string;
    let main: string;
    let other: string;
    const n1 = { line: 2, character: 5 };

    before(async function () {
      common = uriOf(path.join(dir, 'multi', 'common.struct'));
      main = uriOf(path.join(dir, 'multi', 'main.struct'));
      other = uriOf(path.join(dir, 'multi', 'other.struct'));
      // Wait until the startup index knows both files that include common.struct.
      const refs = () => client.connection.sendRequest('textDocument/references', { textDocument: { uri: common }, position: n1, context: { includeDeclaration: true } }) as Promise<Location[]>;
      assert.equal((await until(refs, (l) => l.length === 4)).length, 4);
    });

    const expected = (newName: string) => ({
      changes: {
        [common]: edits(newName, range(2, 5, 7)),
        [main]: edits(newName, range(2, 10, 12), range(3, 8, 10)),
        [other]: edits(newName, range(2, 10, 12)),
      },
    });

    it('renames from the declaration in the shared file, in every model', async function () {
      assert.deepEqual(await rename(common, n1, 'Base'), expected('Base'));
    });

    it('renames from a reference in an including file, and the result validates', async function () {
      const edit = await rename(main, positionOf(MAIN, 'N1 N2'), 'Base');
      assert.deepEqual(edit, expected('Base'));
      const texts = { [common]: COMMON, [main]: MAIN, [other]: OTHER };
      for (const [u, e] of Object.entries(edit!.changes!)) texts[u] = apply(texts[u], e);
      assert.equal(texts[common], 'material S355 grade=S355\nsection IPE300 material=S355 catalog=IPE300\nnode Base 0 0 0\n');
      // Open the renamed shared file first, so both models read it.
      await openAndWait(client, common, texts[common]);
      assert.deepEqual(await openAndWait(client, other, texts[other]), []);
      assert.deepEqual(await openAndWait(client, main, texts[main]), []);
      for (const u of [common, other, main]) await client.close(u);
    });

    it('refuses a name taken in any of the models that include the file', async function () {
      // N3 is declared only in other.struct, which includes common.struct too.
      assert.deepEqual(await renameError(common, n1, 'N3'),
        { code: -32602, message: 'Cannot rename node "N1": a node named "N3" already exists (other.struct, line 2)' });
    });
  });
});
