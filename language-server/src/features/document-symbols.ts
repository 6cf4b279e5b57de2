// The outline of a document: one symbol per declaration (and per support and check), load cases
// with their loads as children. Read from the syntax tree in one pass; the model only supplies
// evaluated node coordinates, looked up through a map so a 100k-line file stays linear.
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import type { Model, NodeEntity } from '../language/semantic/model';
import type { DeclKind } from '../language/schema';
import { statementSpec } from '../language/schema';
import type { Range } from '../language/syntax/range';
import type { Statement } from '../language/syntax/syntax-tree';
import type { Token } from '../language/syntax/tokens';
import type { UnitSystem } from '../language/units/unit-expression';
import type { FeatureContext } from './context';

export const SYMBOL_KINDS: Record<DeclKind, SymbolKind> = {
  node: SymbolKind.Field,
  material: SymbolKind.Class,
  section: SymbolKind.Struct,
  member: SymbolKind.Object,
  group: SymbolKind.Array,
  load: SymbolKind.Event,
  combination: SymbolKind.Operator,
  constant: SymbolKind.Constant,
};
const SUPPORT_KIND = SymbolKind.Key;
const CHECK_KIND = SymbolKind.Function;
const LOAD_ENTRY_KIND = SymbolKind.Property;

const MAX_DETAIL = 80;

export function documentSymbols(ctx: FeatureContext, p: DocumentSymbolParams): DocumentSymbol[] {
  const uri = p.textDocument.uri;
  const doc = ctx.workspace.get(uri);
  if (!doc) return [];
  const model = ctx.workspace.modelFor(uri);
  const coords = nodeCoordinates(model, uri);
  const out: DocumentSymbol[] = [];
  for (const s of doc.tree.statements) {
    const sym = statementSymbol(s, coords);
    if (sym) out.push(sym);
  }
  return out;
}

interface Coordinates {
  byStatement: Map<Statement, NodeEntity>;
  units?: UnitSystem;
}

function nodeCoordinates(model: Model, uri: string): Coordinates {
  const byStatement = new Map<Statement, NodeEntity>();
  for (const n of model.nodes) if (n.decl && n.decl.uri === uri && n.xyz) byStatement.set(n.decl.statement, n);
  return { byStatement, units: model.files.find((f) => f.uri === uri)?.units };
}

/** The declared name of a statement, or undefined when it has none (yet). */
export function declaredName(s: Statement): { kind: DeclKind; name: string; range: Range } | undefined {
  const slot = statementSpec(s.keyword.text)?.args[0]?.value;
  const e = s.args[0]?.items[0];
  if (slot?.type !== 'decl' || e?.kind !== 'name' || s.args[0].items.length !== 1) return undefined;
  return { kind: slot.kind, name: e.name, range: e.range };
}

function statementSymbol(s: Statement, coords: Coordinates): DocumentSymbol | undefined {
  const kw = s.keyword.text;
  const keywordRange: Range = { start: { line: s.keyword.line, character: s.keyword.col }, end: { line: s.keyword.line, character: s.keyword.endCol } };
  if (kw === 'support') {
    const node = s.args[0];
    if (!node) return undefined;
    return symbol(`support ${textOf(node.tokens)}`, SUPPORT_KIND, textOf(tokensAfter(s, node.tokens)), s.range, node.range);
  }
  if (kw === 'check') {
    const kind = s.args[0];
    return symbol(kind ? `check ${textOf(kind.tokens)}` : 'check', CHECK_KIND, textOf(tokensAfter(s, kind?.tokens ?? [s.keyword])), s.range, kind?.range ?? keywordRange);
  }
  const d = declaredName(s);
  if (!d) return undefined;
  const sym = symbol(d.name, SYMBOL_KINDS[d.kind], detailOf(s, d.kind, coords), s.range, d.range);
  if (d.kind === 'load') {
    sym.children = (s.body ?? []).map(loadEntrySymbol);
    // An unclosed block still contains its loads.
    const last = s.body?.[s.body.length - 1];
    if (last && (last.range.end.line > sym.range.end.line || (last.range.end.line === sym.range.end.line && last.range.end.character > sym.range.end.character))) {
      sym.range = { start: sym.range.start, end: last.range.end };
    }
  }
  return sym;
}

function loadEntrySymbol(s: Statement): DocumentSymbol {
  const target = s.args[0];
  const keywordRange: Range = { start: { line: s.keyword.line, character: s.keyword.col }, end: { line: s.keyword.line, character: s.keyword.endCol } };
  // selfweight has no target: its argument is a factor.
  if (s.keyword.text === 'selfweight' || !target) return symbol(s.keyword.text, LOAD_ENTRY_KIND, textOf(tokensAfter(s, [s.keyword])), s.range, keywordRange);
  return symbol(`${s.keyword.text} ${textOf(target.tokens)}`, LOAD_ENTRY_KIND, textOf(tokensAfter(s, target.tokens)), s.range, target.range);
}

function detailOf(s: Statement, kind: DeclKind, coords: Coordinates): string {
  const nameTokens = s.args[0].tokens;
  switch (kind) {
    case 'node': {
      const n = coords.byStatement.get(s);
      if (n?.xyz && coords.units) {
        const f = coords.units.length.factor;
        return `(${n.xyz.map((v) => fmt(v / f)).join(', ')}) ${coords.units.length.text}`;
      }
      return textOf(tokensAfter(s, nameTokens));
    }
    case 'member': {
      const [i, j, section] = [1, 2, 3].map((k) => (s.args[k] ? textOf(s.args[k].tokens) : '?'));
      const truss = s.options.some((o) => o.key.text === 'type' && o.value?.tokens[0]?.text === 'truss');
      return `${i} → ${j} · ${section}${truss ? ' · truss' : ''}`;
    }
    case 'section': {
      const opt = (key: string) => {
        const o = s.options.find((x) => x.key.text === key);
        return o?.value ? textOf(o.value.tokens) : undefined;
      };
      const source = opt('catalog') ?? opt('shape') ?? (opt('A') !== undefined ? 'properties' : undefined);
      return [source, opt('material')].filter((x) => x !== undefined).join(' · ');
    }
    case 'load': {
      const desc = s.args[1]?.items[0];
      const category = s.options.find((o) => o.key.text === 'category')?.value;
      return [category && textOf(category.tokens), desc?.kind === 'string' ? desc.value : undefined].filter((x) => x).join(' · ');
    }
    default:
      // material options, group members, `= value`, a combination's terms: as written.
      return textOf(tokensAfter(s, nameTokens));
  }
}

function symbol(name: string, kind: SymbolKind, detail: string, range: Range, selectionRange: Range): DocumentSymbol {
  const sym: DocumentSymbol = { name, kind, range, selectionRange };
  if (detail) sym.detail = detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL - 1)}…` : detail;
  return sym;
}

/** The statement's tokens after the last of `after`. */
function tokensAfter(s: Statement, after: Token[]): Token[] {
  const last = after[after.length - 1];
  const i = last ? s.tokens.indexOf(last) : -1;
  return i < 0 ? [] : s.tokens.slice(i + 1);
}

/** Tokens as written, with single spaces where the source had space. */
function textOf(tokens: Token[]): string {
  let out = '';
  for (const t of tokens) out += (out && t.spaceBefore ? ' ' : '') + t.text;
  return out;
}

function fmt(v: number): string {
  return String(+v.toPrecision(6));
}
