// Convergence, durable acknowledgements, seeding, idle unload, health and metrics (in process).
import { strict as assert } from 'node:assert';
import * as Y from 'yjs';
import { CloseCode, isUpdateStored } from '../../live/src/protocol';
import { mulberry32 } from '../support/random';
import { startServer, token, type InProcess } from './support/harness';
import { TestClient } from './support/client';
import { waitUntil } from './support/wait';

function storedText(s: InProcess, room: string, name = 'file:main.struct'): string {
  const d = new Y.Doc();
  const stored = s.server.store.load(room);
  if (stored.updates.length) Y.applyUpdate(d, Y.mergeUpdates(stored.updates));
  return d.getText(name).toString();
}

describe('live server: sync and durability', () => {
  let s: InProcess;
  const clients: TestClient[] = [];
  const join = async (room: string, role: 'editor' | 'viewer' = 'editor', sub = 'u' + clients.length) => {
    const c = new TestClient(`${s.url}/${room}`, { token: await token(room, role, { sub }) });
    clients.push(c);
    return c.ready();
  };

  before(async () => {
    s = await startServer(['--idle-unload-ms', '100', '--compact-after-updates', '50']);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  after(() => s.close());

  it('converges concurrent editors (seeded random inserts and deletes) and stores the result', async () => {
    const rnd = mulberry32(20260901);
    const room = 'conv/r1';
    const cs = await Promise.all([0, 1, 2, 3, 4].map((i) => join(room, 'editor', 'e' + i)));
    for (let step = 0; step < 300; step++) {
      const c = cs[Math.floor(rnd() * cs.length)];
      const t = c.doc.getText('file:main.struct');
      if (t.length > 0 && rnd() < 0.3) {
        const at = Math.floor(rnd() * t.length);
        t.delete(at, Math.min(1 + Math.floor(rnd() * 3), t.length - at));
      } else t.insert(Math.floor(rnd() * (t.length + 1)), String.fromCharCode(97 + Math.floor(rnd() * 26)));
      if (step % 50 === 0) await new Promise((r) => setImmediate(r));
    }
    await waitUntil(() => cs.every((c) => c.text() === cs[0].text()), 10000, 'convergence');
    await Promise.all(cs.map((c) => c.waitAcked()));
    assert.ok(cs[0].text().length > 50);
    assert.equal(storedText(s, room), cs[0].text());
  });

  it('acknowledges only what is stored: ACK state vector covers the edit, storedCount covers deletions', async () => {
    const c = await join('ack/r1');
    let last: Uint8Array | undefined;
    c.doc.on('update', (u: Uint8Array) => (last = u));
    c.insert('hello');
    await c.waitAcked();
    assert.ok(isUpdateStored(last!, c.ackSv));
    assert.ok((c.ackSv.get(c.doc.clientID) ?? 0) > 4, 'stored sv[C] > last clock');
    // An incremental update (its items start past clock 0) is covered by the same rule.
    c.insert(' world');
    await c.waitAcked();
    assert.ok(isUpdateStored(last!, c.ackSv));
    assert.ok(!isUpdateStored(last!, new Map([[c.doc.clientID, 6]])), 'an ACK that does not reach the end clock does not cover it');
    const before = c.ackCount;
    c.doc.getText('file:main.struct').delete(0, 2); // a pure deletion: no new clock
    await waitUntil(() => c.ackCount > before, 5000, 'ack of a deletion');
    assert.equal(storedText(s, 'ack/r1'), 'llo world');
  });

  it('offers seeding to exactly one editor of a new room, and never for a room with state', async () => {
    const v = await join('seed/r1', 'viewer');
    assert.ok(!v.authOk!.seed, 'viewers never seed');
    const a = await join('seed/r1');
    const b = await join('seed/r1');
    assert.equal(a.authOk!.seed, true);
    assert.ok(!b.authOk!.seed);
    a.insert('model from files');
    await a.waitAcked();
    const c = await join('seed/r1');
    assert.ok(!c.authOk!.seed);
    assert.equal(c.text(), 'model from files');
  });

  it('passes the seed right on when the seeding client leaves without storing anything', async () => {
    const a = await join('seed/r2');
    assert.equal(a.authOk!.seed, true);
    await a.close();
    const b = await join('seed/r2');
    assert.equal(b.authOk!.seed, true);
  });

  it('unloads an idle room and restores it exactly from the store', async () => {
    const a = await join('idle/r1');
    a.insert('persisted across unload');
    a.doc.getText('file:b.struct').insert(0, 'second file');
    await a.waitAcked();
    await a.close();
    clients.length = 0;
    await waitUntil(() => !s.server.rooms.has('idle/r1'), 5000, 'idle unload');
    assert.ok(s.logs.has((l) => l.msg === 'idle room unloaded' && l.room === 'idle/r1'));
    const b = await join('idle/r1');
    assert.equal(b.text(), 'persisted across unload');
    assert.equal(b.text('file:b.struct'), 'second file');
    assert.ok(!b.authOk!.seed);
  });

  it('compacts the log into a snapshot in the background without changing the document', async () => {
    const a = await join('compact/r1');
    for (let i = 0; i < 120; i++) {
      a.insert(String(i % 10));
      if (i % 10 === 0) await a.waitAcked();
    }
    await a.waitAcked();
    await waitUntil(() => s.server.store.stats('compact/r1').logCount < 50, 5000, 'compaction');
    assert.ok(s.server.store.stats('compact/r1').snapshotBytes > 0);
    assert.equal(storedText(s, 'compact/r1'), a.text());
  });

  it('serves /healthz, /readyz and Prometheus /metrics on the same port', async () => {
    await join('metrics/r1');
    const h = await fetch(`${s.http}/healthz`);
    assert.equal(h.status, 200);
    const r = await fetch(`${s.http}/readyz`);
    assert.equal(r.status, 200);
    const m = await (await fetch(`${s.http}/metrics`)).text();
    for (const name of ['struktur_live_connections', 'struktur_live_rooms', 'struktur_live_updates_total', 'struktur_live_fanout_seconds_bucket', 'struktur_live_store_lag_seconds_bucket', 'struktur_live_rejected_total']) assert.ok(m.includes(name), name);
    assert.equal((await fetch(`${s.http}/nope`)).status, 404);
  });

  it('never logs tokens or document content', async () => {
    const t = await token('logs/r1', 'editor');
    const c = new TestClient(`${s.url}/logs/r1`, { token: t });
    clients.push(c);
    await c.ready();
    c.insert('SECRET-CONTENT-XYZ');
    await c.waitAcked();
    assert.ok(!s.logs.text.includes(t.split('.')[2]));
    assert.ok(!s.logs.text.includes('SECRET-CONTENT-XYZ'));
  });

  it('rejects a malformed update (4002) without crashing the room', async () => {
    const a = await join('bad/r1');
    const b = await join('bad/r1');
    b.send(new Uint8Array([0, 2, 5, 1, 2, 3, 4, 5]));
    assert.equal(await b.closed, CloseCode.badMessage);
    a.insert('still fine');
    await a.waitAcked();
    assert.equal(storedText(s, 'bad/r1'), 'still fine');
  });
});
