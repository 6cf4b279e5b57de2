// Quick fixes, from the fix data the language layer puts on its diagnostics: a did-you-mean
// replacement, creating a missing node, section or material, and adding a support (for a
// prescribed displacement on a free DOF, and for a model without supports).
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver';
import { findGrade, findSection } from '../language/catalog';
import { CODES } from '../language/semantic/codes';
import type { FixData } from '../language/semantic/diagnostic';
import type { MaterialEntity, Model } from '../language/semantic/model';
import { DOF_NAMES } from '../language/schema';
import type { Range } from '../language/syntax/range';
import type { Statement } from '../language/syntax/syntax-tree';
import type { ParsedDocument } from '../language/workspace';
import type { FeatureContext } from './context';
import { statementAt } from './locate';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix];

/** The conventional order of top-level statements: a new line goes after its own kind, or after what precedes it. */
const ORDER = ['model', 'meta', 'units', 'include', 'let', 'material', 'section', 'node', 'member', 'support', 'group'];

/** What a new section or material gets when nothing better is known. */
const DEFAULT_SHAPE = 'shape=rect b=200mm h=400mm';
const DEFAULT_STEEL = 'E=210GPa nu=0.3 weight=78.5kN/m3 fy=355MPa';

export function codeActions(ctx: FeatureContext, p: CodeActionParams): CodeAction[] {
  if (p.context.only && !p.context.only.some((k) => k === CodeActionKind.QuickFix || k.startsWith(`${CodeActionKind.QuickFix}.`) || k === 'quickfix')) return [];
  const uri = p.textDocument.uri;
  const doc = ctx.workspace.get(uri);
  if (!doc || !p.context.diagnostics?.length) return [];
  const model = ctx.workspace.modelFor(uri);
  const out: CodeAction[] = [];
  for (const diag of p.context.diagnostics) {
    const fixes = fixDataOf(diag, model, uri);
    for (const fix of fixes) {
      const action = fixAction(ctx, fix, diag, doc, model);
      if (action) out.push(action);
    }
    if (diag.code === CODES.noSupports) out.push(...noSupportActions(diag, doc, model));
  }
  return out;
}

/** The diagnostic's fix data, or, if the client dropped it, that of the model's matching diagnostic. */
function fixDataOf(diag: LspDiagnostic, model: Model, uri: string): FixData[] {
  if (Array.isArray(diag.data)) return diag.data as FixData[];
  const same = model.diagnostics.find((d) => d.uri === uri && d.code === diag.code && sameRange(d.range, diag.range));
  return same?.data ?? [];
}

function fixAction(ctx: FeatureContext, fix: FixData, diag: LspDiagnostic, doc: ParsedDocument, model: Model): CodeAction | undefined {
  switch (fix.fix) {
    case 'replace':
      return action(`Change to "${fix.replacement}"`, diag, { [doc.uri]: [{ range: diag.range, newText: fix.replacement }] }, true);
    case 'create-node':
      return action(`Create node ${fix.name}`, diag, { [doc.uri]: [insertLines(doc, 'node', [`node ${fix.name} 0 0 0`])] });
    case 'create-material':
      return action(`Create material ${fix.name}`, diag, { [doc.uri]: [insertLines(doc, 'material', [materialLine(fix.name)])] });
    case 'create-section': {
      const catalog = fix.catalog ?? findSection(fix.name)?.name;
      const lines: string[] = [];
      let material = pickMaterial(model, catalog !== undefined);
      if (!material) {
        // No material at all: create a steel one for the section.
        material = 'S355';
        lines.push('material S355 grade=S355');
      }
      lines.push(`section ${fix.name} material=${material} ${catalog ? `catalog=${catalog}` : DEFAULT_SHAPE}`);
      return action(`Create section ${fix.name}${catalog ? ` (${catalog})` : ''}`, diag, { [doc.uri]: [insertLines(doc, 'section', lines)] });
    }
    case 'add-support':
      return addSupportAction(ctx, fix.node, diag, doc, model);
  }
  return undefined;
}

function materialLine(name: string): string {
  return findGrade(name) ? `material ${name} grade=${name}` : `material ${name} ${DEFAULT_STEEL}`;
}

/** The first material of the model; for a catalogue (steel) section, the first steel-like one if any. */
function pickMaterial(model: Model, steel: boolean): string | undefined {
  if (steel) {
    const m = model.materials.find((x: MaterialEntity) => x.decl && x.E !== undefined && x.E > 150e9);
    if (m) return m.decl.name;
  }
  return model.decls.find((d) => d.kind === 'material')?.name;
}

/**
 * A prescribed displacement on a free DOF: restrain that DOF. A node that already has a support
 * gets the DOF added to it (and a spring on that DOF removed); otherwise a new support line.
 */
function addSupportAction(ctx: FeatureContext, node: string, diag: LspDiagnostic, doc: ParsedDocument, model: Model): CodeAction | undefined {
  const dof = dofOf(ctx, diag, doc.uri);
  const existing = model.supports.find((s) => s.node?.name === node);
  if (existing && dof) {
    const s = existing.statement;
    const lastArg = s.args[s.args.length - 1];
    if (!lastArg) return undefined;
    const at = lastArg.range.end;
    const edits: TextEdit[] = [{ range: { start: at, end: at }, newText: ` ${dof}` }];
    const spring = s.options.find((o) => o.key.text === `k${dof}`);
    if (spring) {
      const gone = withSpaceBefore(s, spring.range);
      // A spring right after the restraints is replaced in one edit, so no two edits touch.
      if (sameRange({ start: gone.start, end: gone.start }, { start: at, end: at })) edits[0] = { range: gone, newText: ` ${dof}` };
      else edits.push({ range: gone, newText: '' });
    }
    return action(`Restrain ${dof} in the support of ${node}`, diag, { [existing.uri]: edits }, true);
  }
  if (existing) return undefined;
  const words = dof && dof.startsWith('r') ? 'fixed' : 'pinned';
  return action(`Add support ${node} ${words}`, diag, { [doc.uri]: [insertLines(doc, 'support', [`support ${node} ${words}`])] }, true);
}

/** The DOF a S1510 diagnostic is about: the option it covers, else the one its message names. */
function dofOf(ctx: FeatureContext, diag: LspDiagnostic, uri: string): string | undefined {
  const found = statementAt(ctx, uri, diag.range.start.line);
  const opt = found?.statement.options.find((o) => sameRange(o.range, diag.range));
  const message = typeof diag.message === 'string' ? diag.message : '';
  const key = opt?.key.text ?? /restrained in (\w+)\s*$/.exec(message)?.[1];
  return key && (DOF_NAMES as readonly string[]).includes(key) ? key : undefined;
}

/** No supports at all: fix the lowest node, or every node at the lowest level. */
function noSupportActions(diag: LspDiagnostic, doc: ParsedDocument, model: Model): CodeAction[] {
  const nodes = model.nodes.filter((n) => n.decl);
  if (nodes.length === 0) return [];
  const placed = nodes.filter((n) => n.xyz);
  const minZ = Math.min(...placed.map((n) => n.xyz![2]));
  const lowest = placed.length ? placed.filter((n) => Math.abs(n.xyz![2] - minZ) <= 1e-6) : [nodes[0]];
  const first = lowest[0].decl.name;
  const out = [action(`Add support ${first} fixed`, diag, { [doc.uri]: [insertLines(doc, 'support', [`support ${first} fixed`])] }, true)];
  if (lowest.length > 1) {
    const names = lowest.map((n) => n.decl.name);
    const shown = names.length > 4 ? `${names.slice(0, 3).join(', ')}, … (${names.length} nodes)` : names.join(', ');
    out.push(action(`Add fixed supports at the lowest nodes: ${shown}`, diag, { [doc.uri]: [insertLines(doc, 'support', names.map((n) => `support ${n} fixed`))] }));
  }
  return out;
}

function action(title: string, diag: LspDiagnostic, changes: Record<string, TextEdit[]>, preferred = false): CodeAction {
  const a: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [diag], edit: { changes } };
  if (preferred) a.isPreferred = true;
  return a;
}

/**
 * Inserts whole lines after the last top-level statement of `keyword`, or after the last of the
 * statements that conventionally precede it, or before the first statement.
 */
function insertLines(doc: ParsedDocument, keyword: string, lines: string[]): TextEdit {
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const stmts = doc.tree.statements;
  const rank = ORDER.indexOf(keyword);
  const before = new Set(ORDER.slice(0, rank));
  let after: Statement | undefined;
  for (const s of stmts) if (s.keyword.text === keyword) after = s;
  if (!after) for (const s of stmts) if (before.has(s.keyword.text)) after = s;
  const body = lines.join(eol);
  if (!after) {
    const line = stmts[0]?.firstLine ?? 0;
    return { range: point(line, 0), newText: body + eol };
  }
  const next = after.lastLine + 1;
  if (next < doc.lines.lineCount) return { range: point(next, 0), newText: body + eol };
  // The statement is on the last line and the file has no final newline.
  return { range: point(after.lastLine, doc.lines.lineText(after.lastLine).length), newText: eol + body };
}

function point(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

/** An option's range widened to the whitespace before it on its line, so deleting it leaves no gap. */
function withSpaceBefore(s: Statement, r: Range): Range {
  let from = -1;
  for (const t of s.tokens) if (t.line === r.start.line && t.endCol <= r.start.character) from = Math.max(from, t.endCol);
  return { start: from < 0 ? r.start : { line: r.start.line, character: from }, end: r.end };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
