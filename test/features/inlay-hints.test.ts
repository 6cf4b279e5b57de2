// Inlay hints through the real server process: member lengths and the units of values written
// without one, each switched by its setting (read through workspace/configuration).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DidChangeConfigurationNotification, type InlayHint } from 'vscode-languageserver-protocol';
import type { LspProcessClient } from '../../language-server/src/cli/lsp-client';
import { openAndWait, startServer, uriOf } from '../support/lsp';

const TEXT = [
  'units kN m', // 0
  'let h = 3.5m', // 1
  'node N1 0 0 0', // 2
  'node N2 0 0 h', // 3
  'node N3 4 0 3.5 # no unit: read in m', // 4
  'member C1 N1 N2 S', // 5
  'member B1 N2 N3 S roll=90', // 6
  'section S catalog=IPE300', // 7
  'support N1 fixed', // 8
  'load L1', // 9
  '  uniform B1 Fz=-6 from=1m', // 10
  '  trapezoid B1 Fz=-2,-5kN/m', // 11
  'end', // 12
  '',
].join('\n');

/** "line:character label" for every hint. */
const show = (hints: InlayHint[]) => hints.map((h) => `${h.position.line}:${h.position.character} ${typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')}`);

describe('inlay hints', function () {
  let dir: string;
  let n = 0;

  before(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-hints-'));
  });

  after(function () {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const hintsOf = (client: LspProcessClient, uri: string, startLine = 0, endLine = 1000) =>
    client.connection.sendRequest('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: startLine, character: 0 }, end: { line: endLine, character: 0 } },
    }) as Promise<InlayHint[]>;

  describe('with the default settings', function () {
    let client: LspProcessClient;
    before(async function () {
      client = await startServer(dir);
    });
    after(async function () {
      await client?.shutdown();
    });

    it('shows member lengths after the section, in the file\'s length unit, and no converted values', async function () {
      const uri = uriOf(path.join(dir, `doc${n++}.struct`));
      await openAndWait(client, uri, TEXT);
      const hints = await hintsOf(client, uri);
      assert.deepEqual(show(hints), ['5:17 L=3.5 m', '6:17 L=4 m']);
      assert.equal(hints[0].paddingLeft, true);
    });

    it('gives only the hints inside the requested range', async function () {
      const uri = uriOf(path.join(dir, `doc${n++}.struct`));
      await openAndWait(client, uri, TEXT);
      assert.deepEqual(show(await hintsOf(client, uri, 6, 7)), ['6:17 L=4 m']);
      assert.deepEqual(show(await hintsOf(client, uri, 0, 5)), []);
    });

    it('writes lengths in the unit of `units`', async function () {
      const uri = uriOf(path.join(dir, `doc${n++}.struct`));
      const text = 'units kN mm\nnode A 0 0 0\nnode B 3000 4000 0\nmember M A B S\nmember Q A MISSING S\nsection S catalog=IPE300\nsupport A fixed\n';
      await openAndWait(client, uri, text);
      // A member whose node is unknown has no length to show.
      assert.deepEqual(show(await hintsOf(client, uri)), ['3:14 L=5000 mm']);
    });

    it('answers an empty document, a comment-only document and syntax errors without an error', async function () {
      for (const text of ['', '# just a comment\n', 'member M1 N1 = N2\nnode "x\nmember\n']) {
        const uri = uriOf(path.join(dir, `doc${n++}.struct`));
        await openAndWait(client, uri, text);
        assert.deepEqual(await hintsOf(client, uri), []);
      }
    });
  });

  describe('with settings from the client', function () {
    let client: LspProcessClient;
    before(async function () {
      client = await startServer(dir, { configuration: true });
    });
    after(async function () {
      await client?.shutdown();
    });

    it('follows workspace/configuration and its changes', async function () {
      const uri = uriOf(path.join(dir, `doc${n++}.struct`));
      await openAndWait(client, uri, TEXT);
      // Nothing configured: the defaults.
      assert.deepEqual(show(await hintsOf(client, uri)), ['5:17 L=3.5 m', '6:17 L=4 m']);

      client.configuration.struktur = { inlayHints: { memberLength: false, convertedValues: true } };
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      const converted = await hintsOf(client, uri);
      assert.deepEqual(show(converted), ['4:9 m', '4:15 m', '6:25 deg', '10:18 kN/m', '11:20 kN/m']);
      assert.ok(converted.every((h) => !h.paddingLeft));

      client.configuration.struktur = { inlayHints: { memberLength: true, convertedValues: true } };
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      assert.deepEqual(show(await hintsOf(client, uri)), ['4:9 m', '4:15 m', '5:17 L=3.5 m', '6:17 L=4 m', '6:25 deg', '10:18 kN/m', '11:20 kN/m']);

      client.configuration.struktur = { inlayHints: { memberLength: false, convertedValues: false } };
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      assert.deepEqual(await hintsOf(client, uri), []);
    });
  });
});
