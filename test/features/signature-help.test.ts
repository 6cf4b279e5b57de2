// Signature help through the real server process: the schema's signature of the statement at
// the cursor, with the positional slot or option the cursor is in as the active parameter.
import assert from 'node:assert/strict';
import { SignatureHelpRequest, type MarkupContent, type SignatureHelp } from 'vscode-languageserver-protocol/node';
import type { LspProcessClient } from '../../language-server/src/cli/lsp-client';
import { startServer } from '../support/lsp';
import { everyPosition, MESSY, SPEC_MODEL, withCursor, withDocument } from './editing.fixture';

let client: LspProcessClient;

async function signatureAt(text: string, position: { line: number; character: number }): Promise<SignatureHelp | null> {
  return withDocument(client, text, (uri) => client.connection.sendRequest(SignatureHelpRequest.type, { textDocument: { uri }, position }));
}

async function signature(marked: string): Promise<SignatureHelp | null> {
  const { text, position } = withCursor(marked);
  return signatureAt(text, position);
}

/** The label and the active parameter's text (sliced from the label by its offsets). */
async function active(marked: string): Promise<{ label: string; param: string | undefined; index: number; doc: string }> {
  const h = await signature(marked);
  assert.ok(h, `no signature help for ${JSON.stringify(marked)}`);
  assert.equal(h.signatures.length, 1);
  assert.equal(h.activeSignature, 0);
  const sig = h.signatures[0];
  const index = h.activeParameter ?? -1;
  assert.equal(sig.activeParameter, index);
  const p = sig.parameters?.[index];
  const range = p?.label as [number, number] | undefined;
  return { label: sig.label, param: range ? sig.label.slice(range[0], range[1]) : undefined, index, doc: (p?.documentation as MarkupContent | undefined)?.value ?? '' };
}

const MEMBER = 'member name i j section [roll=…] [hinge=…] [release_i=…] [release_j=…] [type=…]';

describe('signature help (LSP)', function () {
  this.timeout(30000);

  before(async () => {
    client = await startServer();
  });
  after(async () => {
    await client.shutdown();
  });

  it('builds the signature and its parameters from the schema', async () => {
    const h = await signature(SPEC_MODEL + 'member M9 ‸');
    const sig = h!.signatures[0];
    assert.equal(sig.label, MEMBER);
    assert.equal((sig.documentation as MarkupContent).value, 'A member from node i to node j with a section.');
    const params = sig.parameters!.map((p) => sig.label.slice(...(p.label as [number, number])));
    assert.deepEqual(params, ['name', 'i', 'j', 'section', '[roll=…]', '[hinge=…]', '[release_i=…]', '[release_j=…]', '[type=…]']);
    assert.equal((sig.parameters![1].documentation as MarkupContent).value, 'Start node (local x runs from i to j)\n\nValue: the name of a node');
  });

  it('follows the positional slots', async () => {
    assert.deepEqual((await active('member ‸')).param, 'name');
    assert.deepEqual((await active('member M9 ‸')).index, 1);
    assert.deepEqual((await active('member M9 N1 ‸')).param, 'j');
    assert.deepEqual((await active('member M9 N1 N2 ‸')).param, 'section');
    assert.deepEqual((await active('member M9 N1 N2 CO‸')).param, 'section');
    assert.deepEqual((await active('node N9 1 ‸')).param, 'y');
    const z = await active('node N9 1 2 ‸');
    assert.equal(z.param, 'z');
    assert.equal(z.doc, 'Global Z (up)\n\nValue: a length; a bare number is read in m');
  });

  it('follows the cursor inside the line, not its end', async () => {
    assert.equal((await active('member M9 N‸1 N2 COL hinge=j\n')).param, 'i');
    assert.equal((await active('member M9 N1 N2 COL hin‸ge=j\n')).param, '[hinge=…]');
  });

  it('marks the option being written', async () => {
    const hinge = await active('member M9 N1 N2 COL hinge=‸');
    assert.equal(hinge.param, '[hinge=…]');
    assert.equal(hinge.index, 5);
    assert.equal(hinge.doc, 'Releases My and Mz at end i, j or both\n\nValue: one of i, j, both');
    assert.equal((await active('member M9 N1 N2 COL release_i=My,‸')).param, '[release_i=…]');
    assert.equal((await active('member M9 N1 N2 COL ty‸')).param, '[type=…]');
    // Past the slots with nothing typed yet: the first option not given.
    assert.equal((await active('member M9 N1 N2 COL roll=90 ‸')).param, '[hinge=…]');
  });

  it('handles repeated slots, local, let and combination', async () => {
    assert.equal((await active('support N1 x y ‸')).param, '[restraints]…');
    assert.equal((await active('group G B1 B2 ‸')).param, '[members]…');
    assert.equal((await active('load W\n  uniform B1 ‸\nend\n')).param, '[local]');
    assert.equal((await active('load W\n  uniform B1 local Fz=‸\nend\n')).param, '[Fz=…]');
    assert.equal((await active('load W\n  point B1 at=‸\nend\n')).param, '[at=…]');
    assert.equal((await active('let ‸')).param, 'name');
    assert.equal((await active('let x ‸')).param, '=');
    assert.equal((await active('let x = 2*‸')).param, 'value');
    assert.equal((await active('combination C ‸')).param, 'expression');
    assert.equal((await active('combination C 1.35*DEAD + ‸')).param, 'expression');
    assert.equal((await active('combination C DEAD type=‸')).param, '[type=…]');
    assert.equal((await active('check deflection limit=‸')).param, '[limit=…]');
    const meta = await active('meta engineer="A" ‸');
    assert.equal(meta.label, 'meta key="value"…');
    assert.equal(meta.param, 'key="value"…');
  });

  it('reads a statement continued over lines', async () => {
    assert.equal((await active('member M9 \\\n  N1 N2 ‸\n')).param, 'section');
  });

  it('gives nothing on the keyword, for unknown statements, in comments and beyond the file', async () => {
    assert.equal(await signature('memb‸'), null);
    assert.equal(await signature('‸'), null);
    assert.equal(await signature('frobnicate N1 ‸'), null);
    assert.equal(await signature('node N1 0 0 0 # x ‸'), null);
    assert.equal(await signatureAt('node N1 0 0 0\n', { line: 9, character: 0 }), null);
    assert.equal(await signatureAt('', { line: 0, character: 0 }), null);
  });

  it('still answers on a line with syntax errors', async () => {
    const h = await active('member B1 N1 = = ‸');
    assert.equal(h.label, MEMBER);
    const extra = await active('node N1 0 0 0 ‸');
    // Nothing left to write: no parameter is active.
    assert.equal(extra.param, undefined);
  });

  it('answers every position of a messy document without an error response', async () => {
    await withDocument(client, MESSY, async (uri) => {
      for (const position of everyPosition(MESSY)) {
        // register.ts turns an exception into an empty answer and a logged "… failed" message.
        await client.connection.sendRequest(SignatureHelpRequest.type, { textDocument: { uri }, position });
      }
    });
    assert.ok(!client.stderr.includes('struktur: signatureHelp failed'), client.stderr);
  });
});
