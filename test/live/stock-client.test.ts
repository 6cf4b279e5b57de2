// The stock y-websocket client (3.1.0) joins with --allow-url-token and edits with our clients.
import { strict as assert } from 'node:assert';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CloseCode } from '../../live/src/protocol';
import { startServer, token, type InProcess } from './support/harness';
import { TestClient } from './support/client';
import { waitUntil } from './support/wait';

describe('live server: stock y-websocket client', () => {
  let s: InProcess;
  const providers: WebsocketProvider[] = [];
  const clients: TestClient[] = [];

  before(async () => {
    s = await startServer(['--allow-url-token']);
  });
  after(async () => {
    for (const p of providers) {
      const ws = p.ws;
      p.destroy();
      // The provider does not destroy the Awareness it created; its timer would keep mocha alive.
      p.awareness.destroy();
      (ws as unknown as { terminate?: () => void } | null)?.terminate?.();
    }
    await Promise.all(clients.map((c) => c.close()));
    await s.close();
  });

  function provider(room: string, tokenText: string, doc = new Y.Doc()): WebsocketProvider {
    const p = new WebsocketProvider(s.url, room, doc, { WebSocketPolyfill: WebSocket as never, params: { token: tokenText }, disableBc: true });
    providers.push(p);
    return p;
  }

  it('syncs both ways with a client of our protocol, presence included', async () => {
    const room = 'stock/r1';
    const ours = new TestClient(`${s.url}/${room}`, { token: await token(room, 'editor', { sub: 'ours' }) });
    clients.push(ours);
    await ours.ready();
    ours.insert('from ours;');
    const p = provider(room, await token(room, 'editor', { sub: 'stock', name: 'Stock Client' }));
    await waitUntil(() => p.synced, 5000, 'stock synced');
    const text = p.doc.getText('file:main.struct');
    assert.equal(text.toString(), 'from ours;');
    text.insert(text.length, 'from stock;');
    await waitUntil(() => ours.text() === 'from ours;from stock;', 5000, 'stock edit at ours');
    p.awareness.setLocalStateField('cursor', 7);
    await waitUntil(() => ours.awareness.getStates().has(p.doc.clientID), 5000, 'stock presence');
    const st = ours.awareness.getStates().get(p.doc.clientID) as { user: { id: string; name: string } };
    assert.equal(st.user.id, 'stock');
    assert.equal(st.user.name, 'Stock Client');
    // Stored although the stock client never sees an ACK.
    await ours.waitAcked();
    await waitUntil(() => {
      const d = new Y.Doc();
      const st2 = s.server.store.load(room);
      if (st2.updates.length) Y.applyUpdate(d, Y.mergeUpdates(st2.updates));
      return d.getText('file:main.struct').toString() === 'from ours;from stock;';
    }, 5000, 'stored');
  });

  it('a stock client with a viewer token reads but cannot write', async () => {
    const room = 'stock/r2';
    const ours = new TestClient(`${s.url}/${room}`, { token: await token(room, 'editor') });
    clients.push(ours);
    await ours.ready();
    ours.insert('base');
    const p = provider(room, await token(room, 'viewer', { sub: 'stock-viewer' }));
    await waitUntil(() => p.synced && p.doc.getText('file:main.struct').toString() === 'base', 5000, 'viewer synced');
    p.doc.getText('file:main.struct').insert(0, 'vandal ');
    ours.insert('!');
    await waitUntil(() => p.doc.getText('file:main.struct').toString().endsWith('!'), 5000, 'editor edit at viewer');
    assert.equal(ours.text(), 'base!');
  });

  it('refuses a URL token for another room (4003) and a URL without token waits for AUTH (4001)', async () => {
    const bad = new WebSocket(`${s.url}/stock/r3?token=${await token('stock/other', 'editor')}`);
    const code = await new Promise<number>((r) => bad.on('close', (c) => r(c)));
    bad.terminate();
    assert.equal(code, CloseCode.forbidden);
    // Without a token in the URL the server expects AUTH first, as always: a sync step 1 is refused.
    const none = new TestClient(`${s.url}/stock/r3`, { firstMessage: new Uint8Array([0, 0, 1, 0]) });
    clients.push(none);
    assert.equal(await none.closed, CloseCode.authRequired);
  });
});
