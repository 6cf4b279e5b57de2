// Each live participant's selection in the 3D view, in the real workbench against a real
// `struktur live serve` process: the host (this window) opens the 3D view of the shared model; a
// scripted participant (our client library, in this extension host) selects a member and a node
// there — the view draws them in his colour and says so — and moves to another model or leaves —
// the marks go; the other way, what the host selects in the view (a click, the editor's cursor,
// Esc) reaches the participant's awareness with the shared file it is in.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import * as vscode from 'vscode';
import { LiveClient, seedRoom, type Model3dElement, type Participant } from '../../../live/src/client';
import { formatInvitation, parseInvitation } from '../../../extension/src/live/invitation';
import type { StartResult } from '../../../extension/src/live/controller';
import type { Model3dPanelHandle } from '../../../extension/src/panels/model3d-panel';
import { legibleColour } from '../../../webviews/model3d/participant-marks';
import { api, closeAllEditors, open, positionOf, until, workspaceUri } from './helpers';
import { findNode, LiveServerProcess, resetLiveSettings, useLiveServer } from './live-support';
import { screenshot } from './screenshot.vscode-test';

const MODEL = 'portal-two-bay.struct';

describe('live 3D selections', function () {
  this.timeout(180000);
  let server: LiveServerProcess;
  let bob: LiveClient | undefined;
  let view: Model3dPanelHandle | undefined;
  const entry = () => workspaceUri(`examples/${MODEL}`);

  before(async () => {
    server = LiveServerProcess.create(findNode(), 'struktur-live-3d-');
    await server.start();
    await useLiveServer(server, 'Hannah Host');
  });

  after(async () => {
    bob?.destroy();
    view?.panel.dispose();
    await vscode.commands.executeCommand('struktur.live.end');
    await resetLiveSettings();
    await server.stop();
    await closeAllEditors();
  });

  /** Hannah's 3D selection as Bob's awareness has it. */
  const hannahAtBob = () => bob!.participants().find((p: Participant) => !p.self && p.user?.name === 'Hannah Host');
  const shown = () => view!.participantsShown;

  it('draws a participant\'s selection in the host\'s 3D view of that model, in his colour', async () => {
    await closeAllEditors();
    await open(entry());
    view = await vscode.commands.executeCommand<Model3dPanelHandle>('struktur.open3DView', entry());
    assert.ok(view);
    await view.ready;
    const started = await vscode.commands.executeCommand<StartResult>('struktur.live.start', entry(), { role: 'editor', guestName: 'Bob' });
    assert.ok(started?.invitation, 'no invitation');
    const inv = parseInvitation(started.invitation);
    bob = new LiveClient({ serverUrl: inv.server, room: inv.room, token: inv.token });
    await bob.connect();
    const colour = bob.user!.color;
    const elements: Model3dElement[] = [{ kind: 'member', name: 'B1' }, { kind: 'node', name: 'N5' }, { kind: 'member', name: 'NOT_THERE' }];
    bob.setPresence({ model3dFile: MODEL, model3dSelection: elements });
    const drawn = await until('Bob\'s selection drawn in the 3D view', () => shown().find((s) => s.name === 'Bob'), { events: [view.onDidReceive] });
    assert.deepEqual(drawn.elements, [{ kind: 'member', name: 'B1' }, { kind: 'node', name: 'N5' }], 'what the model has, in order');
    // His colour — made legible on the theme's background if it was not.
    assert.ok([colour, legibleColour(colour, '#1f1f1f'), legibleColour(colour, '#ffffff')].includes(drawn.colour), `${drawn.colour} vs ${colour}`);
  });

  it('is seen beside the model', async function () {
    if (!process.env.STRUKTUR_VSCODE_SCREENSHOTS) this.skip();
    const shot = await screenshot('live-model3d.png');
    assert.equal(shot.error, undefined);
  });

  it('sends what the host selects in the view — a click, the editor\'s cursor, Esc — to the participant, with its model', async () => {
    assert.ok(view && bob);
    // A click on C3 (the messages the page posts on a click).
    await view.receive({ type: 'select', element: { kind: 'member', name: 'C3' } });
    let h = await until('Hannah\'s click at Bob', () => {
      const p = hannahAtBob();
      return p?.model3dSelection?.[0]?.name === 'C3' && p;
    });
    assert.equal(h.model3dFile, MODEL);
    assert.deepEqual(h.model3dSelection, [{ kind: 'member', name: 'C3' }]);
    // The cursor on node N4's declaration: the view highlights it, so it is her selection there.
    const editor = await vscode.window.showTextDocument(entry(), { viewColumn: vscode.ViewColumn.One });
    const at = positionOf(editor.document, 'node N4 ', 5);
    editor.selection = new vscode.Selection(at, at);
    h = await until('Hannah\'s cursor selection at Bob', () => {
      const p = hannahAtBob();
      return p?.model3dSelection?.[0]?.name === 'N4' && p;
    });
    assert.deepEqual(h.model3dSelection, [{ kind: 'node', name: 'N4' }]);
    // Esc in the view clears it.
    await view.receive({ type: 'select', element: null });
    h = await until('Hannah\'s selection cleared at Bob', () => {
      const p = hannahAtBob();
      return p && p.model3dSelection?.length === 0 && p;
    });
    assert.equal(h.model3dFile, null);
  });

  it('clears the marks when the participant moves to another model, and when he leaves', async () => {
    assert.ok(view && bob);
    bob.setPresence({ model3dFile: 'include/materials.struct', model3dSelection: [{ kind: 'member', name: 'B1' }] });
    await until('Bob\'s marks gone from this model\'s view', () => shown().length === 0 || undefined, { events: [view.onDidReceive] });
    bob.setPresence({ model3dFile: MODEL, model3dSelection: [{ kind: 'member', name: 'B2' }] });
    await until('Bob\'s marks back', () => shown().find((s) => s.name === 'Bob' && s.elements[0]?.name === 'B2'), { events: [view.onDidReceive] });
    bob.destroy();
    bob = undefined;
    await until('Bob\'s marks gone after he left', () => shown().length === 0 || undefined, { events: [view.onDidReceive] });
  });

  it('a closed view publishes no selection', async () => {
    assert.ok(view);
    const live = (await api()).live()!;
    const inv = parseInvitation(await live.invite('viewer', 'Vera'));
    bob = new LiveClient({ serverUrl: inv.server, room: inv.room, token: inv.token });
    await bob.connect();
    await view.receive({ type: 'select', element: { kind: 'member', name: 'B1' } });
    await until('Hannah\'s selection at Vera', () => hannahAtBob()?.model3dSelection?.[0]?.name === 'B1');
    view.panel.dispose();
    view = undefined;
    await until('Hannah\'s selection gone at Vera', () => {
      const p = hannahAtBob();
      return p && !p.model3dSelection?.length && p.model3dFile === null;
    });
    bob.destroy();
    bob = undefined;
    await vscode.commands.executeCommand('struktur.live.end');
  });

  it('works for a guest too: the host\'s selection in the 3D view of the shared copy, and the guest\'s back', async () => {
    // Carol hosts from a script; this window joins as a viewer and opens the 3D view of its
    // struktur-live: copy.
    const room = `model3d-guest-${crypto.randomBytes(3).toString('hex')}`;
    const carol = new LiveClient({ serverUrl: server.url, room, token: server.mint(room, 'editor', 'Carol') });
    bob = carol;
    assert.equal((await carol.connect()).seed, true);
    seedRoom(carol.doc, MODEL, [{ path: MODEL, text: fs.readFileSync(entry().fsPath, 'utf8') }]);
    await carol.whenConfirmed();
    const invitation = formatInvitation({ server: server.url, room, token: server.mint(room, 'viewer', 'Victor'), role: 'viewer', label: MODEL });
    const guestUri = await vscode.commands.executeCommand<vscode.Uri>('struktur.live.join', invitation);
    assert.equal(guestUri?.scheme, 'struktur-live');
    view = await vscode.commands.executeCommand<Model3dPanelHandle>('struktur.open3DView', guestUri);
    assert.ok(view);
    await view.ready;
    assert.equal(view.model, guestUri.toString());
    carol.setPresence({ model3dFile: MODEL, model3dSelection: [{ kind: 'member', name: 'B2' }, { kind: 'node', name: 'N1' }] });
    const drawn = await until('Carol\'s selection in the guest\'s view', () => shown().find((s) => s.name === 'Carol'), { events: [view.onDidReceive] });
    assert.deepEqual(drawn.elements, [{ kind: 'member', name: 'B2' }, { kind: 'node', name: 'N1' }]);
    // The guest clicks a node: Carol sees it under the shared path, not the guest's URI.
    await view.receive({ type: 'select', element: { kind: 'node', name: 'N3' } });
    const victor = await until('Victor\'s selection at Carol', () => carol.participants().find((p) => !p.self && p.user?.name === 'Victor' && p.model3dSelection?.[0]?.name === 'N3'));
    assert.equal(victor.model3dFile, MODEL);
    await vscode.commands.executeCommand('struktur.live.leave');
    await until('Carol\'s marks gone when the guest left', () => shown().length === 0 || undefined, { events: [view.onDidReceive] });
  });
});
