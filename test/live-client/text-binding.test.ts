// The Y.Text ⇄ document binding against an editor that behaves like VS Code's (asynchronous,
// version-checked edits; the user typing at any moment): echoes recognised, refused edits retried,
// user changes carried across pending remote edits, drift repaired, line breaks normalised,
// undo of one's own edits only, and random interleavings of two editors converging.
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { TextBinding } from '../../extension/src/live/binding/text-binding';
import { mulberry32 } from '../support/random';
import { FakeEditor, tick } from './support/fake-editor';
import { waitFor } from './support/wait';

function setup(initial: string, opts: { quietMs?: number; readOnly?: boolean } = {}) {
  const doc = new Y.Doc();
  const ytext = doc.getText('file:m.struct');
  ytext.insert(0, initial);
  const editor = new FakeEditor(initial);
  const binding = new TextBinding(ytext, editor, { quietMs: opts.quietMs ?? 60000, readOnly: opts.readOnly });
  editor.onDidChange((c) => binding.onDocumentChange(c));
  return { doc, ytext, editor, binding };
}

/** Another participant's edit, arriving as a Yjs update. */
function remote(doc: Y.Doc, edit: (t: Y.Text) => void): void {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(other);
  edit(other.getText('file:m.struct'));
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before), 'remote');
}

describe('live client: text binding', () => {
  it('applies a remote edit to the document and does not send its echo back', async () => {
    const { doc, ytext, editor, binding } = setup('node A 0 0 0\n');
    let updates = 0;
    doc.on('update', () => updates++);
    remote(doc, (t) => t.insert(5, 'X'));
    assert.equal(updates, 1);
    assert.equal(editor.backlog, 1);
    editor.processOne();
    await tick();
    assert.equal(editor.getText(), 'node XA 0 0 0\n');
    assert.equal(ytext.toString(), 'node XA 0 0 0\n');
    assert.equal(updates, 1, 'the echo made no Yjs update');
    assert.equal(binding.stats.echoes, 1);
    assert.ok(binding.idle);
  });

  it('turns each change event into one transaction, line breaks normalised', () => {
    const { doc, ytext, editor } = setup('a\nb\n');
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    editor.type(2, 0, 'x\r\ny\r');
    assert.equal(ytext.toString(), 'a\nx\ny\nb\n');
    assert.equal(transactions, 1);
  });

  it('carries a keystroke made before a pending remote edit landed, and retries the refused edit', async () => {
    const { ytext, editor, binding } = setup('0123456789');
    remote(ytext.doc!, (t) => t.insert(8, 'R'));
    // The user types at 2 before the main thread applies the remote insert.
    editor.type(2, 0, 'u');
    assert.equal(ytext.toString(), '01u234567R89');
    editor.processOne(); // refused: the document changed since
    await tick();
    assert.equal(binding.stats.rejected, 1);
    editor.processOne(); // the retry, computed on the new version
    await tick();
    assert.equal(editor.getText(), '01u234567R89');
    assert.ok(binding.idle);
  });

  it('repairs drift after a quiet period (an edit the editor lost)', async () => {
    const { ytext, editor, binding } = setup('abc', { quietMs: 20 });
    editor.loseNextEdit = true;
    remote(ytext.doc!, (t) => t.insert(3, 'def'));
    editor.processOne();
    await waitFor('the repair edit', () => editor.backlog === 1);
    editor.processOne();
    await tick();
    assert.equal(editor.getText(), 'abcdef');
    assert.equal(binding.stats.driftRepairs, 1);
  });

  it('keeps a viewer\'s typing out of the room and puts the room\'s text back', async () => {
    const { ytext, editor, binding } = setup('abc', { quietMs: 20, readOnly: true });
    editor.type(0, 0, 'zz');
    assert.equal(ytext.toString(), 'abc');
    await waitFor('the repair edit', () => editor.backlog === 1);
    editor.processOne();
    await tick();
    assert.equal(editor.getText(), 'abc');
    assert.equal(binding.stats.localChanges, 0);
  });

  it('undoes only one\'s own edits', async () => {
    const { ytext, editor, binding } = setup('abc');
    const undo = new Y.UndoManager(ytext, { trackedOrigins: new Set([binding.origin]) });
    editor.type(3, 0, 'MINE');
    remote(ytext.doc!, (t) => t.insert(0, 'THEIRS'));
    editor.processOne();
    await tick();
    undo.undo();
    editor.processOne();
    await tick();
    assert.equal(ytext.toString(), 'THEIRSabc');
    assert.equal(editor.getText(), 'THEIRSabc');
  });

  for (const seed of (process.env.STRUKTUR_BINDING_SEEDS ?? "1,2,3,4,5,6,7,8").split(",").map(Number)) {
    it(`two editors typing at random moments converge, nothing typed lost or doubled (seed ${seed})`, async () => {
      const rnd = mulberry32(seed);
      const docs = [new Y.Doc(), new Y.Doc()];
      docs[0].getText('t').insert(0, 'node A 0 0 0\nnode B 6 0 0\n');
      Y.applyUpdate(docs[1], Y.encodeStateAsUpdate(docs[0]));
      const wire: Uint8Array[][] = [[], []]; // updates on their way to doc i
      docs.forEach((d, i) => d.on('update', (u: Uint8Array, origin: unknown) => origin !== 'wire' && wire[1 - i].push(u)));
      const editors = docs.map((d) => new FakeEditor(d.getText('t').toString()));
      const bindings = docs.map((d, i) => new TextBinding(d.getText('t'), editors[i], { quietMs: 60000 }));
      editors.forEach((e, i) => e.onDidChange((c) => bindings[i].onDocumentChange(c)));
      let typed = 0;
      for (let step = 0; step < 400; step++) {
        const i = rnd() < 0.5 ? 0 : 1;
        const r = rnd();
        if (r < 0.45) {
          const t = editors[i].getText();
          const at = Math.floor(rnd() * (t.length + 1));
          if (rnd() < 0.75 || t.length === 0) {
            editors[i].type(at, 0, 'xyz'[Math.floor(rnd() * 3)]);
            typed++;
          } else editors[i].type(Math.min(at, t.length - 1), 1, '');
        } else if (r < 0.75) editors[i].processOne();
        else if (wire[i].length) Y.applyUpdate(docs[i], wire[i].shift()!, 'wire');
        if (step % 25 === 0) await tick();
      }
      // Drain: deliver everything, let each editor apply what it is sent.
      for (let round = 0; round < 200 && (wire.some((w) => w.length) || editors.some((e) => e.backlog) || bindings.some((b) => !b.idle)); round++) {
        for (let i = 0; i < 2; i++) {
          while (wire[i].length) Y.applyUpdate(docs[i], wire[i].shift()!, 'wire');
          while (editors[i].processOne());
        }
        await tick();
      }
      const texts = [docs[0].getText('t').toString(), docs[1].getText('t').toString(), editors[0].getText(), editors[1].getText()];
      assert.equal(new Set(texts).size, 1, JSON.stringify({ texts, idle: bindings.map((b) => b.idle), backlog: editors.map((e) => e.backlog), stats: bindings.map((b) => b.stats) }));
      assert.equal(bindings[0].stats.driftRepairs + bindings[1].stats.driftRepairs, 0);
      assert.ok(typed > 50);
    });
  }
});
