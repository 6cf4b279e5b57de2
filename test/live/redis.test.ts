// Several server processes sharing rooms through a real Redis (Debian redis-server on a random
// loopback port): fan-out, acknowledgements across processes, and a Redis restart survived.
import { strict as assert } from 'node:assert';
import * as Y from 'yjs';
import { LiveStore } from '../../live/src/persistence';
import { RedisProcess, ServerProcess, tempDir, token } from './support/harness';
import { TestClient } from './support/client';
import { waitUntil } from './support/wait';

function storedText(dataDir: string, room: string): string {
  const store = new LiveStore(dataDir);
  try {
    const d = new Y.Doc();
    const st = store.load(room);
    if (st.updates.length) Y.applyUpdate(d, Y.mergeUpdates(st.updates));
    return d.getText('file:main.struct').toString();
  } finally {
    store.close();
  }
}

describe('live server: Redis across two processes', function () {
  this.timeout(60000);
  let redis: RedisProcess;
  let a: ServerProcess;
  let b: ServerProcess;
  const clients: TestClient[] = [];
  const dataDir = tempDir();

  before(async () => {
    redis = await new RedisProcess().start();
    const args = ['--redis', redis.url, '--redis-lock-ttl-ms', '1500'];
    [a, b] = await Promise.all([new ServerProcess(dataDir, args).start(), new ServerProcess(dataDir, args).start()]);
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all([a?.terminate(), b?.terminate()]);
    await redis?.stop();
  });

  const join = async (server: ServerProcess, room: string, sub: string) => {
    const c = new TestClient(`${server.url}/${room}`, { token: await token(room, 'editor', { sub }) });
    clients.push(c);
    return c.ready(10000);
  };

  it('clients on different processes converge, and both are acknowledged by the one log owner', async () => {
    const room = 'cluster/r1';
    const ca = await join(a, room, 'alice');
    const cb = await join(b, room, 'bob');
    ca.insert('A1;');
    await waitUntil(() => cb.text() === 'A1;', 10000, 'A1 at b');
    cb.insert('B1;');
    await waitUntil(() => ca.text() === 'A1;B1;', 10000, 'B1 at a');
    await Promise.all([ca.waitAcked(10000), cb.waitAcked(10000)]);
    assert.equal(storedText(dataDir, room), 'A1;B1;');
    // Presence crosses processes too.
    ca.awareness.setLocalState({ cursor: 1 });
    await waitUntil(() => cb.awareness.getStates().has(ca.doc.clientID), 10000, 'presence across processes');
  });

  it('a process that joins a room late resyncs by state vector', async () => {
    const room = 'cluster/r2';
    const ca = await join(a, room, 'alice');
    for (let i = 0; i < 10; i++) ca.insert(`a${i};`);
    const cb = await join(b, room, 'bob');
    await waitUntil(() => cb.text() === ca.text(), 10000, 'late joiner has everything');
  });

  it('survives a Redis restart: edits made meanwhile converge and are all stored and acknowledged', async () => {
    const room = 'cluster/r3';
    const ca = await join(a, room, 'alice');
    const cb = await join(b, room, 'bob');
    ca.insert('before;');
    await waitUntil(() => cb.text() === 'before;', 10000, 'before at b');
    const port = redis.port;
    await redis.stop();
    ca.insert('A-during;');
    cb.insert('B-during;', 0);
    redis = await new RedisProcess(redis.dir).start(port);
    await waitUntil(() => ca.text() === cb.text() && ca.text().includes('A-during;') && ca.text().includes('B-during;'), 20000, 'convergence after the restart');
    await Promise.all([ca.waitAcked(20000), cb.waitAcked(20000)]);
    assert.equal(storedText(dataDir, room), ca.text());
  });
});
