// Registers the live-session commands and loads their implementation — dist/live-extension.js,
// a bundle of its own with Yjs, WebSocket and the bindings — only when one first runs, so the
// extension's activation does not pay for a feature most sessions never use.
import * as vscode from 'vscode';
import type { LiveApi, LiveController } from './live/controller';
import type { ParticipantSelectionsPort } from './panels/participant-selections';

type Loaded = LiveController;

export const LIVE_COMMANDS = ['start', 'join', 'leave', 'end', 'invite', 'follow', 'reconnect', 'saveCopy', 'undo', 'redo'] as const;

export class SessionLoader implements vscode.Disposable {
  private loaded: Loaded | undefined;
  private readonly commands: vscode.Disposable[];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    /** Handed to the live side: the others' selections in the 3D views, and ours. */
    private readonly model3d?: ParticipantSelectionsPort,
  ) {
    const run = (name: (typeof LIVE_COMMANDS)[number]) => async (...args: unknown[]) => {
      const c = this.load();
      switch (name) {
        case 'start':
          return c.start(args[0], (args[1] as object) ?? {});
        case 'join':
          return c.join(args[0]);
        case 'leave':
          return c.leave();
        case 'end':
          return c.end();
        case 'invite': {
          const inv = await c.invite(args[0] as 'editor' | 'viewer' | undefined, args[1] as string | undefined);
          if (inv && args[0] === undefined) {
            await vscode.env.clipboard.writeText(inv);
            void vscode.window.showInformationMessage('Struktur: the invitation is on the clipboard.');
          }
          return inv;
        }
        case 'follow':
          return c.follow(args[0]);
        case 'reconnect':
          return c.reconnect();
        case 'saveCopy':
          return c.saveCopy();
        case 'undo':
        case 'redo':
          return c.undoRedo(name);
      }
    };
    this.commands = LIVE_COMMANDS.map((n) => vscode.commands.registerCommand(`struktur.live.${n}`, run(n)));
  }

  /** The live side, loading it on first call. */
  load(): Loaded {
    if (!this.loaded) {
      // A path computed at run time: esbuild leaves the require alone, Node loads the bundle.
      const bundle = this.context.asAbsolutePath('dist/live-extension.js');
      const mod = require(bundle) as { activateLive(ctx: vscode.ExtensionContext, out: vscode.LogOutputChannel, model3d?: ParticipantSelectionsPort): Loaded };
      this.loaded = mod.activateLive(this.context, this.output, this.model3d);
    }
    return this.loaded;
  }

  /** For the extension's API: the live side once loaded. */
  get api(): LiveApi | undefined {
    return this.loaded;
  }

  dispose(): void {
    for (const d of this.commands) d.dispose();
    this.loaded?.dispose();
  }
}
