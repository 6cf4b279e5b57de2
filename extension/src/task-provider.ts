// The `struktur` task type: `struktur: check` runs the bundled CLI (`struktur check --format
// text`) in a workspace folder, and the `$struktur` problem matcher (package.json) turns its
// `path:line:col severity CODE message` lines into Problems.
import * as vscode from 'vscode';

export interface StrukturTaskDefinition extends vscode.TaskDefinition {
  type: 'struktur';
  command: 'check';
  /** Files or globs; every **\/*.struct of the folder when empty. */
  files?: string[];
}

export const TASK_TYPE = 'struktur';

export class StrukturTaskProvider implements vscode.TaskProvider {
  constructor(private readonly context: vscode.ExtensionContext) {}

  provideTasks(): vscode.Task[] {
    return (vscode.workspace.workspaceFolders ?? [])
      .filter((f) => f.uri.scheme === 'file')
      .map((f) => this.create({ type: TASK_TYPE, command: 'check' }, f));
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const def = task.definition as StrukturTaskDefinition;
    if (def.command !== 'check') return undefined;
    const scope = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
    return scope ? this.create(def, scope, task) : undefined;
  }

  private create(def: StrukturTaskDefinition, folder: vscode.WorkspaceFolder, from?: vscode.Task): vscode.Task {
    // The extension host's own runtime runs the CLI: Node in a server, Electron as Node on the
    // desktop, so no separate Node install is needed.
    const execution = new vscode.ProcessExecution(process.execPath, [
      this.context.asAbsolutePath('dist/cli.js'), 'check', '--format', 'text', '--no-color', ...(def.files ?? []),
    ], { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } });
    const task = new vscode.Task(def, folder, from?.name ?? 'check', TASK_TYPE, execution, from?.problemMatchers.length ? from.problemMatchers : ['$struktur']);
    task.detail = 'struktur check --format text: validate every model and list problems';
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
    return task;
  }
}
