// Rooms come and go without leaking (idle unload frees the document, presence and timers), and
// the server speaks TLS with --cert/--key.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { startServer, tempDir, token, type InProcess } from './support/harness';
import { TestClient } from './support/client';
import { waitUntil } from './support/wait';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

describe('live server: soak and TLS', function () {
  this.timeout(60000);

  it('memory stays flat while 160 rooms are joined, edited, left and unloaded', async () => {
    const s: InProcess = await startServer(['--idle-unload-ms', '0']);
    try {
      const cycle = async (i: number) => {
        const room = `soak/r${i % 50}`;
        const c = new TestClient(`${s.url}/${room}`, { token: await token(room, 'editor', { sub: `s${i}` }) });
        await c.ready();
        c.awareness.setLocalState({ cursor: i });
        c.insert(`edit ${i};`);
        await c.waitAcked();
        await c.close();
      };
      for (let i = 0; i < 40; i++) await cycle(i); // warm-up: JIT, statement caches
      await waitUntil(() => s.server.rooms.size === 0, 5000, 'warm-up rooms unloaded');
      gc();
      const before = process.memoryUsage().heapUsed;
      for (let i = 40; i < 160; i++) await cycle(i);
      await waitUntil(() => s.server.rooms.size === 0 && s.server.connections.size === 0, 5000, 'rooms unloaded');
      gc();
      const grown = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
      assert.ok(grown < 8, `heap grew by ${grown.toFixed(1)} MB over 120 room cycles`);
      // Every room is intact after its unloads.
      const c = new TestClient(`${s.url}/soak/r7`, { token: await token('soak/r7', 'viewer') });
      await c.ready();
      assert.equal(c.text().split(";").filter(Boolean).length, 4);
      await c.close();
    } finally {
      await s.close();
    }
  });

  it('serves wss:// with --cert and --key', async function () {
    const dir = tempDir();
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { encoding: 'utf8' });
    if (r.status !== 0 || !fs.existsSync(cert)) this.skip();
    const s = await startServer(['--cert', cert, '--key', key]);
    try {
      const url = s.url.replace('ws://', 'wss://');
      const { default: WebSocket } = await import('ws');
      const ok = await new Promise<boolean>((resolve) => {
        const ws = new WebSocket(`${url}/tls/r`, { rejectUnauthorized: false });
        ws.on('open', () => {
          ws.close();
          resolve(true);
        });
        ws.on('error', () => resolve(false));
      });
      assert.ok(ok, 'TLS WebSocket opened');
      const https = await import('node:https');
      const status = await new Promise<number>((resolve, reject) => https.get(`${s.http.replace('http:', 'https:')}/healthz`, { rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject));
      assert.equal(status, 200);
    } finally {
      await s.close();
    }
  });
});
