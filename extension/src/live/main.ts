// Entry of dist/live-extension.js: the live-session side of the extension, loaded on first use of
// a live command (extension/src/session-loader.ts) so that activation stays light.
import type * as vscode from 'vscode';
import { LiveController } from './controller';
import type { ParticipantSelectionsPort } from '../panels/participant-selections';

export type { LiveApi, StartOptions, StartResult } from './controller';

export function activateLive(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, model3d?: ParticipantSelectionsPort): LiveController {
  const controller = new LiveController(context, output, model3d);
  context.subscriptions.push(controller);
  return controller;
}
