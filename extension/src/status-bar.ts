// The status bar item: the validation and analysis state of the model in the active editor, from
// the server's struktur/analysisStatus notifications and the published diagnostics.
//   Struktur ✓ 3 cases · max util 0.73     analysed (click: results)
//   Struktur ⚠ unstable at N7               analysed, a mechanism (click: Problems)
//   Struktur ✗ 2 errors                     not analysable (click: Problems)
import * as vscode from 'vscode';
import type { AnalysisStatus } from '../../language-server/src/shared/protocol';
import { analysisMode } from './settings';

export interface StatusSnapshot {
  text: string;
  tooltip: string;
  command: string | undefined;
  visible: boolean;
  /** The model the item describes, if any. */
  uri?: string;
  state?: AnalysisStatus['state'] | 'starting' | 'idle';
}

export type DiagnosticsOf = (uri: vscode.Uri) => readonly vscode.Diagnostic[];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly statuses = new Map<string, AnalysisStatus>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<StatusSnapshot>();
  private snapshot: StatusSnapshot = { text: '', tooltip: '', command: undefined, visible: false };
  private serverRunning = false;
  /** Fires after every update, with what the item now shows. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly diagnosticsOf: DiagnosticsOf) {
    this.item = vscode.window.createStatusBarItem('struktur.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Struktur';
    this.disposables.push(
      this.item,
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('struktur') && this.update()),
      vscode.workspace.onDidCloseTextDocument(() => this.update()),
    );
    this.update();
  }

  setServerRunning(running: boolean): void {
    this.serverRunning = running;
    if (!running) this.statuses.clear();
    this.update();
  }

  accept(status: AnalysisStatus): void {
    this.statuses.set(status.uri, status);
    this.update();
  }

  /** The latest status of the model that `uri` belongs to. */
  statusOf(uri: string): AnalysisStatus | undefined {
    const own = this.statuses.get(uri);
    if (own) return own;
    for (const s of this.statuses.values()) if (s.files.includes(uri)) return s;
    return undefined;
  }

  get current(): StatusSnapshot {
    return this.snapshot;
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const next = doc?.languageId === 'struktur' ? this.forModel(doc.uri) : this.forWorkspace();
    this.snapshot = next;
    this.item.text = next.text;
    this.item.tooltip = next.tooltip;
    this.item.command = next.command;
    this.item.backgroundColor = /✗/.test(next.text)
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : /⚠/.test(next.text) ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    if (next.visible) this.item.show();
    else this.item.hide();
    this.changed.fire(next);
  }

  private count(files: string[]): { errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    for (const f of files) {
      for (const d of this.diagnosticsOf(vscode.Uri.parse(f))) {
        if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
        else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
      }
    }
    return { errors, warnings };
  }

  private forModel(uri: vscode.Uri): StatusSnapshot {
    const key = uri.toString();
    const status = this.statusOf(key);
    const base = { visible: true, uri: status?.uri ?? key };
    if (!this.serverRunning) return { ...base, text: 'Struktur $(sync~spin)', tooltip: 'Starting the Struktur language server…', command: 'struktur.showOutput', state: 'starting' };
    const { errors, warnings } = this.count(status?.files ?? [key]);
    const problems = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
    // An analysis is only run on a model without language errors, so a `done` status stands even
    // when the analysis itself reported errors (a mechanism, a failing check).
    if (status?.state === 'done') {
      if (status.message) {
        return { ...base, text: `Struktur ⚠ ${status.message}`, tooltip: `${status.message}${problems ? ` (${problems})` : ''}. Click to show Problems.`, command: 'workbench.actions.view.problems', state: status.state };
      }
      const parts = [plural(status.cases ?? 0, 'case')];
      if (status.maxUtilisation !== undefined) parts.push(`max util ${status.maxUtilisation.toFixed(2)}`);
      const failing = status.maxUtilisation !== undefined && status.maxUtilisation > 1;
      return {
        ...base, text: `Struktur ${failing ? '⚠' : '✓'} ${parts.join(' · ')}`, command: 'struktur.showResults', state: status.state,
        tooltip: `Analysed: ${parts.join(', ')}${failing ? ' — a check fails' : ''}${problems ? ` (${problems})` : ''}. Click to show the results.`,
      };
    }
    if (errors > 0) {
      return { ...base, text: `Struktur ✗ ${plural(errors, 'error')}`, tooltip: `${problems}: the model is not analysed. Click to show Problems.`, command: 'workbench.actions.view.problems', state: status?.state };
    }
    if (!status) return { ...base, text: 'Struktur $(sync~spin)', tooltip: 'Validating…', command: 'struktur.showOutput', state: 'starting' };
    switch (status.state) {
      case 'running':
        return { ...base, text: 'Struktur $(sync~spin) analysing', tooltip: 'Analysing the model…', command: 'struktur.showOutput', state: status.state };
      case 'failed':
        return { ...base, text: 'Struktur ✗ analysis failed', tooltip: `${status.message ?? 'The analysis failed'}. Click for the log.`, command: 'struktur.showOutput', state: status.state };
      case 'skipped': {
        const off = analysisMode(uri) === 'off';
        return {
          ...base, text: `Struktur ✓ valid${off ? ' · analysis off' : ''}`, command: warnings ? 'workbench.actions.view.problems' : 'struktur.analyze', state: status.state,
          tooltip: `No errors${warnings ? `, ${plural(warnings, 'warning')}` : ''}. ${off ? 'Analysis is off (struktur.analysis.mode).' : 'Nothing to analyse yet: click to analyse now.'}`,
        };
      }
    }
  }

  /** No Struktur editor active: the errors over every model the server reported on, if any. */
  private forWorkspace(): StatusSnapshot {
    if (!this.serverRunning) {
      return { text: 'Struktur', tooltip: 'Open a .struct file to validate and analyse it.', command: 'struktur.openModel', visible: true, state: 'idle' };
    }
    const files = [...new Set([...this.statuses.values()].flatMap((s) => s.files))];
    const { errors, warnings } = this.count(files);
    if (errors > 0) return { text: `Struktur ✗ ${plural(errors, 'error')}`, tooltip: `${plural(errors, 'error')} in open models. Click to show Problems.`, command: 'workbench.actions.view.problems', visible: true, state: 'idle' };
    return { text: 'Struktur', tooltip: warnings ? `${plural(warnings, 'warning')} in open models.` : 'No problems in open models.', command: 'workbench.actions.view.problems', visible: true, state: 'idle' };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
