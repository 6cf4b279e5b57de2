// Completion, driven by the schema: statement keywords (top level or inside a load block) and
// statement snippets at the start of a line; declared names of the right kind in each slot;
// option keys not used yet; enum words; units after a number (those of the slot's dimension);
// catalogue sections and grades with their properties.
import {
  CompletionItemKind, CompletionTriggerKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionParams, type Range,
} from 'vscode-languageserver';
import { findGrade, findSection, gradeNames, sectionNames } from '../language/catalog';
import {
  NAMESPACE, STATEMENTS, signatureLabel, type DeclKind, type OptionSpec, type StatementSpec, type ValueSpec,
} from '../language/schema';
import type { Model } from '../language/semantic/model';
import type { Position } from '../language/syntax/range';
import type { Token } from '../language/syntax/tokens';
import { DIMENSIONLESS, LENGTH, sameDimension, type Dimension } from '../language/units/dimension';
import { DEFAULT_UNITS, parseUnit, type UnitSystem } from '../language/units/unit-expression';
import { findUnitAtom, FORCE_UNITS, LENGTH_UNITS } from '../language/units/unit-table';
import type { FeatureContext } from './context';
import { cursorContext, inLoadBlock, lineTokens, type CursorContext } from './cursor-context';
import { bareUnit, catalogMarkdown, declSummary, fileUnits, gradeText, inUnit, prettyUnit, sectionUnits, sig4, siUnit } from './describe';
import { valueKind } from './hover';

export const COMPLETION_TRIGGERS = ['=', ',', ' '];

const RETRIGGER = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

const DECL_ITEM_KIND: Record<DeclKind, CompletionItemKind> = {
  node: CompletionItemKind.Field,
  member: CompletionItemKind.Class,
  group: CompletionItemKind.Module,
  section: CompletionItemKind.Struct,
  material: CompletionItemKind.Color,
  load: CompletionItemKind.Event,
  combination: CompletionItemKind.Function,
  constant: CompletionItemKind.Constant,
};

interface Request {
  uri: string;
  pos: Position;
  model: Model | undefined;
  units: UnitSystem;
  /** Completion opened by typing a space: only offer what a space asks for (names, words). */
  bySpace: boolean;
}

export function completion(ctx: FeatureContext, p: CompletionParams): CompletionItem[] {
  const uri = p.textDocument.uri;
  const doc = ctx.workspace.get(uri);
  if (!doc) return [];
  const line = p.position.line;
  if (line < 0 || line >= doc.lines.lineCount) return [];
  const lineText = doc.lines.lineText(line);
  const pos = { line, character: Math.min(Math.max(0, p.position.character), lineText.length) };
  const lt = lineTokens(ctx, doc, uri, line);
  if (lt.comments.some((c) => c.line === line && c.col < pos.character)) return [];
  const inString = lt.tokens.some((t) => t.kind === 'string' && t.line === line && t.col < pos.character && (pos.character < t.endCol || t.value === undefined));
  if (inString) return [];

  let model: Model | undefined;
  try {
    model = ctx.workspace.modelFor(uri);
  } catch {
    model = undefined; // names are unavailable; keywords and units still work
  }
  const bySpace = p.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && p.context.triggerCharacter === ' ';
  const req: Request = { uri, pos, model, units: model ? fileUnits(model, uri) : DEFAULT_UNITS, bySpace };

  const first = lt.tokens[0];
  const atLineStart = !first || pos.line < first.line || (pos.line === first.line && pos.character <= first.col);
  const cc = atLineStart ? undefined : cursorContext(lt.tokens, pos);
  if (atLineStart || cc?.place.kind === 'keyword') {
    if (bySpace) return [];
    // A keyword that starts right at the cursor is replaced, not typed into.
    const token = cc?.token ?? (first?.kind === 'ident' && first.line === pos.line && first.col === pos.character ? first : undefined);
    const range: Range = token ? tokenRange(token) : { start: pos, end: pos };
    const restEmpty = !lt.tokens.some((t) => t !== token && (t.line > pos.line || (t.line === pos.line && t.col >= pos.character)));
    return keywordItems(req, inLoadBlock(ctx, uri, line) ? 'load' : 'top', range, restEmpty);
  }
  if (!cc?.spec) return [];
  return statementItems(req, cc, cc.spec);
}

function tokenRange(t: Token): Range {
  return { start: { line: t.line, character: t.col }, end: { line: t.line, character: t.endCol } };
}

// ---- keywords and snippets ---------------------------------------------------------------------

function keywordItems(req: Request, where: 'top' | 'load', range: Range, snippets: boolean): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const spec of STATEMENTS) {
    if (spec.context !== where) continue;
    items.push({
      label: spec.keyword,
      kind: CompletionItemKind.Keyword,
      detail: signatureLabel(spec),
      documentation: { kind: MarkupKind.Markdown, value: `${spec.summary}\n\n\`\`\`struktur\n${signatureLabel(spec)}\n\`\`\`` },
      textEdit: { range, newText: spec.keyword },
      sortText: `1${spec.keyword}`,
    });
    if (!snippets) continue;
    for (const body of snippetBodies(req, spec)) {
      items.push({
        label: `${spec.keyword}…`,
        labelDetails: { description: 'snippet' },
        kind: CompletionItemKind.Snippet,
        detail: body.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:?([^}]*)\}/g, '$1').replace(/\$\d+/g, '').replace(/\n\t/g, '\n  '),
        documentation: { kind: MarkupKind.Markdown, value: spec.summary },
        filterText: spec.keyword,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: body },
        sortText: `2${spec.keyword}`,
      });
    }
  }
  return items;
}

const SNIPPET_OPTIONS: Record<string, [string, string][]> = {
  material: [['grade', '']],
  section: [['material', ''], ['catalog', 'IPE300']],
  nodal: [['Fz', '-10']],
  uniform: [['Fz', '-5']],
  point: [['Fz', '-10'], ['at', '50%']],
  trapezoid: [['Fz', '-2,-5']],
  displacement: [['z', '-10mm']],
};

/** Kinds usually numbered (N1, N2…); materials and sections are named after what they are. */
const NUMBERED: DeclKind[] = ['node', 'member', 'group', 'load', 'combination'];

const DEFAULT_PREFIX: Record<DeclKind, string> = {
  node: 'N', member: 'M', group: 'G', section: 'SEC', material: 'MAT', load: 'LC', combination: 'ULS', constant: 'c',
};

function namesOf(model: Model | undefined, kinds: readonly DeclKind[]): string[] {
  return model ? model.decls.filter((d) => kinds.includes(d.kind)).map((d) => d.name) : [];
}

/** A fresh name in the style of the existing ones: N7 after N1…N6. */
function nextName(model: Model | undefined, kind: DeclKind): string {
  const counts = new Map<string, number>();
  const max = new Map<string, number>();
  for (const name of namesOf(model, [kind])) {
    const m = /^(.*?)(\d+)$/.exec(name);
    if (!m) continue;
    counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
    max.set(m[1], Math.max(max.get(m[1]) ?? 0, Number(m[2])));
  }
  const prefix = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (prefix === undefined) return `${DEFAULT_PREFIX[kind]}1`;
  const taken = new Set(model!.decls.filter((d) => NAMESPACE[d.kind] === NAMESPACE[kind]).map((d) => d.name));
  let n = max.get(prefix)! + 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

function choice(n: number, values: readonly string[], fallback: string): string {
  const vs = values.filter((v) => /^[A-Za-z0-9_.%-]+$/.test(v));
  if (vs.length === 0 || vs.length > 20) return `\${${n}:${fallback}}`;
  return `\${${n}|${vs.join(',')}|}`;
}

function placeholder(req: Request, v: ValueSpec, n: number, name: string, dflt: string): string {
  switch (v.type) {
    case 'decl':
      return `\${${n}:${NUMBERED.includes(v.kind) ? nextName(req.model, v.kind) : name}}`;
    case 'ref':
      return choice(n, namesOf(req.model, v.kinds), name);
    case 'enum':
      return choice(n, v.values, name);
    case 'unit':
      return choice(n, v.which === 'force' ? FORCE_UNITS : LENGTH_UNITS, name);
    case 'grade':
      return choice(n, gradeNames().map(gradeIdent).filter((g) => g.startsWith('S')), 'S355');
    case 'string':
      return `"\${${n}:${name}}"`;
    default:
      return `\${${n}:${dflt || (v.type === 'quantity' ? '0' : name)}}`;
  }
}

function snippetBodies(req: Request, spec: StatementSpec): string[] {
  const cases = namesOf(req.model, ['load', 'combination']);
  switch (spec.keyword) {
    case 'end':
    case 'meta':
      return spec.keyword === 'meta' ? ['meta engineer="${1}" project="${2}" code="${3}"$0'] : [];
    case 'let':
      return ['let ${1:name} = ${2:value}$0'];
    case 'load': {
      const category = spec.options.find((o) => o.key === 'category')!.value;
      return [`load \${1:${nextName(req.model, 'load')}} "\${2:description}" category=${placeholder(req, category, 3, 'category', '')}\n\t$0\nend`];
    }
    case 'combination':
      return [`combination \${1:${nextName(req.model, 'combination')}} \${2:1.35}*${choice(3, cases, 'CASE')} + \${4:1.5}*${choice(5, cases, 'CASE')}$0`];
    case 'check':
      return ['check stress limit=${1:1.0}$0', 'check deflection limit=L/${1:300}$0'];
  }
  const parts = [spec.keyword];
  let n = 1;
  for (const a of spec.args) {
    if (a.optional) continue;
    parts.push(placeholder(req, a.value, n++, a.name, ''));
  }
  for (const [key, dflt] of SNIPPET_OPTIONS[spec.keyword] ?? []) {
    const o = spec.options.find((x) => x.key === key);
    if (o) parts.push(`${key}=${placeholder(req, o.value, n++, key, dflt)}`);
  }
  return [parts.join(' ') + '$0'];
}

// ---- arguments and options ----------------------------------------------------------------------

function statementItems(req: Request, cc: CursorContext, spec: StatementSpec): CompletionItem[] {
  const place = cc.place;
  const items: CompletionItem[] = [];
  const bareWord = cc.word.length === 0 || (cc.word.length === 1 && cc.word[0].kind === 'ident');
  const keysOk = bareWord && !req.bySpace;
  switch (place.kind) {
    case 'let-equals':
      return [];
    case 'expression':
      if (cc.keyword.text === 'let') return quantityItems(req, cc, undefined, cc.positional[0]);
      if (cc.token?.kind === 'number') return [];
      items.push(...nameItems(req, cc, ['load', 'combination'], new Set(cc.positional.slice(0, 1))));
      if (keysOk && cc.word.length <= 1) items.push(...optionKeyItems(req, cc, spec));
      return items;
    case 'option':
      if (place.onKey) return optionKeyItems(req, cc, spec, true);
      if (!place.spec) return [];
      return valueItems(req, cc, place.spec.value, place.spec);
    case 'arg': {
      if (place.afterOption) return keysOk ? optionKeyItems(req, cc, spec) : [];
      if (place.local) {
        if (bareWord) {
          items.push({
            label: 'local', kind: CompletionItemKind.Keyword, detail: 'components in member local axes',
            documentation: 'Fx along the member (i to j), Fy and Fz across it; without `local` the components are global.',
            textEdit: { range: wordRange(cc, req.pos), newText: 'local' }, sortText: '0local',
          });
        }
        if (keysOk) items.push(...optionKeyItems(req, cc, spec));
        return items;
      }
      const slot = place.slot;
      if (slot) items.push(...valueItems(req, cc, slot.value));
      const filled = place.index >= spec.args.filter((a) => !a.optional).length;
      if ((!slot || slot.optional || (slot.repeat && filled)) && keysOk) items.push(...optionKeyItems(req, cc, spec));
      return items;
    }
    default:
      return [];
  }
}

/** The range a name or word replaces: the identifier at the cursor, or nothing (insert). */
function wordRange(cc: CursorContext, pos: Position): Range {
  const t = cc.token;
  if (t && (t.kind === 'ident' || t.kind === 'string')) return tokenRange(t);
  return { start: pos, end: pos };
}

function optionKeyItems(req: Request, cc: CursorContext, spec: StatementSpec, onKey = false): CompletionItem[] {
  const range = wordRange(cc, req.pos);
  if (spec.freeOptions) {
    return ['engineer', 'project', 'code'].filter((k) => !cc.usedOptions.includes(k)).map((k) => ({
      label: k, kind: CompletionItemKind.Property, detail: `${k}="…"`,
      insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: onKey ? k : `${k}="$1"` }, sortText: `3${k}`,
    }));
  }
  const current = cc.place.kind === 'option' ? cc.place.key : undefined;
  return spec.options
    .filter((o) => !cc.usedOptions.includes(o.key) || o.key === current)
    .map((o, i) => ({
      label: `${o.key}=`,
      kind: CompletionItemKind.Property,
      detail: valueKind(o.value, req.units, o.key) + (o.list === true ? ' (comma list)' : typeof o.list === 'number' ? ` (${o.list} values)` : ''),
      documentation: { kind: MarkupKind.Markdown, value: o.doc },
      filterText: o.key,
      textEdit: { range, newText: onKey ? o.key : `${o.key}=` },
      sortText: `3${String(i).padStart(2, '0')}`,
      command: !onKey && hasValueCompletions(o.value) ? RETRIGGER : undefined,
    }));
}

function hasValueCompletions(v: ValueSpec): boolean {
  return ['ref', 'enum', 'catalog', 'grade', 'deflection-limit', 'unit'].includes(v.type);
}

function valueItems(req: Request, cc: CursorContext, v: ValueSpec, option?: OptionSpec): CompletionItem[] {
  const afterNumber = cc.token?.kind === 'number';
  switch (v.type) {
    case 'quantity':
      return quantityItems(req, cc, v.dim);
    case 'position':
      return afterNumber ? unitItems(req, cc, LENGTH, true) : req.bySpace ? [] : constantItems(req, cc);
    case 'deflection-limit': {
      const kind = cc.positional[0];
      if (afterNumber) return kind === 'deflection' ? unitItems(req, cc, LENGTH) : [];
      if (cc.word.length > 3) return [];
      const limits = kind === 'stress' ? ['1.0', '0.9'] : ['L/300', 'L/250', 'L/200', 'L/500'];
      return limits.map((l, i) => ({
        label: l, kind: CompletionItemKind.Value,
        detail: kind === 'stress' ? 'utilisation ratio' : `deflection limit: the member's length / ${l.slice(2)}`,
        textEdit: { range: wordRange(cc, req.pos), newText: l }, sortText: `0${i}`,
      }));
    }
    case 'ref': {
      if (afterNumber) return [];
      const used = new Set([...cc.positional.slice(1), ...cc.listItems]);
      const own = cc.spec?.args[0]?.value;
      if (own?.type === 'decl' && v.kinds.some((k) => NAMESPACE[k] === NAMESPACE[own.kind])) used.add(cc.positional[0]);
      return nameItems(req, cc, v.kinds, used);
    }
    case 'enum':
      return afterNumber ? [] : enumItems(req, cc, v, option);
    case 'catalog':
      return afterNumber || req.bySpace ? [] : catalogItems(req, cc);
    case 'grade':
      return afterNumber || req.bySpace ? [] : gradeItems(req, cc);
    case 'unit': {
      const units = v.which === 'force' ? FORCE_UNITS : LENGTH_UNITS;
      return units.map((u, i) => ({
        label: u, kind: CompletionItemKind.Unit, detail: findUnitAtom(u)?.description,
        textEdit: { range: wordRange(cc, req.pos), newText: u }, sortText: String(i).padStart(2, '0'),
      }));
    }
    case 'decl': {
      if (afterNumber || cc.prefix || !NUMBERED.includes(v.kind)) return [];
      const name = nextName(req.model, v.kind);
      return [{ label: name, kind: CompletionItemKind.Text, detail: 'a new name', textEdit: { range: wordRange(cc, req.pos), newText: name } }];
    }
    default:
      return [];
  }
}

function quantityItems(req: Request, cc: CursorContext, dim: Dimension | undefined, exclude?: string): CompletionItem[] {
  if (cc.token?.kind === 'number') return unitItems(req, cc, dim);
  if (req.bySpace) return [];
  return constantItems(req, cc, exclude);
}

function constantItems(req: Request, cc: CursorContext, exclude?: string): CompletionItem[] {
  const last = lastTokenBefore(cc, req.pos);
  if (last && !['ident', 'plus', 'minus', 'star', 'slash', 'lparen', 'equals', 'comma'].includes(last.kind)) return [];
  return nameItems(req, cc, ['constant'], new Set(exclude ? [exclude] : []));
}

function lastTokenBefore(cc: CursorContext, pos: Position): Token | undefined {
  let last: Token | undefined;
  for (const t of cc.word) if (t.line < pos.line || (t.line === pos.line && t.col < pos.character)) last = t;
  return last;
}

function nameItems(req: Request, cc: CursorContext, kinds: readonly DeclKind[], used: Set<string>): CompletionItem[] {
  if (!req.model) return [];
  const range = wordRange(cc, req.pos);
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const d of req.model.decls) {
    if (!kinds.includes(d.kind) || used.has(d.name) || seen.has(d.name)) continue;
    seen.add(d.name);
    items.push({
      label: d.name,
      kind: DECL_ITEM_KIND[d.kind],
      detail: declSummary(req.model, d, req.units),
      textEdit: { range, newText: d.name },
      sortText: `1${d.name}`,
    });
  }
  return items;
}

const SUPPORT_WORD_DOC: Record<string, string> = {
  fixed: 'all six DOFs restrained', pinned: 'x y z restrained, rotations free',
  x: 'translation along X', y: 'translation along Y', z: 'translation along Z',
  rx: 'rotation about X', ry: 'rotation about Y', rz: 'rotation about Z',
};

function enumItems(req: Request, cc: CursorContext, v: Extract<ValueSpec, { type: 'enum' }>, option?: OptionSpec): CompletionItem[] {
  let values = [...v.values];
  const used = new Set(cc.listItems);
  if (option?.list) values = values.filter((x) => !used.has(x));
  if (cc.keyword.text === 'support' && !option) {
    const given = new Set([...cc.positional.slice(1), ...cc.listItems]);
    if (given.has('fixed')) return [];
    values = values.filter((x) => !given.has(x));
    if (given.size > 0) values = values.filter((x) => x !== 'fixed' && x !== 'pinned');
    if (given.has('pinned')) values = values.filter((x) => !['x', 'y', 'z'].includes(x));
  }
  const range = wordRange(cc, req.pos);
  return values.map((x, i) => ({
    label: x,
    kind: CompletionItemKind.EnumMember,
    detail: cc.keyword.text === 'support' ? SUPPORT_WORD_DOC[x] : v.label,
    textEdit: { range, newText: x },
    sortText: String(i).padStart(2, '0'),
  }));
}

/** Catalogue items without their edit, per unit family (they are the same for every request). */
const catalogCache = new Map<string, CompletionItem[]>();

function catalogItems(req: Request, cc: CursorContext): CompletionItem[] {
  const range = wordRange(cc, req.pos);
  const su = sectionUnits(req.units);
  let base = catalogCache.get(su.area);
  if (!base) {
    base = sectionNames().map((name, i) => {
      const cs = findSection(name)!;
      const p = cs.properties;
      return {
        label: name,
        kind: CompletionItemKind.Value,
        labelDetails: { description: cs.series },
        detail: `${cs.series}: A = ${inUnit(p.A, su.area, sig4)}, Iy = ${inUnit(p.Iy, su.second, sig4)}, Wy = ${inUnit(p.Wy, su.modulus, sig4)}`,
        documentation: { kind: MarkupKind.Markdown, value: catalogMarkdown(cs, req.units) },
        sortText: String(i).padStart(4, '0'),
      };
    });
    catalogCache.set(su.area, base);
  }
  return base.map((item) => ({ ...item, textEdit: { range, newText: item.label } }));
}

/** `C30/37` is written `C30_37` (an identifier). */
function gradeIdent(name: string): string {
  return name.replace('/', '_');
}

function gradeItems(req: Request, cc: CursorContext): CompletionItem[] {
  const range = wordRange(cc, req.pos);
  return gradeNames().map((name, i) => {
    const g = findGrade(name)!;
    return {
      label: gradeIdent(name),
      kind: CompletionItemKind.Value,
      detail: `${name} (${g.standard})${g.fy !== undefined ? `: fy = ${inUnit(g.fy, 'MPa')}` : g.fck !== undefined ? `: fck = ${inUnit(g.fck, 'MPa')}` : ''}`,
      documentation: { kind: MarkupKind.Markdown, value: `**${name}** (${g.standard})\n\n${gradeText(g)}` },
      textEdit: { range, newText: gradeIdent(name) },
      sortText: String(i).padStart(3, '0'),
    };
  });
}

// ---- units --------------------------------------------------------------------------------------

/** Unit spellings offered after a number, metric first; filtered by the slot's dimension. */
const UNIT_SPELLINGS = [
  'm', 'mm', 'cm', 'in', 'ft',
  'N', 'kN', 'MN', 'lbf', 'kip',
  'Pa', 'kPa', 'MPa', 'GPa', 'psi', 'ksi', 'N/mm2', 'kN/m2', 'kN/cm2',
  'kg', 't', 'deg', 'rad', '%',
  'kNm', 'kN*m', 'Nm', 'N*m', 'MNm', 'N*mm', 'kN*cm', 'kip*ft', 'kip*in', 'lbf*in', 'lbf*ft',
  'kN/m', 'N/m', 'N/mm', 'kN/mm', 'kip/ft', 'kip/in', 'lbf/ft', 'lbf/in',
  'cm2', 'mm2', 'm2', 'in2', 'cm3', 'mm3', 'm3', 'in3', 'cm4', 'mm4', 'm4', 'in4',
  'kN/m3', 'N/m3', 'N/mm3', 'lbf/ft3', 'kip/ft3', 'kg/m3', 't/m3',
  'kN*m/rad', 'kNm/rad', 'N*m/rad', 'MN*m/rad', 'kN*m/deg', 'kip*ft/rad', 'kip*in/rad',
  'kN*m/m', 'kNm/m', 'N*m/m', 'kip*ft/ft',
];

function unitItems(req: Request, cc: CursorContext, dim: Dimension | undefined, percentFirst = false): CompletionItem[] {
  const t = cc.token!;
  const n = t.numberLength ?? t.text.length;
  const unitStart = t.col + n;
  const range: Range = { start: { line: t.line, character: unitStart }, end: { line: t.line, character: Math.max(t.endCol, unitStart) } };
  const deflt = dim ? bareUnit({ type: 'quantity', dim }, req.units) : undefined;
  const candidates: { text: string; atom: boolean; rank: number }[] = [];
  UNIT_SPELLINGS.forEach((s, i) => {
    const u = parseUnit(s);
    if (!u.ok) return;
    if (dim ? !sameDimension(u.unit.dimension, dim) && !(percentFirst && s === '%') : !findUnitAtom(s)) return;
    if (dim && sameDimension(dim, DIMENSIONLESS) && s !== '%') return;
    candidates.push({ text: s, atom: !!findUnitAtom(s.replace(/\d+$/, '')) && !/[*/]/.test(s), rank: i });
  });
  if (deflt && deflt !== '' && !candidates.some((c) => c.text === deflt)) candidates.push({ text: deflt, atom: false, rank: 900 });
  candidates.sort((a, b) => (percentFirst ? Number(b.text === '%') - Number(a.text === '%') : 0) || Number(b.atom) - Number(a.atom) || a.rank - b.rank);
  const value = Number(t.text.slice(0, n));
  return candidates.map((c, i) => {
    const atom = findUnitAtom(c.text);
    const u = parseUnit(c.text);
    const si = u.ok ? value * u.unit.factor : undefined;
    const notes: string[] = [];
    if (atom) notes.push(atom.description);
    if (c.text === deflt) notes.push('the unit of a bare number here');
    return {
      label: c.text,
      kind: CompletionItemKind.Unit,
      detail: notes.join('; ') || prettyUnit(c.text),
      documentation: si !== undefined && Number.isFinite(si) && u.ok && siUnit(u.unit.dimension) ? `${value} ${prettyUnit(c.text)} = ${inUnit(si, siUnit(u.unit.dimension))} (SI)` : undefined,
      textEdit: { range, newText: c.text },
      sortText: String(i).padStart(3, '0'),
    };
  });
}
