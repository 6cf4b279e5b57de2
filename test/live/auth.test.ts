// Authentication and roles: every refusal with its close code, and nothing broadcast.
import { strict as assert } from 'node:assert';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { CloseCode, MessageType, encodeAuth } from '../../live/src/protocol';
import { mintToken } from '../../live/src/auth';
import { startServer, token, type InProcess } from './support/harness';
import { TestClient } from './support/client';
import { waitUntil } from './support/wait';

describe('live server: authentication and roles', () => {
  let s: InProcess;
  const clients: TestClient[] = [];
  const client = (room: string, opts: ConstructorParameters<typeof TestClient>[1]) => {
    const c = new TestClient(`${s.url}/${room}`, opts);
    clients.push(c);
    return c;
  };

  before(async () => {
    s = await startServer(['--origin', 'https://good.example', '--auth-timeout-ms', '300']);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  after(() => s.close());

  /** An editor in the room watching for anything broadcast. */
  async function watcher(room: string): Promise<TestClient> {
    return client(room, { token: await token(room, 'editor', { sub: 'watcher' }) }).ready();
  }

  it('accepts a valid token: AUTH_OK with role, identity and expiry, then sync', async () => {
    const c = await client('proj/a1', { token: await token('proj/a1', 'editor', { name: 'Ada', sub: 'ada' }) }).ready();
    assert.equal(c.authOk!.room, 'proj/a1');
    assert.equal(c.authOk!.role, 'editor');
    assert.equal(c.authOk!.user.id, 'ada');
    assert.equal(c.authOk!.user.name, 'Ada');
    assert.match(c.authOk!.user.color, /^#[0-9a-f]{6}$/);
    assert.ok(c.authOk!.expiresAt > Date.now());
  });

  it('closes a connection that sends no AUTH within the timeout (4001)', async () => {
    const c = client('proj/a2', { noAuth: true });
    assert.equal(await c.closed, CloseCode.authRequired);
  });

  it('closes when the first message is not AUTH (4001), and processes nothing of it', async () => {
    const w = await watcher('proj/a3');
    const doc = new Y.Doc();
    doc.getText('file:main.struct').insert(0, 'evil');
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc));
    const c = client('proj/a3', { firstMessage: encoding.toUint8Array(e) });
    assert.equal(await c.closed, CloseCode.authRequired);
    assert.equal(w.text(), '');
  });

  it('refuses a bad signature (4003)', async () => {
    const bad = await mintToken(new Uint8Array(Buffer.from('another-secret-another-secret-another-secret')), { room: 'proj/a4', role: 'editor', ttlSeconds: 60 });
    const c = client('proj/a4', { token: bad });
    assert.equal(await c.closed, CloseCode.forbidden);
  });

  it('refuses garbage instead of a token (4003)', async () => {
    const c = client('proj/a4', { token: 'not.a.jwt' });
    assert.equal(await c.closed, CloseCode.forbidden);
  });

  it('refuses an expired token (4004)', async () => {
    const old = await token('proj/a5', 'editor', { now: Date.now() - 7200_000, ttlSeconds: 60 });
    const c = client('proj/a5', { token: old });
    assert.equal(await c.closed, CloseCode.expired);
  });

  it('refuses a token for another room (4003), and the other room sees nothing', async () => {
    const w = await watcher('proj/a6');
    const c = client('proj/a6', { token: await token('proj/other', 'editor'), awaitAuthOk: false });
    c.insert('intruder');
    assert.equal(await c.closed, CloseCode.forbidden);
    assert.equal(w.text(), '');
  });

  it('refuses a browser origin not on the allow-list (4003) and accepts a listed one', async () => {
    const t = await token('proj/a7', 'editor');
    const bad = client('proj/a7', { token: t, origin: 'https://evil.example' });
    assert.equal(await bad.closed, CloseCode.forbidden);
    await client('proj/a7', { token: t, origin: 'https://good.example' }).ready();
    assert.ok(s.logs.has((l) => l.reason === 'origin'));
  });

  it('refuses an invalid room name (4002)', async () => {
    const c = client('a//b', { token: await token('a', 'editor') });
    assert.equal(await c.closed, CloseCode.badMessage);
  });

  it("drops a viewer's updates: never broadcast, never stored, answered with permission denied", async () => {
    const w = await watcher('proj/a8');
    w.insert('base');
    await w.waitAcked();
    const v = await client('proj/a8', { token: await token('proj/a8', 'viewer') }).ready();
    assert.equal(v.authOk!.role, 'viewer');
    assert.equal(v.text(), 'base', 'a viewer reads');
    v.insert(' hacked');
    await waitUntil(() => v.permissionDenied.length > 0, 5000, 'permission denied');
    assert.match(v.permissionDenied[0], /read-only/);
    assert.ok(v.notices.some((n) => n.code === 'read-only'));
    // The connection stays open and the editor's next edit still arrives at the viewer.
    w.insert('!');
    await waitUntil(() => v.text().includes('!'), 5000, 'editor edit at viewer');
    assert.equal(w.text(), 'base!');
    assert.equal(v.closeCode, undefined);
    const stored = s.server.store.load('proj/a8');
    const d = new Y.Doc();
    for (const u of stored.updates) Y.applyUpdate(d, u);
    assert.equal(d.getText('file:main.struct').toString(), 'base!');
  });

  it('stamps presence with the identity from the token, not what the client claims', async () => {
    const a = await client('proj/a9', { token: await token('proj/a9', 'editor', { name: 'Real Name', sub: 'real' }) }).ready();
    const b = await watcher('proj/a9');
    a.awareness.setLocalState({ user: { id: 'admin', name: 'Impostor' }, cursor: 3 });
    await waitUntil(() => (b.awareness.getStates().get(a.doc.clientID) as { cursor?: number } | undefined)?.cursor === 3, 5000, 'awareness');
    const st = b.awareness.getStates().get(a.doc.clientID) as { user: { id: string; name: string; role: string } };
    assert.deepEqual([st.user.id, st.user.name, st.user.role], ['real', 'Real Name', 'editor']);
  });

  it("refuses presence for another connection's client id", async () => {
    const a = await client('proj/a10', { token: await token('proj/a10', 'editor', { sub: 'a' }) }).ready();
    a.awareness.setLocalState({ cursor: 1 });
    const b = await client('proj/a10', { token: await token('proj/a10', 'editor', { sub: 'b' }) }).ready();
    await waitUntil(() => b.awareness.getStates().has(a.doc.clientID), 5000, 'a presence at b');
    // b forges an update for a's client id with a higher clock.
    const forged = new Awareness(new Y.Doc());
    (forged as unknown as { clientID: number }).clientID = a.doc.clientID;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.awareness);
    const st = forged.getStates();
    st.set(a.doc.clientID, { cursor: 99 });
    (forged.meta as Map<number, { clock: number; lastUpdated: number }>).set(a.doc.clientID, { clock: 1000, lastUpdated: Date.now() });
    encoding.writeVarUint8Array(e, encodeAwarenessUpdate(forged, [a.doc.clientID]));
    b.send(encoding.toUint8Array(e));
    await waitUntil(() => s.logs.has((l) => l.msg === 'awareness for client ids this connection does not own dropped'), 5000, 'log');
    assert.equal((a.awareness.getStates().get(a.doc.clientID) as { cursor: number }).cursor, 1);
    forged.destroy();
  });

  it('refresh extends the session; a refresh for another room closes (4003)', async () => {
    const c = await client('proj/a11', { token: await token('proj/a11', 'editor', { ttlSeconds: 120 }) }).ready();
    const before = c.authOk!.expiresAt;
    c.refresh(await token('proj/a11', 'editor', { ttlSeconds: 7200 }));
    await waitUntil(() => c.notices.some((n) => n.code === 'refreshed'), 5000, 'refreshed');
    assert.ok(c.notices.find((n) => n.code === 'refreshed')!.expiresAt! > before);
    c.refresh(await token('proj/zzz', 'editor'));
    assert.equal(await c.closed, CloseCode.forbidden);
  });

  it('closes at expiry without a refresh (4004)', async () => {
    // A token that expires in one second (JWT exp has second resolution).
    const c = client('proj/a12', { token: await token('proj/a12', 'editor', { ttlSeconds: 1 }) });
    assert.equal(await c.closed, CloseCode.expired);
  });

  it('queues messages sent before AUTH is verified and applies them after it', async () => {
    const w = await watcher('proj/a13');
    const c = client('proj/a13', { token: await token('proj/a13', 'editor'), awaitAuthOk: false });
    await c.opened;
    c.insert('early');
    await waitUntil(() => w.text() === 'early', 5000, 'early edit');
  });

  it('caps the messages queued before authentication (4008)', async () => {
    const c = client('proj/a14', { token: await token('proj/a14', 'editor'), awaitAuthOk: false });
    await c.opened;
    // The AUTH is in flight (jose verifies asynchronously); flood behind it.
    for (let i = 0; i < 40; i++) c.send(encodeAuth({ token: 'x' }).subarray(0, 1));
    assert.equal(await c.closed, CloseCode.rateLimited);
  });
});
