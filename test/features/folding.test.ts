// Folding ranges through the real server process.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FoldingRange } from 'vscode-languageserver-protocol';
import type { LspProcessClient } from '../../language-server/src/cli/lsp-client';
import { startServer, uriOf } from '../support/lsp';

describe('folding ranges', function () {
  let dir: string;
  let client: LspProcessClient;
  let n = 0;

  before(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-folding-'));
    client = await startServer(dir);
  });

  after(async function () {
    await client?.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function foldsOf(text: string): Promise<FoldingRange[]> {
    const uri = uriOf(path.join(dir, `doc${n++}.struct`));
    await client.open(uri, text);
    const result = (await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
    await client.close(uri);
    return result;
  }

  it('folds load blocks, comment runs and continued statements', async function () {
    const text = [
      '# Two-bay frame', // 0
      '# second line of the header', // 1
      '# third', // 2
      'node N1 0 0 0', // 3
      '# a lone comment does not fold', // 4
      'section CUSTOM material=S355 \\', // 5
      '  A=53.8cm2 Iy=8356cm4 \\', // 6
      '  Iz=604cm4 J=20.1cm4', // 7
      'load DEAD category=permanent', // 8
      '  # loads', // 9
      '  # of the case', // 10
      '  selfweight', // 11
      '  uniform B1 \\', // 12
      '    Fz=-4kN/m', // 13
      'end', // 14
      'load EMPTY', // 15
      'end', // 16
      'node N2 0 0 1 # trailing comments', // 17
      'node N3 0 0 2 # are not comment lines', // 18
      '',
    ].join('\n');
    assert.deepEqual(await foldsOf(text), [
      { startLine: 0, endLine: 2, kind: 'comment' },
      { startLine: 5, endLine: 7 },
      { startLine: 8, endLine: 13, kind: 'region' },
      { startLine: 9, endLine: 10, kind: 'comment' },
      { startLine: 12, endLine: 13 },
    ]);
  });

  it('folds a load block that is not closed up to its last statement', async function () {
    const text = ['load A', '  selfweight', '  uniform B1 Fz=-1', 'node N1 0 0 0', ''].join('\n');
    assert.deepEqual(await foldsOf(text), [{ startLine: 0, endLine: 2, kind: 'region' }]);
  });

  it('answers an empty document, a comment-only document and broken lines without an error', async function () {
    assert.deepEqual(await foldsOf(''), []);
    assert.deepEqual(await foldsOf('# a\n# b\r\n\n# c\n'), [{ startLine: 0, endLine: 1, kind: 'comment' }]);
    // A comment after a line that is not a statement is not a comment line.
    assert.deepEqual(await foldsOf('12 x # not a comment line\n# one\n"open\n'), []);
  });
});
