// The live-session commands (Start, Join, Leave, End, invitations, follow, undo/redo) and the
// status item. Loaded with the live bundle (dist/live-extension.js) when a live command first
// runs, so activation stays light.
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { LiveClient, type ConnectionState } from '../../../live/src/client';
import { isValidRoomName, type Role } from '../../../live/src/protocol';
import { formatInvitation, parseInvitation } from './invitation';
import { LIVE_SCHEME, LiveFileSystem } from './live-file-system';
import { ParticipantsView, PresenceDecorations, whoIsEditing } from './presence-view';
import { bindChoices, ensureSecretFile, mintToken, resolveCli, startLocalServer, type CliCommand, type LocalServer } from './server-process';
import { LiveSession } from './session';
import { linkModel3d } from './model3d-link';
import type { ParticipantSelectionsPort } from '../panels/participant-selections';

export interface StartOptions {
  /** 'loopback' or 'lan' (or an address) for a local server; skips the question. */
  bind?: string;
  /** Role of the invitation copied to the clipboard. */
  role?: Role;
  guestName?: string;
  hostName?: string;
  room?: string;
}

export interface StartResult {
  serverUrl: string;
  room: string;
  invitation: string;
}

/** What tests (and other extensions, through the Struktur API) can see of the live side. */
export interface LiveApi {
  readonly session: LiveSession | undefined;
  readonly decorations: PresenceDecorations | undefined;
  readonly localServer: LocalServer | undefined;
  readonly statusText: string;
  readonly onDidChange: vscode.Event<void>;
  invite(role: Role, name: string, ttl?: string): Promise<string>;
}

export class LiveController implements vscode.Disposable, LiveApi {
  session: LiveSession | undefined;
  decorations: PresenceDecorations | undefined;
  localServer: LocalServer | undefined;
  private readonly fs = new LiveFileSystem();
  private readonly participants = new ParticipantsView();
  private readonly status = vscode.window.createStatusBarItem('struktur.live', vscode.StatusBarAlignment.Left, 90);
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private sessionDisposables: vscode.Disposable[] = [];
  private tick: ReturnType<typeof setInterval> | undefined;
  /** How to mint tokens for this session (host with a secret), if we can. */
  private minter: { cli: CliCommand; secretFile: string; serverUrl: string; room: string; label: string } | undefined;
  statusText = '';

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    /** The 3D views' side of the participants' selections (the main bundle's hub). */
    private readonly model3d?: ParticipantSelectionsPort,
  ) {
    this.status.name = 'Struktur Live Session';
    this.disposables.push(
      this.status,
      this.changed,
      this.participants,
      vscode.workspace.registerFileSystemProvider(LIVE_SCHEME, this.fs, { isCaseSensitive: true }),
      vscode.window.registerTreeDataProvider('strukturLiveParticipants', this.participants),
      vscode.languages.registerHoverProvider([{ language: 'struktur', scheme: 'file' }, { language: 'struktur', scheme: LIVE_SCHEME }], {
        provideHover: (doc, pos) => {
          const text = this.session && whoIsEditing(this.session, doc, pos.line);
          return text ? new vscode.Hover(`$(account) ${text}`) : undefined;
        },
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()),
    );
  }

  private config() {
    return vscode.workspace.getConfiguration('struktur.live');
  }

  private cli(): CliCommand {
    return resolveCli(this.config().get<string[]>('serverCommand'), this.context.extensionPath);
  }

  private userName(): string {
    return this.config().get<string>('userName') || os.userInfo().username || 'Host';
  }

  async start(arg?: unknown, options: StartOptions = {}): Promise<StartResult | undefined> {
    if (this.session) {
      void vscode.window.showWarningMessage('Struktur: a live session is running already; leave it first.');
      return undefined;
    }
    const entry = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    if (!entry || entry.scheme !== 'file' || !entry.path.endsWith('.struct')) {
      void vscode.window.showErrorMessage('Struktur: open a saved .struct model to start a live session on it.');
      return undefined;
    }
    const label = path.posix.basename(entry.path);
    const room = options.room ?? `${label.replace(/\.struct$/, '').replace(/[^A-Za-z0-9_.~-]/g, '-').slice(0, 60)}-${crypto.randomBytes(4).toString('hex')}`;
    if (!isValidRoomName(room)) throw new Error(`invalid room name ${room}`);
    const cli = this.cli();
    let serverUrl = this.config().get<string>('serverUrl') || '';
    let secretFile = this.config().get<string>('secretFile') || '';
    try {
      if (!serverUrl && this.localServer && this.localServer.process.exitCode === null && !this.localServer.process.signalCode) {
        // A local server still running from an earlier session (the host left without ending).
        serverUrl = this.localServer.url;
        secretFile = ensureSecretFile(this.context.globalStorageUri.fsPath);
      } else if (!serverUrl) {
        const choices = bindChoices(os.networkInterfaces());
        let host = options.bind === 'loopback' ? '127.0.0.1' : options.bind === 'lan' ? choices[1]?.host : options.bind;
        if (!host) {
          const pick = await vscode.window.showQuickPick(choices.map((c) => ({ label: c.label, description: c.host, host: c.host })), {
            placeHolder: 'No live server is configured (struktur.live.serverUrl): start one here, reachable from…',
          });
          if (!pick) return undefined;
          host = pick.host;
        }
        secretFile = ensureSecretFile(this.context.globalStorageUri.fsPath);
        this.localServer = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Struktur: starting the live server' }, () =>
          startLocalServer(cli, { host: host!, dataDir: path.join(this.context.globalStorageUri.fsPath, 'live-data'), secretFile, log: (l) => this.output.trace(`live server: ${l}`) }));
        serverUrl = this.localServer.url;
        this.localServer.process.on('exit', (code, signal) => this.output.info(`live: the local server exited (${code ?? signal})`));
      }
      let hostToken: string;
      if (secretFile) {
        hostToken = await mintToken(cli, { secretFile, room, role: 'editor', name: options.hostName ?? this.userName() });
        this.minter = { cli, secretFile, serverUrl, room, label };
      } else {
        const t = await vscode.window.showInputBox({ prompt: `An editor token for room ${room} on ${serverUrl} (struktur live token --room ${room} --role editor)`, ignoreFocusOut: true, password: true });
        if (!t) return undefined;
        hostToken = t;
      }
      const client = new LiveClient({
        serverUrl, room, token: hostToken,
        refreshToken: this.minter ? () => mintToken(cli, { secretFile, room, role: 'editor', name: options.hostName ?? this.userName() }) : undefined,
        log: (level, m) => this.output[level === 'debug' ? 'debug' : level](`live: ${m}`),
      });
      const session = new LiveSession('host', crypto.randomBytes(4).toString('hex'), client, label, this.output, vscode.Uri.joinPath(entry, '..'));
      this.attach(session);
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Struktur: connecting to the live server' }, () => session.host(entry));
      const invitation = this.minter ? await this.invite(options.role ?? 'editor', options.guestName ?? 'Guest') : '';
      if (invitation) {
        await vscode.env.clipboard.writeText(invitation);
        void vscode.window.showInformationMessage(`Struktur: live session on ${label} started; the invitation (${options.role ?? 'editor'}) is on the clipboard.`, 'Invite Another…')
          .then((a) => a && vscode.commands.executeCommand('struktur.live.invite'));
      }
      return { serverUrl, room, invitation };
    } catch (err) {
      await this.stop(true);
      void vscode.window.showErrorMessage(`Struktur: could not start the live session: ${(err as Error).message}`);
      this.output.error(`live: start failed: ${(err as Error).stack ?? err}`);
      return undefined;
    }
  }

  /** A new invitation for this session (host with a secret only). */
  async invite(role?: Role, name?: string, ttl = '8h'): Promise<string> {
    const m = this.minter;
    if (!m) throw new Error('only the host of a session with a known secret can invite');
    if (!role) {
      const pick = await vscode.window.showQuickPick([{ label: 'editor', description: 'can type' }, { label: 'viewer', description: 'read-only' }], { placeHolder: 'Invite as…' });
      if (!pick) return '';
      role = pick.label as Role;
    }
    name ??= (await vscode.window.showInputBox({ prompt: 'Name of the person you invite (shown to the others)', value: 'Guest' })) || 'Guest';
    const token = await mintToken(m.cli, { secretFile: m.secretFile, room: m.room, role, name, sub: `${name.toLowerCase().replace(/\W+/g, '-')}-${crypto.randomBytes(3).toString('hex')}`, ttl });
    return formatInvitation({ server: m.serverUrl, room: m.room, token, role, label: m.label });
  }

  async join(text?: unknown): Promise<vscode.Uri | undefined> {
    if (this.session) {
      void vscode.window.showWarningMessage('Struktur: a live session is running already; leave it first.');
      return undefined;
    }
    let raw = typeof text === 'string' ? text : undefined;
    if (!raw) {
      const clip = await vscode.env.clipboard.readText();
      raw = await vscode.window.showInputBox({ prompt: 'Paste the invitation (the struktur-invite: line)', value: /struktur-invite:/.test(clip) ? clip.trim() : '', ignoreFocusOut: true });
      if (!raw) return undefined;
    }
    try {
      const inv = parseInvitation(raw);
      const client = new LiveClient({ serverUrl: inv.server, room: inv.room, token: inv.token, log: (level, m) => this.output[level === 'debug' ? 'debug' : level](`live: ${m}`) });
      const session = new LiveSession('guest', crypto.createHash('sha256').update(`${inv.server}/${inv.room}`).digest('hex').slice(0, 12), client, inv.label ?? inv.room, this.output);
      this.attach(session);
      const entry = await session.join(this.fs);
      return entry;
    } catch (err) {
      await this.stop(false);
      void vscode.window.showErrorMessage(`Struktur: could not join: ${(err as Error).message}`);
      return undefined;
    }
  }

  /** Leave: disconnect; files stay as they are (the host's on disk, a guest's copies readable). */
  async leave(): Promise<void> {
    if (!this.session) return;
    await this.stop(false);
  }

  /** End (host): tells the guests, disconnects, stops a local server. Deletes no file. */
  async end(): Promise<void> {
    const s = this.session;
    if (!s) return;
    if (s.kind === 'host') {
      s.markEnded();
      await Promise.race([s.client.whenConfirmed(), new Promise((r) => setTimeout(r, 3000))]);
    }
    await this.stop(true);
  }

  private attach(session: LiveSession): void {
    this.session = session;
    this.decorations = new PresenceDecorations(session);
    this.participants.setSession(session);
    this.sessionDisposables = [this.decorations, session.onDidChange(() => this.renderStatus())];
    if (this.model3d) this.sessionDisposables.push(linkModel3d(session, this.model3d));
    this.tick = setInterval(() => this.renderStatus(), 1000);
    void vscode.commands.executeCommand('setContext', 'struktur.live.active', true);
    this.renderStatus();
    this.updateContext();
  }

  private async stop(stopServer: boolean): Promise<void> {
    clearInterval(this.tick);
    for (const d of this.sessionDisposables) d.dispose();
    this.sessionDisposables = [];
    this.session?.client.disconnect();
    this.session?.dispose();
    this.session = undefined;
    this.decorations = undefined;
    this.minter = undefined;
    this.participants.setSession(undefined);
    if (stopServer && this.localServer) {
      await this.localServer.stop();
      this.localServer = undefined;
    }
    void vscode.commands.executeCommand('setContext', 'struktur.live.active', false);
    this.renderStatus();
    this.updateContext();
  }

  follow(clientId?: unknown): Promise<void> {
    return this.participants.follow(typeof clientId === 'number' ? clientId : undefined);
  }

  async undoRedo(which: 'undo' | 'redo'): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const um = editor && this.session?.undoManagerOf(editor.document.uri);
    if (!um) {
      await vscode.commands.executeCommand(which === 'undo' ? 'undo' : 'redo');
      return;
    }
    if (which === 'undo') um.undo();
    else um.redo();
  }

  async saveCopy(): Promise<vscode.Uri | undefined> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.uri.scheme !== LIVE_SCHEME) {
      void vscode.window.showInformationMessage('Struktur: open a file of the live session first.');
      return undefined;
    }
    const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(path.join(os.homedir(), path.posix.basename(doc.uri.path))), filters: { Struktur: ['struct'] } });
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, Buffer.from(doc.getText(), 'utf8'));
    return target;
  }

  private updateContext(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const bound = !!(uri && this.session?.bindingOf(uri));
    void vscode.commands.executeCommand('setContext', 'struktur.live.editorBound', bound);
  }

  private renderStatus(): void {
    const s = this.session;
    if (!s) {
      this.status.hide();
      this.statusText = '';
      this.changed.fire();
      return;
    }
    const state: ConnectionState = s.client.state;
    const people = s.client.participants().length;
    const k = s.client.unconfirmed;
    const pending = k ? ` · ${k} unconfirmed` : '';
    let text: string;
    switch (state.kind) {
      case 'connected':
        text = `$(broadcast) Live: connected · ${people}${pending}`;
        break;
      case 'connecting':
        text = `$(sync~spin) Live: connecting${pending}`;
        break;
      case 'reconnecting':
        text = `$(sync~spin) Live: reconnecting in ${Math.max(0, Math.ceil((state.at - Date.now()) / 1000))} s${pending}`;
        break;
      case 'offline':
        text = `$(cloud-offline) Live: offline with ${k} unconfirmed edit${k === 1 ? '' : 's'}`;
        break;
      default:
        text = '$(circle-slash) Live: closed';
    }
    this.status.text = text;
    this.status.tooltip = new vscode.MarkdownString(
      `**Struktur live session** on ${s.label} (${s.kind}, ${s.role ?? '…'})\n\n` +
        (state.kind === 'offline' ? `Offline: ${state.reason}\n\n` : '') +
        (k ? `${k} edit${k === 1 ? '' : 's'} not yet stored by the server (dotted underline).\n\n` : 'Every edit is stored by the server.\n\n') +
        `${people} participant${people === 1 ? '' : 's'}`,
    );
    this.status.command = state.kind === 'reconnecting' || state.kind === 'offline' ? 'struktur.live.reconnect' : 'workbench.view.explorer';
    this.status.backgroundColor = state.kind === 'offline' ? new vscode.ThemeColor('statusBarItem.errorBackground') : state.kind === 'connected' ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    this.status.show();
    this.statusText = text;
    this.changed.fire();
  }

  reconnect(): void {
    this.session?.client.reconnectNow();
  }

  dispose(): void {
    void this.stop(true);
    for (const d of this.disposables) d.dispose();
  }
}
