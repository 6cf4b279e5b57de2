// Live sessions in the real workbench, against a real `struktur live serve` process, with a
// scripted participant that uses the same client library in this extension host: typing both
// ways, concurrent typing at one place, names and cursors, a viewer who cannot type, the server
// killed (-9) and restarted mid-typing without losing an acknowledged edit, and — joining as a
// guest — the same diagnostics and results for the shared copies as for the files.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import * as Y from 'yjs';
import { LiveClient, fileText, listFiles, seedRoom, toSharedSelection } from '../../../live/src/client';
import { parseInvitation } from '../../../extension/src/live/invitation';
import type { StartResult } from '../../../extension/src/live/controller';
import { api, closeAllEditors, diagnosticsWhere, diagnostics, open, until, workspaceUri } from './helpers';
import { screenshot } from './screenshot.vscode-test';
import { LiveServerProcess, findNode, resetLiveSettings, useLiveServer } from './live-support';
import { SecondWindow } from '../second-window/controller';
import { diagnosticKey } from '../second-window/protocol';

/** A results document with its URIs reduced to file names, hashed. */
function resultsHash(doc: unknown): string {
  // `source` names the model file: a workspace path for the host, a struktur-live: URI for a guest.
  const text = JSON.stringify(doc, (_k, v) => (typeof v === 'string' ? v.replace(/^\S*\/([^/\s]+\.struct)$/, '$1') : v));
  return crypto.createHash('sha256').update(text).digest('hex');
}

const diagKey = (d: vscode.Diagnostic) => diagnosticKey(d);

describe('live sessions', function () {
  this.timeout(180000);
  let server: LiveServerProcess;
  const participants: LiveClient[] = [];
  const participant = (serverUrl: string, room: string, token: string, doc?: Y.Doc) => {
    const c = new LiveClient({ serverUrl, room, token, doc, backoff: { initialMs: 100, maxMs: 1000 } });
    participants.push(c);
    return c;
  };
  let started: StartResult;
  const entry = () => workspaceUri('examples/include-main.struct');
  /** A colleague's VS Code: a second workbench window with its own extension host. */
  let gina: SecondWindow | undefined;
  let ginaUri = '';

  before(async () => {
    server = LiveServerProcess.create(findNode(), 'struktur-live-wb-');
    await server.start();
    await useLiveServer(server, 'Hannah Host');
  });

  after(async () => {
    await gina?.close();
    for (const p of participants) p.destroy();
    await vscode.commands.executeCommand('struktur.live.end');
    await resetLiveSettings();
    await server.stop();
    await closeAllEditors();
  });

  it('starts a session on a model with its include, and a participant joins with the invitation', async () => {
    await closeAllEditors();
    await open(entry());
    started = await vscode.commands.executeCommand<StartResult>('struktur.live.start', entry(), { role: 'editor', guestName: 'Bob' });
    assert.ok(started?.invitation, 'no invitation');
    assert.equal(await vscode.env.clipboard.readText(), started.invitation);
    const inv = parseInvitation(started.invitation);
    const bob = participant(inv.server, inv.room, inv.token);
    await bob.connect();
    await until('the shared files at Bob', () => listFiles(bob.doc).join() === 'include-main.struct,include/materials.struct');
    assert.equal(fileText(bob.doc, 'include-main.struct').toString(), fs.readFileSync(entry().fsPath, 'utf8').replace(/\r\n/g, '\n'));
    const live = (await api()).live()!;
    await until('the status item', () => /Live: connected · 2/.test(live.statusText) && live.statusText, { events: [live.onDidChange] });
  });

  it('carries typing both ways, and concurrent typing at one place converges everywhere', async () => {
    const live = (await api()).live()!;
    const bob = participants[0];
    const editor = await open(entry());
    const doc = editor.document;
    const bobText = fileText(bob.doc, 'include-main.struct');
    // Host types.
    const at = doc.getText().indexOf('let bay');
    assert.ok(await editor.edit((b) => b.insert(doc.positionAt(at), '# hello from Hannah\n')));
    await until('Hannah\'s line at Bob', () => bobText.toString().includes('# hello from Hannah\n'));
    // Bob types.
    bobText.insert(bobText.toString().indexOf('let bay'), '# hello from Bob\n');
    await until('Bob\'s line in the editor', () => doc.getText().includes('# hello from Bob\n'));
    // Both type at the same place at once, a character at a time (inside a comment, so the model
    // stays valid).
    const mark = bobText.toString().indexOf('from Bob');
    for (let i = 0; i < 20; i++) {
      const pos = doc.positionAt(doc.getText().indexOf('from Bob'));
      const p = editor.edit((b) => b.insert(pos, 'h'));
      bobText.insert(mark, 'b');
      await p;
    }
    await live.session!.whenIdle();
    const reader = participant(started.serverUrl, started.room, server.mint(started.room, 'viewer', 'Reader'));
    await reader.connect();
    const same = await until('convergence of the editor, Bob and the server', () => {
      const t = doc.getText().replace(/\r\n/g, '\n');
      return t === bobText.toString() && t === fileText(reader.doc, 'include-main.struct').toString() && t;
    }, { events: [vscode.workspace.onDidChangeTextDocument as vscode.Event<unknown>] });
    const run = /# hello ((?:h|b)+)from Bob\n/.exec(same);
    assert.ok(run, 'the typed run is not before "from Bob"');
    assert.equal([...run[1]].filter((c) => c === 'h').length, 20);
    assert.equal([...run[1]].filter((c) => c === 'b').length, 20);
    await bob.whenConfirmed();
    await until('no unconfirmed edit at the host', () => live.session!.client.unconfirmed === 0);
  });

  it('shows Bob\'s cursor with his name, and lists him in the participants view', async () => {
    const live = (await api()).live()!;
    const bob = participants[0];
    const t = fileText(bob.doc, 'include-main.struct');
    const at = t.toString().indexOf('let bay');
    bob.setPresence({ file: 'include-main.struct', selections: [toSharedSelection(t, at, at + 7)], visible: [20, 60], editing: { kind: 'let', name: 'bay' } });
    await until('Bob\'s cursor drawn', () => live.decorations?.drawn.get(entry().toString())?.includes('Bob'), { events: [live.onDidChange] });
    // "Who is editing" in the hover of the line Bob is in.
    const hostDoc = (await open(entry())).document;
    const hovers = await until('the hover naming Bob', async () => {
      const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', hostDoc.uri, hostDoc.positionAt(hostDoc.getText().indexOf('let bay') + 5));
      const text = hs.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return /Bob is editing let bay/.test(text) && text;
    });
    assert.ok(hovers);
    const names = live.session!.client.participants().map((p) => p.user?.name).sort();
    assert.deepEqual(names, ['Bob', 'Hannah Host', 'Reader']);
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('strukturLiveParticipants.focus');
    const editor = await open(entry());
    editor.revealRange(new vscode.Range(25, 0, 45, 0), vscode.TextEditorRevealType.AtTop);
    // The page shows the item a moment after the extension sets it: take the picture again until
    // it does (a few tries).
    let shot = await screenshot('live-host.png');
    for (let i = 0; i < 10 && !shot.statusBar.some((s) => /Live: connected/.test(s)); i++) shot = await screenshot('live-host.png');
    assert.equal(shot.error, undefined);
    assert.ok(shot.statusBar.some((s) => /Live: connected/.test(s)), JSON.stringify(shot.statusBar));
  });

  it('a colleague joins from a second VS Code window: typing both ways converges, cursors and names show, diagnostics and results agree', async function () {
    // Only the code-server harness opens a second window (not @vscode/test-electron).
    if (!process.env.STRUKTUR_VSCODE_SCREENSHOTS) this.skip();
    this.timeout(420000);
    const live = (await api()).live()!;
    const editor = await open(entry());
    const doc = editor.document;
    gina = await SecondWindow.open('gina');
    const invitation = await live.invite('editor', 'Gina');
    ginaUri = await gina.ask<string>({ op: 'join', invitation }, 120000);
    assert.match(ginaUri, /^struktur-live:/);
    const hostText = () => doc.getText().replace(/\r\n/g, '\n');
    await until('the room\'s text in Gina\'s window', async () => (await gina!.ask<string>({ op: 'text', uri: ginaUri })) === hostText());
    await until('Gina in the host\'s session', () => live.session!.client.participants().some((p) => p.user?.name === 'Gina'), { events: [live.onDidChange] });

    // Gina types in her editor (the `type` command, as keystrokes do); the host sees it.
    await gina.ask({ op: 'type', uri: ginaUri, marker: 'let bay', text: '# typed by Gina\n' });
    await until('Gina\'s line in the host\'s editor', () => hostText().includes('# typed by Gina\n'), { events: [vscode.workspace.onDidChangeTextDocument as vscode.Event<unknown>] });
    // The host types; Gina sees it.
    assert.ok(await editor.edit((b) => b.insert(doc.positionAt(doc.getText().indexOf('# typed by Gina')), '# typed by Hannah\n')));
    await until('Hannah\'s line in Gina\'s window', async () => (await gina!.ask<string>({ op: 'text', uri: ginaUri })).includes('# typed by Hannah\n'));

    // Both type at the same place at the same time — inside the comment, so the model stays
    // valid: 15 characters each, interleaved freely.
    const marker = 'by Gina';
    const ginaTyping = gina.ask({ op: 'type', uri: ginaUri, marker, text: 'g'.repeat(15) });
    for (let i = 0; i < 15; i++) {
      const at = doc.getText().indexOf(marker);
      await editor.edit((b) => b.insert(doc.positionAt(at), 'h'));
    }
    await ginaTyping;
    await live.session!.whenIdle();
    await gina.ask({ op: 'idle' });
    const reader = participant(started.serverUrl, started.room, server.mint(started.room, 'viewer', 'Referee'));
    await reader.connect();
    const converged = await until('the same text in both windows and on the server', async () => {
      const t = hostText();
      const g = await gina!.ask<string>({ op: 'text', uri: ginaUri });
      return t === g && t === fileText(reader.doc, 'include-main.struct').toString() && t;
    });
    const run = /# typed ((?:g|h)+)by Gina/.exec(converged);
    assert.ok(run, 'the typed characters are not before the marker');
    assert.equal([...run[1]].filter((c) => c === 'g').length, 15);
    assert.equal([...run[1]].filter((c) => c === 'h').length, 15);

    // Cursors with names, both ways.
    const hostDocUri = entry().toString();
    await until('Gina\'s cursor in the host\'s editor', () => live.decorations?.drawn.get(hostDocUri)?.includes('Gina'), { events: [live.onDidChange] });
    editor.selection = new vscode.Selection(doc.positionAt(doc.getText().indexOf('let bay')), doc.positionAt(doc.getText().indexOf('let bay') + 7));
    await until('Hannah\'s cursor in Gina\'s window', async () => (await gina!.ask<string[]>({ op: 'cursors', uri: ginaUri })).includes('Hannah Host'));
    const ginaState = await gina.state(ginaUri);
    assert.deepEqual(ginaState.participants.filter((n) => n === 'Gina' || n === 'Hannah Host'), ['Gina', 'Hannah Host']);
    assert.match(ginaState.statusText, /Live: connected/);

    // Every window's language server analyses the same text: same diagnostics, same results.
    await diagnosticsWhere(entry(), 'published', () => true);
    const hostResults = await until('the host\'s results of the current text', async () => {
      const r = await (await api()).results(entry());
      return r && hostText() === (await gina!.ask<string>({ op: 'text', uri: ginaUri })) && r;
    });
    const ginaResults = await gina.ask({ op: 'results', uri: ginaUri });
    assert.equal(resultsHash(ginaResults), resultsHash(hostResults));
    assert.deepEqual(await gina.ask<string[]>({ op: 'diagnostics', uri: ginaUri }), diagnostics(entry()).map(diagKey));

    // Pictures of both windows, as the two people see them.
    editor.revealRange(new vscode.Range(20, 0, 45, 0), vscode.TextEditorRevealType.AtTop);
    await gina.ask({ op: 'reveal', uri: ginaUri, line: 20 });
    const hostShot = await screenshot('live-two-windows-host.png');
    const ginaShot = await gina.screenshot('live-two-windows-guest.png');
    assert.equal(hostShot.error, undefined);
    assert.equal(ginaShot.error, undefined);
    assert.ok(ginaShot.statusBar.some((s) => /Live: connected/.test(s)), JSON.stringify(ginaShot.statusBar));
  });

  it('refuses a viewer\'s typing: nothing reaches the editor or the server', async () => {
    const vera = participant(started.serverUrl, started.room, server.mint(started.room, 'viewer', 'Vera'));
    await vera.connect();
    assert.equal(vera.role, 'viewer');
    fileText(vera.doc, 'include-main.struct').insert(0, 'VIEWER WAS HERE\n');
    const check = participant(started.serverUrl, started.room, server.mint(started.room, 'viewer', 'Checker'));
    await check.connect();
    assert.ok(!fileText(check.doc, 'include-main.struct').toString().includes('VIEWER WAS HERE'));
    assert.ok(!(await open(entry())).document.getText().includes('VIEWER WAS HERE'));
  });

  it('loses no acknowledged edit when the server is killed mid-typing, and everyone reconnects', async () => {
    const live = (await api()).live()!;
    const bob = participants[0];
    const editor = await open(entry());
    const bobText = fileText(bob.doc, 'include-main.struct');
    // Bob types lines; each remembers the clock it needs stored.
    const typed: { token: string; end: number }[] = [];
    for (let i = 0; i < 30; i++) {
      const token = `# bob ${i}\n`;
      bobText.insert(bobText.length, token);
      typed.push({ token, end: Y.getState(bob.doc.store, bob.doc.clientID) });
      if (i % 3 === 0) await editor.edit((b) => b.insert(editor.document.positionAt(editor.document.getText().length), `# host ${i}\n`));
      if (i === 15) {
        await bob.whenConfirmed();
        await server.kill9();
      }
    }
    const stored = new Map(bob.stored);
    const acked = typed.filter((t) => (stored.get(bob.doc.clientID) ?? 0) >= t.end);
    assert.ok(acked.length >= 16, `${acked.length} acknowledged`);
    // Bob stays away until the room is checked, so he cannot resend what was lost.
    const bobDoc = bob.doc;
    bob.disconnect();
    await until('the host reconnecting', () => /reconnecting in \d+ s|connecting/.test(live.statusText) && live.statusText, { events: [live.onDidChange] });
    await server.start(server.port);
    const reader = participant(started.serverUrl, started.room, server.mint(started.room, 'viewer', 'After'));
    await reader.connect();
    const after = fileText(reader.doc, 'include-main.struct').toString();
    for (const t of acked) assert.ok(after.includes(t.token), `lost acknowledged ${JSON.stringify(t.token)}`);
    // Bob comes back with his document: what was not stored is sent again, nothing doubles.
    const bob2 = participant(started.serverUrl, started.room, parseInvitation(started.invitation).token, bobDoc);
    await bob2.connect();
    await until('the host connected again', () => /Live: connected/.test(live.statusText), { events: [live.onDidChange], timeoutMs: 60000 });
    await live.session!.whenIdle();
    const text = await until('convergence after the restart', () => {
      const t = editor.document.getText().replace(/\r\n/g, '\n');
      return t === fileText(bobDoc, 'include-main.struct').toString() && t;
    }, { events: [vscode.workspace.onDidChangeTextDocument as vscode.Event<unknown>], timeoutMs: 60000 });
    for (const t of typed) assert.equal(text.split(t.token).length - 1, 1, `${JSON.stringify(t.token)} once`);
    await until('every edit confirmed', () => live.session!.client.unconfirmed === 0 && bob2.unconfirmed === 0);
    // The second window reconnected by itself and holds the same text.
    if (gina) {
      await until('Gina\'s window connected again', async () => /Live: connected/.test((await gina!.state()).statusText), { timeoutMs: 60000 });
      await until('Gina\'s window converged', async () => (await gina!.ask<string>({ op: 'text', uri: ginaUri })) === editor.document.getText().replace(/\r\n/g, '\n'), { timeoutMs: 60000 });
    }
  });

  it('ends the session without touching the host\'s file on disk', async () => {
    const before = fs.readFileSync(entry().fsPath, 'utf8');
    await vscode.commands.executeCommand('struktur.live.end');
    const live = (await api()).live()!;
    assert.equal(live.session, undefined);
    assert.equal(fs.readFileSync(entry().fsPath, 'utf8'), before);
    if (gina) {
      // The colleague is told, leaves, and keeps the copy open and readable.
      await until('Gina out of the session', async () => !/Live: connected/.test((await gina!.state()).statusText));
      assert.ok((await gina.ask<string>({ op: 'text', uri: ginaUri })).includes('by Gina\n'));
    }
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
  });

  it('joins as a viewer: read-only copies, validated and analysed like the files, with the same results', async () => {
    // Carol hosts from a script: a room with the example and its include.
    const room = `guest-test-${crypto.randomBytes(3).toString('hex')}`;
    const carol = participant(started.serverUrl, room, server.mint(room, 'editor', 'Carol'));
    const { seed } = await carol.connect();
    assert.equal(seed, true);
    const mainText = fs.readFileSync(entry().fsPath, 'utf8');
    const libText = fs.readFileSync(workspaceUri('examples/include/materials.struct').fsPath, 'utf8');
    seedRoom(carol.doc, 'include-main.struct', [{ path: 'include-main.struct', text: mainText }, { path: 'include/materials.struct', text: libText }]);
    await carol.whenConfirmed();
    const token = server.mint(room, 'viewer', 'Victor');
    const invitation = `struktur-invite:${Buffer.from(JSON.stringify({ v: 1, server: started.serverUrl, room, token, role: 'viewer', label: 'include-main.struct' })).toString('base64url')}`;
    const guestUri = await vscode.commands.executeCommand<vscode.Uri>('struktur.live.join', invitation);
    assert.equal(guestUri.scheme, 'struktur-live');
    const editor = await until('the guest editor', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === guestUri.toString()));
    assert.equal(editor.document.getText().replace(/\r\n/g, '\n'), mainText.replace(/\r\n/g, '\n'));
    // Read-only: the file system says so (the editor is read-only); an edit forced through the
    // API reaches nobody, and the binding puts the room's text back.
    assert.equal((await vscode.workspace.fs.stat(guestUri)).permissions, vscode.FilePermission.Readonly);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'X')).then((r) => r, () => false);
    await until('the room\'s text back in the viewer\'s editor', () => !editor.document.getText().startsWith('X'), { events: [vscode.workspace.onDidChangeTextDocument as vscode.Event<unknown>] });
    assert.ok(!fileText(carol.doc, 'include-main.struct').toString().startsWith('X'), 'a viewer\'s edit reached the room');
    // Diagnostics and results agree with the files'.
    const a = await api();
    const fileDoc = await vscode.workspace.openTextDocument(entry());
    await diagnosticsWhere(fileDoc.uri, 'published', () => true);
    const fileResults = await until('results of the file', () => a.results(entry()));
    const guestResults = await until('results of the guest copy', () => a.results(guestUri));
    if (resultsHash(guestResults) !== resultsHash(fileResults) && process.env.STRUKTUR_VSCODE_ARTIFACTS) {
      fs.writeFileSync(path.join(process.env.STRUKTUR_VSCODE_ARTIFACTS, 'live-results-file.json'), JSON.stringify(fileResults, null, 1));
      fs.writeFileSync(path.join(process.env.STRUKTUR_VSCODE_ARTIFACTS, 'live-results-guest.json'), JSON.stringify(guestResults, null, 1));
    }
    assert.equal(resultsHash(guestResults), resultsHash(fileResults));
    assert.deepEqual(diagnostics(guestUri).map(diagKey), diagnostics(entry()).map(diagKey));
    // Carol's cursor shows in the guest's editor.
    const t = fileText(carol.doc, 'include-main.struct');
    const at = t.toString().indexOf('let bay');
    carol.setPresence({ file: 'include-main.struct', selections: [toSharedSelection(t, at, at + 12)] });
    const live = a.live()!;
    await until('Carol\'s cursor at the guest', () => live.decorations?.drawn.get(guestUri.toString())?.includes('Carol'), { events: [live.onDidChange] });
    // A remote edit arrives in the read-only copy.
    t.insert(at, '# Carol was here\n');
    await until('Carol\'s edit at the guest', () => editor.document.getText().includes('# Carol was here'));
    editor.revealRange(new vscode.Range(25, 0, 45, 0), vscode.TextEditorRevealType.AtTop);
    const shot = await screenshot('live-guest.png');
    assert.equal(shot.error, undefined);
    await vscode.commands.executeCommand('struktur.live.leave');
  });

  it('with no server configured, starts a local one on loopback, and End stops it', async () => {
    const cfg = vscode.workspace.getConfiguration('struktur.live');
    await cfg.update('serverUrl', undefined, vscode.ConfigurationTarget.Global);
    await cfg.update('secretFile', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
    const model = workspaceUri('examples/cantilever.struct');
    await open(model);
    const result = await vscode.commands.executeCommand<StartResult>('struktur.live.start', model, { bind: 'loopback', role: 'viewer', guestName: 'Dora' });
    assert.match(result.serverUrl, /^ws:\/\/127\.0\.0\.1:\d+$/);
    const live = (await api()).live()!;
    const pid = live.localServer!.process.pid!;
    const inv = parseInvitation(result.invitation);
    assert.equal(inv.role, 'viewer');
    const dora = participant(inv.server, inv.room, inv.token);
    await dora.connect();
    assert.equal(dora.role, 'viewer');
    assert.deepEqual(listFiles(dora.doc), ['cantilever.struct']);
    assert.equal(dora.participants().find((p) => !p.self)?.user?.name, 'Hannah Host');
    await vscode.commands.executeCommand('struktur.live.end');
    assert.equal(live.localServer, undefined);
    assert.throws(() => process.kill(pid, 0), 'the local server still runs');
    await until('Dora told the session ended or disconnected', () => dora.state.kind !== 'connected');
  });
});
