// Every limit crossed: the documented close code, a log line, a metric.
import { strict as assert } from 'node:assert';
import { CloseCode } from '../../live/src/protocol';
import { startServer, token, type InProcess } from './support/harness';
import { TestClient } from './support/client';
import { waitUntil } from './support/wait';

describe('live server: limits', () => {
  let s: InProcess;
  const clients: TestClient[] = [];
  const open = async (room: string, role: 'editor' | 'viewer' = 'editor') => {
    const c = new TestClient(`${s.url}/${room}`, { token: await token(room, role, { sub: 'u' + clients.length }) });
    clients.push(c);
    return c;
  };

  before(async () => {
    s = await startServer([
      '--max-update-bytes', '4096',
      '--max-sync-bytes', '8192',
      '--max-awareness-bytes', '512',
      '--max-document-bytes', '20000',
      '--messages-per-second', '50',
      '--awareness-per-second', '2',
      '--max-connections-per-room', '2',
      '--max-rooms', '6',
      '--idle-unload-ms', '20',
      '--max-buffered-bytes', '65536',
    ]);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  after(() => s.close());

  const logged = (reason: string) => s.logs.has((l) => l.reason === reason);

  it('an update above --max-update-bytes closes with 4009', async () => {
    const c = await (await open('lim/u')).ready();
    c.insert('x'.repeat(5000));
    assert.equal(await c.closed, CloseCode.tooLarge);
    assert.ok(logged('too-large'));
  });

  it('a frame above the frame limit closes with 1009', async () => {
    const c = await (await open('lim/f')).ready();
    c.send(new Uint8Array(8192 + 2048));
    assert.equal(await c.closed, 1009);
  });

  it('the document cap closes with 4009 and stores nothing beyond it', async () => {
    const c = await (await open('lim/d')).ready();
    for (let i = 0; i < 8; i++) c.insert('y'.repeat(3000));
    assert.equal(await c.closed, CloseCode.tooLarge);
    assert.ok(logged('document-cap'));
    assert.ok(s.server.store.stats('lim/d').logBytes <= 20000);
  });

  it('more messages per second than allowed closes with 4008', async () => {
    const c = await (await open('lim/r')).ready();
    for (let i = 0; i < 200; i++) c.insert('z');
    assert.equal(await c.closed, CloseCode.rateLimited);
    assert.ok(logged('rate'));
  });

  it('awareness above its rate is dropped with a notice, the connection stays', async () => {
    const c = await (await open('lim/a')).ready();
    for (let i = 0; i < 10; i++) c.awareness.setLocalState({ cursor: i });
    await waitUntil(() => c.notices.some((n) => n.code === 'awareness-dropped'), 5000, 'awareness notice');
    assert.equal(c.closeCode, undefined);
  });

  it('an awareness message above --max-awareness-bytes closes with 4009', async () => {
    const c = await (await open('lim/as')).ready();
    c.awareness.setLocalState({ blob: 'w'.repeat(1000) });
    assert.equal(await c.closed, CloseCode.tooLarge);
  });

  it('a full room closes the next connection with 4013', async () => {
    await (await open('lim/full')).ready();
    await (await open('lim/full')).ready();
    const third = await open('lim/full');
    assert.equal(await third.closed, CloseCode.full);
    assert.ok(logged('room-full'));
  });

  it('too many rooms in the process closes with 4013', async () => {
    const codes: (number | undefined)[] = [];
    for (let i = 0; i < 8; i++) {
      const c = await open(`lim/many${i}`);
      await waitUntil(() => (c.authOk !== undefined && c.synced) || c.closeCode !== undefined, 5000, 'join');
      codes.push(c.closeCode);
    }
    assert.ok(codes.includes(CloseCode.full));
    assert.ok(logged('rooms-full'));
  });
});

describe('live server: send buffer cap', () => {
  let s: InProcess;
  const clients: TestClient[] = [];
  const open = async (room: string, role: 'editor' | 'viewer' = 'editor') => {
    const c = new TestClient(`${s.url}/${room}`, { token: await token(room, role, { sub: 'u' + clients.length }) });
    clients.push(c);
    return c;
  };
  const logged = (reason: string) => s.logs.has((l) => l.reason === reason);
  before(async () => {
    s = await startServer(['--max-buffered-bytes', '65536', '--messages-per-second', '100000']);
  });
  after(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await s.close();
  });

  it('a client that does not read is closed when its send buffer passes the cap (4010)', async () => {
    const w = await (await open('lim/slow')).ready();
    const slow = await (await open('lim/slow', 'viewer')).ready();
    slow.ws.pause();
    // The server pushes w's edits to the paused client until kernel buffers and the cap fill.
    // Each edit replaces the text (the document cap stays far away).
    const t = w.doc.getText('file:main.struct');
    for (let i = 0; i < 4000 && !logged('slow-consumer'); i++) {
      w.doc.transact(() => {
        t.delete(0, t.length);
        t.insert(0, 'q'.repeat(100_000));
      });
      if (i % 20 === 19) await waitUntil(() => w.allAcked || w.closeCode !== undefined, 5000, 'writer acks');
      if (w.closeCode !== undefined) break;
    }
    assert.ok(logged('slow-consumer'), 'slow consumer detected');
    slow.ws.resume();
    assert.equal(await slow.closed, CloseCode.slowConsumer);
  });
});
