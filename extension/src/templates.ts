// `Struktur: New Model from Template…`: an untitled Struktur document from one of the templates
// shipped in resources/templates (read when the command runs, not bundled).
import * as vscode from 'vscode';

export interface Template {
  id: string;
  label: string;
  detail: string;
}

export const TEMPLATES: Template[] = [
  { id: 'cantilever', label: 'Cantilever', detail: 'One member, a fixed support, a line load and a tip load, a stress check' },
  { id: 'portal-frame', label: 'Portal frame', detail: 'A single-bay steel portal, dead load and wind, stress and deflection checks' },
  { id: 'truss', label: 'Truss', detail: 'A planar Warren truss of truss members, roof loads at the top nodes' },
  { id: 'empty', label: 'Empty model', detail: 'Units, a material, a section, two nodes and a member to start from' },
];

export async function newModel(context: vscode.ExtensionContext, id?: string): Promise<vscode.TextDocument | undefined> {
  const template = id ? TEMPLATES.find((t) => t.id === id) : await vscode.window.showQuickPick(TEMPLATES, { title: 'New Struktur model', placeHolder: 'Start from a template' });
  if (!template) {
    if (id) void vscode.window.showErrorMessage(`Struktur: no template "${id}" (${TEMPLATES.map((t) => t.id).join(', ')}).`);
    return undefined;
  }
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'resources', 'templates', `${template.id}.struct`));
  const doc = await vscode.workspace.openTextDocument({ language: 'struktur', content: new TextDecoder().decode(bytes) });
  await vscode.window.showTextDocument(doc);
  return doc;
}
