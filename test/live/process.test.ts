// The real server process (node bin/struktur.js live serve): kill -9 at random moments loses no
// acknowledged update, SIGTERM drains with 4012, backup/restore round trip through the CLI.
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CloseCode } from '../../live/src/protocol';
import { mulberry32 } from '../support/random';
import { ROOT, SECRET_TEXT, ServerProcess, tempDir, token } from './support/harness';
import { TestClient } from './support/client';

function cli(args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'struktur.js'), 'live', ...args], { env: { ...process.env, STRUKTUR_LIVE_SECRET: SECRET_TEXT }, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

async function readRoom(url: string, room: string): Promise<TestClient> {
  const c = new TestClient(`${url}/${room}`, { token: await token(room, 'viewer', { sub: 'reader' }) });
  await c.ready(10000);
  return c;
}

describe('live server process: durability and operations', function () {
  this.timeout(60000);

  it('kill -9 at random moments loses no acknowledged update (3 rounds, seeded)', async () => {
    const rnd = mulberry32(9009);
    const dataDir = tempDir();
    const room = 'crash/model';
    const acked: string[] = [];
    let server = await new ServerProcess(dataDir).start();
    for (let round = 0; round < 3; round++) {
      const cs = await Promise.all([0, 1, 2].map(async (i) => new TestClient(`${server.url}/${room}`, { token: await token(room, 'editor', { sub: `w${i}` }) }).ready(10000)));
      // Each marker is one update message; remember which message carried it.
      const sent: { client: TestClient; marker: string; msg: number }[] = [];
      const killAfter = 20 + Math.floor(rnd() * 80);
      for (let k = 0; k < killAfter; k++) {
        const c = cs[Math.floor(rnd() * cs.length)];
        const marker = `<r${round}-${k}>`;
        c.insert(marker, 0);
        sent.push({ client: c, marker, msg: c.sentUpdates });
        // Let the event loop run now and then, so kills land between, during and after writes.
        if (rnd() < 0.3) await new Promise((r) => setImmediate(r));
        // Once per round, wait for the server to store what was sent so far: on a loaded machine a
        // burst can otherwise be killed before any ACK arrives, and the round would prove nothing.
        if (k === 9) await Promise.all(cs.map((cl) => cl.waitAcked()));
      }
      await server.kill9();
      await Promise.all(cs.map((c) => c.closed));
      for (const x of sent) if (x.client.ackCount >= x.msg) acked.push(x.marker);
      server = await new ServerProcess(dataDir).start();
      const reader = await readRoom(server.url, room);
      const text = reader.text();
      const missing = acked.filter((m) => !text.includes(m));
      assert.deepEqual(missing, [], `round ${round}: acknowledged markers lost`);
      await reader.close();
    }
    assert.ok(acked.length > 10, `some updates were acknowledged (${acked.length})`);
    await server.terminate();
  });

  it('SIGTERM: flushes, closes clients with 4012 and exits 0; everything is there after restart', async () => {
    const dataDir = tempDir();
    const server = await new ServerProcess(dataDir).start();
    const c = await new TestClient(`${server.url}/drain/r`, { token: await token('drain/r', 'editor') }).ready(10000);
    for (let i = 0; i < 20; i++) c.insert(`[${i}]`);
    await c.waitAcked();
    c.insert('[last]');
    const code = await server.terminate();
    assert.equal(await c.closed, CloseCode.restarting);
    assert.ok(c.notices.some((n) => n.code === 'closing' && n.closeCode === CloseCode.restarting));
    assert.equal(code, 0);
    assert.match(server.stdout, /"msg":"shut down"/);
    const again = await new ServerProcess(dataDir).start();
    const r = await readRoom(again.url, 'drain/r');
    assert.equal(r.text(), c.text());
    await r.close();
    await again.terminate();
  });

  it('backup while running, restore refused while running, restore after stop round-trips', async () => {
    const dataDir = tempDir();
    const backupDir = path.join(tempDir(), 'bk');
    const server = await new ServerProcess(dataDir).start();
    const c = await new TestClient(`${server.url}/ops/r`, { token: await token('ops/r', 'editor') }).ready(10000);
    c.insert('state at backup;');
    c.doc.getText('file:sub/part.struct').insert(0, 'included file');
    await c.waitAcked();
    const b = cli(['backup', backupDir, '--data', dataDir]);
    assert.equal(b.status, 0, b.out);
    assert.match(b.out, /backed up 1 room/);
    c.insert('after backup;');
    await c.waitAcked();
    const refused = cli(['restore', backupDir, '--data', dataDir]);
    assert.equal(refused.status, 2);
    assert.match(refused.out, /stop it first/);
    await c.close();
    await server.terminate();
    const ok = cli(['restore', backupDir, '--data', dataDir]);
    assert.equal(ok.status, 0, ok.out);
    const again = await new ServerProcess(dataDir).start();
    const r = await readRoom(again.url, 'ops/r');
    assert.equal(r.text(), 'state at backup;');
    assert.equal(r.text('file:sub/part.struct'), 'included file');
    await r.close();
    await again.terminate();
  });

  it('the token command mints a token the server accepts; bad usage exits 2', async () => {
    const dataDir = tempDir();
    const t = cli(['token', '--room', 'cli/r', '--role', 'viewer', '--ttl', '10m', '--name', 'Checker']);
    assert.equal(t.status, 0, t.out);
    const server = await new ServerProcess(dataDir).start();
    const c = await new TestClient(`${server.url}/cli/r`, { token: t.out.trim() }).ready(10000);
    assert.equal(c.authOk!.role, 'viewer');
    assert.equal(c.authOk!.user.name, 'Checker');
    await c.close();
    await server.terminate();
    assert.equal(cli(['token', '--room', 'a//b']).status, 2);
    assert.equal(cli(['token', '--room', 'ok', '--ttl', 'soon']).status, 2);
    assert.equal(cli(['serve', '--port', 'x']).status, 2);
    assert.equal(cli(['frobnicate']).status, 2);
  });
});
