// Go to definition and find references, through the real server process: within a file,
// across an include, and across two models that include the same file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Location } from 'vscode-languageserver-protocol';
import type { LspProcessClient } from '../../language-server/src/cli/lsp-client';
import { openAndWait, positionOf, startServer, uriOf, until } from '../support/lsp';

const COMMON = [
  'material S355 E=210GPa nu=0.3 weight=78.5kN/m3 fy=355MPa',
  'section IPE300 material=S355 catalog=IPE300',
  'node N1 0 0 0',
  '',
].join('\n');

const MAIN = [
  'include "common.struct"', // 0
  'let h = 3', // 1
  'node N2 0 0 h', // 2
  'member C1 N1 N2 IPE300', // 3
  'support N1 fixed', // 4
  'load DEAD', // 5
  '  nodal N2 Fz=-10', // 6
  'end', // 7
  'combination ULS1 1.35*DEAD # ultimate', // 8
  'group G C1', // 9
  '',
].join('\n');

const OTHER = [
  'include "common.struct"', // 0
  'node N3 4 0 0', // 1
  'member B1 N1 N3 IPE300', // 2
  'support N3 fixed', // 3
  '',
].join('\n');

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });


function sortLocations(locs: Location[]): Location[] {
  return [...locs].sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

describe('navigation (definition, references)', function () {
  let dir: string;
  let client: LspProcessClient;
  let common: string;
  let main: string;
  let other: string;

  before(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-nav-'));
    fs.writeFileSync(path.join(dir, 'common.struct'), COMMON);
    fs.writeFileSync(path.join(dir, 'main.struct'), MAIN);
    fs.writeFileSync(path.join(dir, 'other.struct'), OTHER);
    common = uriOf(path.join(dir, 'common.struct'));
    main = uriOf(path.join(dir, 'main.struct'));
    other = uriOf(path.join(dir, 'other.struct'));
    client = await startServer(dir);
    assert.deepEqual(await openAndWait(client, main, MAIN), []);
  });

  after(async function () {
    await client?.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const definition = (uri: string, position: { line: number; character: number }) =>
    client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position }) as Promise<Location | null>;
  const references = (uri: string, position: { line: number; character: number }, includeDeclaration: boolean) =>
    client.connection.sendRequest('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration } }) as Promise<Location[]>;

  describe('definition', function () {
    it('goes from a reference to a declaration in an included file', async function () {
      assert.deepEqual(await definition(main, positionOf(MAIN, 'N1 N2')), { uri: common, range: range(2, 5, 7) });
      // The section, from the end of its name.
      assert.deepEqual(await definition(main, positionOf(MAIN, 'IPE300', 6)), { uri: common, range: range(1, 8, 14) });
    });

    it('goes to constants, load cases and nodes in the same file', async function () {
      assert.deepEqual(await definition(main, positionOf(MAIN, 'h', 0, 1)), { uri: main, range: range(1, 4, 5) });
      assert.deepEqual(await definition(main, positionOf(MAIN, 'DEAD', 1, 1)), { uri: main, range: range(5, 5, 9) });
      assert.deepEqual(await definition(main, positionOf(MAIN, 'N2 Fz')), { uri: main, range: range(2, 5, 7) });
      assert.deepEqual(await definition(main, positionOf(MAIN, 'C1', 0, 1)), { uri: main, range: range(3, 7, 9) });
    });

    it('answers the declaration itself on a declaration', async function () {
      assert.deepEqual(await definition(main, positionOf(MAIN, 'N2')), { uri: main, range: range(2, 5, 7) });
      assert.deepEqual(await definition(main, positionOf(MAIN, 'ULS1')), { uri: main, range: range(8, 12, 16) });
    });

    it('opens the included file from the include path', async function () {
      const loc = { uri: common, range: range(0, 0, 0) };
      assert.deepEqual(await definition(main, positionOf(MAIN, 'common.struct')), loc);
      assert.deepEqual(await definition(main, positionOf(MAIN, '"common')), loc);
    });

    it('answers null where no name stands, and on bad input', async function () {
      assert.equal(await definition(main, positionOf(MAIN, 'member')), null);
      assert.equal(await definition(main, positionOf(MAIN, '1.35')), null);
      assert.equal(await definition(main, positionOf(MAIN, 'Fz')), null);
      assert.equal(await definition(main, positionOf(MAIN, 'ultimate')), null);
      assert.equal(await definition(main, positionOf(MAIN, 'include')), null);
      assert.equal(await definition(main, { line: 500, character: 0 }), null);
      assert.equal(await definition(main, { line: 3, character: 500 }), null);
      assert.equal(await definition('file:///nowhere/missing.struct', { line: 0, character: 0 }), null);
      const empty = uriOf(path.join(dir, 'empty.struct'));
      await openAndWait(client, empty, '');
      assert.equal(await definition(empty, { line: 0, character: 0 }), null);
      assert.equal(await definition(empty, { line: 3, character: 7 }), null);
    });

    it('answers null on an include of a missing file', async function () {
      const text = 'include "missing.struct"\n';
      const uri = uriOf(path.join(dir, 'dangling.struct'));
      await openAndWait(client, uri, text);
      assert.equal(await definition(uri, positionOf(text, 'missing')), null);
    });
  });

  describe('references', function () {
    it('finds every reference across the include and across both models that include the file', async function () {
      // other.struct is found by the startup index, which runs in the background.
      const got = await until(() => references(main, positionOf(MAIN, 'N1 N2'), true), (l) => l.length >= 4);
      assert.deepEqual(sortLocations(got), sortLocations([
        { uri: common, range: range(2, 5, 7) },
        { uri: main, range: range(3, 10, 12) },
        { uri: main, range: range(4, 8, 10) },
        { uri: other, range: range(2, 10, 12) },
      ]));
    });

    it('leaves the declaration out unless asked', async function () {
      const got = await until(() => references(main, positionOf(MAIN, 'N1 N2'), false), (l) => l.length >= 3);
      assert.deepEqual(sortLocations(got), sortLocations([
        { uri: main, range: range(3, 10, 12) },
        { uri: main, range: range(4, 8, 10) },
        { uri: other, range: range(2, 10, 12) },
      ]));
    });

    it('answers the same from the declaration in the included file', async function () {
      await client.open(common, COMMON);
      const got = await until(() => references(common, { line: 2, character: 6 }, true), (l) => l.length >= 4);
      assert.deepEqual(sortLocations(got), sortLocations([
        { uri: common, range: range(2, 5, 7) },
        { uri: main, range: range(3, 10, 12) },
        { uri: main, range: range(4, 8, 10) },
        { uri: other, range: range(2, 10, 12) },
      ]));
    });

    it('finds references to nodes, constants, cases and members within a file', async function () {
      assert.deepEqual(await references(main, positionOf(MAIN, 'N2'), true), [
        { uri: main, range: range(2, 5, 7) },
        { uri: main, range: range(3, 13, 15) },
        { uri: main, range: range(6, 8, 10) },
      ]);
      assert.deepEqual(await references(main, positionOf(MAIN, 'h = 3'), false), [{ uri: main, range: range(2, 12, 13) }]);
      assert.deepEqual(await references(main, positionOf(MAIN, 'DEAD'), false), [{ uri: main, range: range(8, 22, 26) }]);
      assert.deepEqual(await references(main, positionOf(MAIN, 'C1 N1'), false), [{ uri: main, range: range(9, 8, 10) }]);
    });

    it('answers only the declaration for a name nothing refers to', async function () {
      assert.deepEqual(await references(main, positionOf(MAIN, 'G C1'), false), []);
      assert.deepEqual(await references(main, positionOf(MAIN, 'G C1'), true), [{ uri: main, range: range(9, 6, 7) }]);
    });

    it('lists the places that name an undeclared node', async function () {
      const text = 'node A 0 0 0\nmember M1 A NX S\nmember M2 NX A S\n';
      const uri = uriOf(path.join(dir, 'undeclared.struct'));
      await openAndWait(client, uri, text);
      assert.deepEqual(await references(uri, positionOf(text, 'NX'), true), [
        { uri, range: range(1, 12, 14) },
        { uri, range: range(2, 10, 12) },
      ]);
    });

    it('answers an empty list where no name stands, and on bad input', async function () {
      assert.deepEqual(await references(main, positionOf(MAIN, 'support'), true), []);
      assert.deepEqual(await references(main, positionOf(MAIN, '-10'), true), []);
      assert.deepEqual(await references(main, { line: 99, character: 99 }, true), []);
      assert.deepEqual(await references('file:///nowhere/missing.struct', { line: 0, character: 0 }, true), []);
      const empty = uriOf(path.join(dir, 'empty2.struct'));
      await openAndWait(client, empty, '');
      assert.deepEqual(await references(empty, { line: 0, character: 0 }, true), []);
    });
  });
});
