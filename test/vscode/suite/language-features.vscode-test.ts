// The language server's features as the workbench uses them: completion, hover, go to
// definition, rename across an include, and formatting on save — with the results the LSP tests
// promise (test/features).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { MESSY, MESSY_FORMATTED } from './fixtures';
import { diagnosticsWhere, open, positionOf, replaceAll, until, workspaceRoot, workspaceUri, writeWorkspaceFile } from './helpers';

// The workbench adds items of its own (words of the document, the contributed snippets), so the
// keyword checks look at keyword items only.
const labels = (list: vscode.CompletionList, kind?: vscode.CompletionItemKind) =>
  list.items.filter((i) => kind === undefined || i.kind === kind).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));

describe('language features', () => {
  const portal = () => workspaceUri('examples/portal-two-bay.struct');

  it('completes statement keywords at the start of a line and sections in a member', async () => {
    const uri = writeWorkspaceFile('scratch/completion.struct', fs.readFileSync(portal().fsPath, 'utf8') + '\nmember Z N1 N2 \n');
    const editor = await open(uri);
    const last = editor.document.lineCount - 1;
    const top = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(last, 0));
    const keywords = labels(top, vscode.CompletionItemKind.Keyword);
    for (const k of ['model', 'units', 'node', 'member', 'support', 'load', 'combination', 'check']) assert.ok(keywords.includes(k), `no ${k} in ${keywords}`);
    for (const k of ['selfweight', 'uniform', 'end']) assert.ok(!keywords.includes(k), `${k} offered outside a load block`);
    const line = editor.document.lineAt(last - 1);
    const sections = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, line.range.end);
    for (const s of ['IPE300', 'COL', 'R300', 'CHS', 'CUSTOM']) assert.ok(labels(sections).includes(s), `no ${s} in ${labels(sections)}`);
  });

  it('hovers a node with its coordinates in the file units and its members', async () => {
    const editor = await open(portal());
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', portal(), positionOf(editor.document, 'node N3', 5));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.includes('**node** N3 at (6, 0, 3.5) m'), text);
    assert.ok(text.includes('members: B1 (end j), C2 (end j), B2 (end i), X1 (end j)'), text);
  });

  it('goes to the definition of a node and of a section in an included file', async () => {
    const editor = await open(portal());
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', portal(), positionOf(editor.document, 'member C2 N4', 10));
    assert.equal(defs.length, 1);
    const d = defs[0];
    const range = 'targetRange' in d ? d.targetSelectionRange ?? d.targetRange : d.range;
    assert.equal(editor.document.lineAt(range.start.line).text, 'node N4 bay 0 0');

    const main = workspaceUri('examples/include-main.struct');
    const mainEditor = await open(main);
    const inc = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', main, positionOf(mainEditor.document, 'FG0 HEA160', 5));
    const target = 'targetUri' in inc[0] ? inc[0].targetUri : inc[0].uri;
    assert.equal(path.relative(workspaceRoot(), target.fsPath).split(path.sep).join('/'), 'examples/include/materials.struct');
  });

  it('renames a section across the model and its include, leaving it valid', async () => {
    const dir = 'scratch/rename';
    const lib = writeWorkspaceFile(`${dir}/include/materials.struct`, fs.readFileSync(workspaceUri('examples/include/materials.struct').fsPath, 'utf8'));
    const main = writeWorkspaceFile(`${dir}/main.struct`, fs.readFileSync(workspaceUri('examples/include-main.struct').fsPath, 'utf8'));
    const editor = await open(main);
    await diagnosticsWhere(main, 'a validated model', () => true);
    const edit = await until('a rename edit', async () => {
      const e = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', main, positionOf(editor.document, 'FG0 HEA160', 6), 'HEA180');
      return e && e.entries().length === 2 ? e : undefined;
    });
    const files = edit.entries().map(([u]) => path.basename(u.fsPath)).sort();
    assert.deepEqual(files, ['main.struct', 'materials.struct']);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const libDoc = await vscode.workspace.openTextDocument(lib);
    assert.match(libDoc.getText(), /^section HEA180 material=S355 catalog=HEA160/m);
    assert.equal(editor.document.getText().match(/^member .*\bHEA160\b/gm), null);
    assert.equal(editor.document.getText().match(/^member .*\bHEA180$/gm)?.length, 6);
    await diagnosticsWhere(main, 'no errors after the rename', (d) => !d.some((x) => x.severity === vscode.DiagnosticSeverity.Error));
    for (const d of [libDoc, editor.document]) assert.ok(await d.save(), `could not save ${d.uri.fsPath}`);
    assert.ok(!libDoc.isDirty && !editor.document.isDirty);
  });

  it('formats on save (editor.formatOnSave) exactly as the formatter promises', async () => {
    const uri = writeWorkspaceFile('scratch/format.struct', 'node N1 0 0 0\n');
    const editor = await open(uri);
    await replaceAll(editor, MESSY);
    assert.equal(editor.document.isDirty, true);
    await vscode.commands.executeCommand('workbench.action.files.save');
    await until('the saved file', () => !editor.document.isDirty);
    assert.equal(editor.document.getText(), MESSY_FORMATTED);
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), MESSY_FORMATTED);
  });
});
