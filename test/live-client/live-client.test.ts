// The live client against an in-process server (support/test-server.ts): authentication first,
// seeding by the one client allowed, sync both ways, convergence of concurrent typing, presence
// with the server's identity and a throttle, acknowledgements (pure deletions included), and
// reconnection after a restart or a dropped connection without losing or doubling text.
import assert from 'node:assert/strict';
import { LiveClient, entryFile, fileText, listFiles, seedRoom, Backoff } from '../../live/src/client';
import { CloseCode } from '../../live/src/protocol';
import { mulberry32 } from '../support/random';
import { TestServer, testToken } from './support/test-server';
import { waitFor } from './support/wait';

describe('live client (in-process server)', function () {
  this.timeout(20000);
  let server: TestServer;
  const clients: LiveClient[] = [];
  const client = (room: string, name: string, role: 'editor' | 'viewer' = 'editor', seed = 1) => {
    const c = new LiveClient({ serverUrl: server.url, room, token: testToken({ room, role, name }), backoff: { initialMs: 20, maxMs: 200, random: mulberry32(seed) } });
    clients.push(c);
    return c;
  };

  beforeEach(async () => {
    server = await new TestServer().start();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.stop();
  });

  it('authenticates first, lets the first editor seed, and shares the files', async () => {
    const host = client('r1', 'Ada');
    const { seed } = await host.connect();
    assert.equal(seed, true);
    assert.equal(host.role, 'editor');
    assert.equal(host.user?.name, 'Ada');
    seedRoom(host.doc, 'main.struct', [{ path: 'main.struct', text: 'include "lib/a.struct"\r\nnode A 0 0 0\r\n' }, { path: 'lib/a.struct', text: 'units kN m\n' }]);
    const guest = client('r1', 'Bob');
    assert.equal((await guest.connect()).seed, false);
    await waitFor('the files at the guest', () => listFiles(guest.doc).length === 2);
    assert.equal(entryFile(guest.doc), 'main.struct');
    assert.equal(fileText(guest.doc, 'main.struct').toString(), 'include "lib/a.struct"\nnode A 0 0 0\n');
    assert.throws(() => seedRoom(guest.doc, 'main.struct', [{ path: 'main.struct', text: '' }]), /already holds a model/);
    assert.throws(() => seedRoom(guest.doc, 'x.struct', [{ path: '../x.struct', text: '' }]), /not a relative path/);
  });

  it('carries typing both ways and converges under concurrent typing at one place', async () => {
    const a = client('r2', 'Ada');
    await a.connect();
    seedRoom(a.doc, 'm.struct', [{ path: 'm.struct', text: 'node A 0 0 0\n' }]);
    const b = client('r2', 'Bob');
    await b.connect();
    const ta = fileText(a.doc, 'm.struct');
    const tb = fileText(b.doc, 'm.struct');
    await waitFor('sync', () => tb.toString() === ta.toString());
    const rnd = mulberry32(7);
    for (let i = 0; i < 200; i++) {
      const [t, who] = rnd() < 0.5 ? [ta, 'a'] : [tb, 'b'];
      const at = Math.min(t.length, 5); // everyone types at the same place
      if (rnd() < 0.8 || t.length < 10) t.insert(at, who);
      else t.delete(at, 1);
    }
    await waitFor('convergence', () => ta.toString() === tb.toString() && server.text('r2', 'm.struct') === ta.toString());
    assert.equal(ta.toString().length > 'node A 0 0 0\n'.length, true);
    await Promise.all([a.whenConfirmed(), b.whenConfirmed()]);
  });

  it('counts unconfirmed edits, pure deletions included, until the server stores them', async () => {
    const a = client('r3', 'Ada');
    await a.connect();
    seedRoom(a.doc, 'm.struct', [{ path: 'm.struct', text: 'abcdef' }]);
    await a.whenConfirmed();
    server.holdAcks = true;
    const t = fileText(a.doc, 'm.struct');
    t.insert(0, 'x');
    t.delete(3, 2); // a deletion only: no clock advances
    await waitFor('the edits at the server', () => server.text('r3', 'm.struct') === 'xabef');
    assert.equal(a.unconfirmed, 2);
    server.releaseAcks();
    await a.whenConfirmed();
    assert.equal(a.unconfirmed, 0);
  });

  it('reconnects after a restart (4012) and a dropped connection; offline edits merge once', async () => {
    const a = client('r4', 'Ada', 'editor', 2);
    await a.connect();
    seedRoom(a.doc, 'm.struct', [{ path: 'm.struct', text: 'line\n' }]);
    const b = client('r4', 'Bob', 'editor', 3);
    await b.connect();
    const ta = fileText(a.doc, 'm.struct');
    const tb = fileText(b.doc, 'm.struct');
    await waitFor('sync', () => tb.toString() === 'line\n');
    const states: string[] = [];
    a.on('state', (s) => states.push(s.kind));

    server.closeAll(CloseCode.restarting);
    await waitFor('both reconnecting or back', () => states.includes('reconnecting'));
    ta.insert(0, 'A1 '); // typed while away
    tb.insert(5, 'B1 ');
    await Promise.all([a.whenConnected(), b.whenConnected()]);
    await waitFor('merge after restart', () => ta.toString() === tb.toString() && ta.toString() === 'A1 line\nB1 ');

    server.dropAll();
    ta.insert(ta.length, 'A2');
    await waitFor('back after the drop', () => a.state.kind === 'connected' && b.state.kind === 'connected');
    await waitFor('merge after drop', () => tb.toString() === 'A1 line\nB1 A2');
    assert.equal(server.text('r4', 'm.struct'), 'A1 line\nB1 A2');
    await a.whenConfirmed();
    assert.deepEqual(states.filter((s, i) => s !== states[i - 1]).slice(0, 3), ['reconnecting', 'connecting', 'connected']);
  });

  it('shows each participant with the identity of the token, and throttles presence to ~10/s', async () => {
    const a = client('r5', 'Ada');
    await a.connect();
    const b = client('r5', 'Bob', 'viewer');
    await b.connect();
    assert.equal(b.role, 'viewer');
    a.setPresence({ file: 'm.struct', user: { id: 'mallory', name: 'Mallory', color: '#000000' } });
    const seen = await waitFor('Ada at Bob', () => b.participants().find((p) => !p.self && p.file === 'm.struct'));
    assert.equal(seen.user?.name, 'Ada');
    const start = Date.now();
    for (let i = 0; i < 300; i++) a.setPresence({ visible: [i, i + 40] });
    await waitFor('the last presence at Bob', () => b.participants().some((p) => p.visible?.[0] === 299));
    const elapsed = Date.now() - start;
    // One write now, then at most one per 100 ms.
    assert.ok((a as unknown as { presence: { writes: number } }).presence.writes <= 3 + Math.ceil(elapsed / 100), `${elapsed} ms`);
    a.disconnect();
    await waitFor('Ada gone at Bob', () => b.participants().every((p) => p.self));
  });

  it('stays offline after a refusal, and connect() says why', async () => {
    const c = new LiveClient({ serverUrl: server.url, room: 'r6', token: testToken({ room: 'other', role: 'editor', name: 'Eve' }) });
    clients.push(c);
    await assert.rejects(c.connect(), /refused the invitation/);
    assert.equal(c.state.kind, 'offline');
  });

  it('backs off exponentially with jitter inside its bounds', () => {
    const b = new Backoff({ initialMs: 100, maxMs: 1000, jitter: 0.5, random: mulberry32(1) });
    const delays = Array.from({ length: 8 }, () => b.next());
    const steps = [100, 200, 400, 800, 1000, 1000, 1000, 1000];
    delays.forEach((d, i) => assert.ok(d >= steps[i] / 2 && d <= steps[i], `${i}: ${d}`));
    b.reset();
    assert.ok(b.next() <= 100);
  });
});
