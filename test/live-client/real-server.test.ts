// The client and the binding against the real server process (`struktur live serve`, built CLI):
// seeding once, concurrent typing converging in both clients and the store, acknowledgements of
// pure deletions by the server's message count, `kill -9` mid-typing with every acknowledged edit
// surviving and both clients back, and two editors bound through real clients.
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { LiveClient, fileText, listFiles, seedRoom } from '../../live/src/client';
import { TextBinding } from '../../extension/src/live/binding/text-binding';
import { ServerProcess, tempDir, token } from '../live/support/harness';
import { mulberry32 } from '../support/random';
import { FakeEditor, tick } from './support/fake-editor';
import { waitFor } from './support/wait';

describe('live client against the real server process', function () {
  this.timeout(60000);
  let server: ServerProcess;
  const clients: LiveClient[] = [];
  const join = async (room: string, name: string, role: 'editor' | 'viewer' = 'editor', doc?: Y.Doc, seed = 1) => {
    const c = new LiveClient({ serverUrl: server.url, room, token: await token(room, role, { name, sub: name.toLowerCase() }), doc, backoff: { initialMs: 50, maxMs: 500, random: mulberry32(seed) } });
    clients.push(c);
    return c;
  };
  const roomText = async (room: string, path: string) => {
    const r = await join(room, 'Reader', 'viewer');
    await r.connect();
    const t = fileText(r.doc, path).toString();
    r.destroy();
    return t;
  };

  before(async () => {
    server = await new ServerProcess(tempDir('struktur-live-client-')).start();
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });
  after(async () => {
    await server.terminate();
  });

  it('lets one editor seed, and converges concurrent typing in both clients and the store', async () => {
    const a = await join('rs1', 'Ada');
    const b = await join('rs1', 'Bob');
    const [sa, sb] = await Promise.all([a.connect(), b.connect()]);
    assert.equal([sa.seed, sb.seed].filter(Boolean).length, 1, 'exactly one may seed');
    const seeder = sa.seed ? a : b;
    seedRoom(seeder.doc, 'm.struct', [{ path: 'm.struct', text: 'node A 0 0 0\n' }]);
    await waitFor('the files at both', () => listFiles(a.doc).length === 1 && listFiles(b.doc).length === 1);
    const ta = fileText(a.doc, 'm.struct');
    const tb = fileText(b.doc, 'm.struct');
    for (let i = 0; i < 50; i++) {
      ta.insert(5, 'a');
      tb.insert(5, 'b');
      if (i % 10 === 0) await tick();
    }
    await waitFor('convergence', () => ta.toString() === tb.toString() && ta.length === 13 + 100);
    await Promise.all([a.whenConfirmed(), b.whenConfirmed()]);
    assert.equal(await roomText('rs1', 'm.struct'), ta.toString());
  });

  it('confirms a pure deletion by the count of stored messages', async () => {
    const a = await join('rs2', 'Ada');
    await a.connect();
    seedRoom(a.doc, 'm.struct', [{ path: 'm.struct', text: 'abcdef' }]);
    await a.whenConfirmed();
    const t = fileText(a.doc, 'm.struct');
    t.delete(1, 2);
    assert.equal(a.unconfirmed, 1);
    await a.whenConfirmed();
    assert.equal(await roomText('rs2', 'm.struct'), 'adef');
  });

  it('loses no acknowledged edit to kill -9 mid-typing; both clients come back and converge', async () => {
    const a = await join('rs3', 'Ada', 'editor', undefined, 2);
    await a.connect();
    seedRoom(a.doc, 'm.struct', [{ path: 'm.struct', text: '' }]);
    const b = await join('rs3', 'Bob', 'editor', undefined, 3);
    await b.connect();
    const ta = fileText(a.doc, 'm.struct');
    const typed: { line: string; end: number }[] = [];
    for (let i = 0; i < 40; i++) {
      const line = `a${i}\n`;
      ta.insert(ta.length, line);
      typed.push({ line, end: Y.getState(a.doc.store, a.doc.clientID) });
      if (i === 20) {
        await a.whenConfirmed();
        await server.kill9();
      }
    }
    const stored = a.stored.get(a.doc.clientID) ?? 0;
    const acked = typed.filter((t) => t.end <= stored);
    assert.ok(acked.length >= 21);
    // Ada stays away while the room is checked, so nothing lost could be sent again.
    const adaDoc = a.doc;
    a.disconnect();
    await server.start(server.port);
    const after = await roomText('rs3', 'm.struct');
    for (const t of acked) assert.ok(after.includes(t.line), `lost ${t.line.trim()}`);
    await b.whenConnected();
    const a2 = await join('rs3', 'Ada', 'editor', adaDoc, 4);
    await a2.connect();
    const tb = fileText(b.doc, 'm.struct');
    await waitFor('convergence after the restart', () => tb.toString() === ta.toString() && tb.toString().split('\n').length === 41);
    await a2.whenConfirmed();
    for (const t of typed) assert.equal(tb.toString().split(t.line).length - 1, 1);
  });

  it('keeps two bound editors equal through real clients while both type', async () => {
    const a = await join('rs4', 'Ada');
    await a.connect();
    seedRoom(a.doc, 'm.struct', [{ path: 'm.struct', text: 'node A 0 0 0\nnode B 6 0 0\n' }]);
    const b = await join('rs4', 'Bob');
    await b.connect();
    await waitFor('files at Bob', () => listFiles(b.doc).length === 1);
    const editors = [a, b].map((c) => new FakeEditor(fileText(c.doc, 'm.struct').toString()));
    const bindings = [a, b].map((c, i) => new TextBinding(fileText(c.doc, 'm.struct'), editors[i], { quietMs: 60000 }));
    editors.forEach((e, i) => e.onDidChange((ch) => bindings[i].onDocumentChange(ch)));
    const rnd = mulberry32(42);
    for (let step = 0; step < 300; step++) {
      const i = rnd() < 0.5 ? 0 : 1;
      if (rnd() < 0.5) {
        const t = editors[i].getText();
        editors[i].type(Math.floor(rnd() * (t.length + 1)), 0, 'xyz'[Math.floor(rnd() * 3)]);
      } else editors[i].processOne();
      if (step % 10 === 0) await tick();
    }
    await waitFor('all four texts equal', () => {
      for (const e of editors) while (e.processOne());
      const texts = [editors[0].getText(), editors[1].getText(), fileText(a.doc, 'm.struct').toString(), fileText(b.doc, 'm.struct').toString()];
      return new Set(texts).size === 1 && bindings.every((x) => x.idle);
    });
    await Promise.all([a.whenConfirmed(), b.whenConfirmed()]);
    assert.equal(await roomText('rs4', 'm.struct'), editors[0].getText());
    for (const x of bindings) x.dispose();
  });
});
