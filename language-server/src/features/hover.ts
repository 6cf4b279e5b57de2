// Hover: what a name, keyword, option or number means, in the units engineers read. Names show
// their resolved values (coordinates, member length and section properties, material values,
// load totals, expanded combinations); keywords and options their schema documentation;
// numbers their SI value and the unit a bare number was read in.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { findGrade, findSection } from '../language/catalog';
import { DOF_NAMES, KIND_LABEL, RELEASE_NAMES, signatureLabel, statementSpec, type OptionSpec, type QuantitySpec, type StatementSpec, type ValueSpec } from '../language/schema';
import type {
  CombinationEntity, ConstantEntity, Decl, GroupEntity, LoadCaseEntity, MaterialEntity, MemberEntity, Model, NodeEntity, SectionEntity,
} from '../language/semantic/model';
import { expandMembers, memberLength } from '../language/semantic/validate-model';
import type { Range } from '../language/syntax/range';
import type { Statement } from '../language/syntax/syntax-tree';
import type { Token } from '../language/syntax/tokens';
import { describeDimension, FORCE, ROTATIONAL_SPRING, sameDimension, TRANSLATIONAL_SPRING } from '../language/units/dimension';
import { parseUnit, type UnitSystem } from '../language/units/unit-expression';
import { findUnitAtom } from '../language/units/unit-table';
import type { FeatureContext, StrukturSettings } from './context';
import { memberResultLines, nodeResultLines } from './results-summary';
import { cursorContext, type CursorContext } from './cursor-context';
import {
  bareUnit, catalogMarkdown, coordinates, expandCombination, fileUnits, fmt, gradeText, inFileUnits, inUnit, loadTotals, materialText,
  prettyUnit, sectionExtraText, sectionPropertyText, siUnit, termsText,
} from './describe';
import { declarationAt, statementAt, tokenAt } from './locate';

const RELEASES: readonly string[] = RELEASE_NAMES;
const DOFS: readonly string[] = DOF_NAMES;

export function hover(ctx: FeatureContext, p: HoverParams, settings?: StrukturSettings): Hover | null {
  const uri = p.textDocument.uri;
  const pos = p.position;
  const doc = ctx.workspace.get(uri);
  if (!doc || pos.line < 0 || pos.line >= doc.lines.lineCount) return null;
  const found = statementAt(ctx, uri, pos.line);
  if (!found) return null;
  const stmt = found.statement;
  const token = tokenAt(stmt, pos);
  if (!token) return null;
  const model = ctx.workspace.modelFor(uri);
  const units = fileUnits(model, uri);
  const range = tokenRange(token);

  const at = declarationAt(ctx, uri, pos);
  if (at?.decl) {
    const text = describeDecl(model, at.decl, units);
    const results = ctx.results?.(uri);
    const selected = settings?.results.case || undefined;
    const extra = !results ? [] : at.decl.kind === 'node' ? nodeResultLines(results, at.decl.name, units, selected) : at.decl.kind === 'member' ? memberResultLines(results, at.decl.name, units, selected) : [];
    return markdown([text, ...extra].join('\n\n'), at.range);
  }

  const spec = statementSpec(stmt.keyword.text);
  if (token === stmt.keyword) return spec ? markdown(keywordDoc(spec), range) : null;
  const cc = cursorContext(stmt.tokens, pos);
  if (!cc || !spec) return null;

  if (token.kind === 'number') return markdown(numberDoc(stmt, token, cc, units), range);
  const place = cc.place;
  if (place.kind === 'option') {
    if (!place.spec) return null;
    if (place.onKey) return markdown(optionDoc(place.spec, units), range);
    return markdown(valueDoc(place.spec.value, token, `${place.spec.key}=`, place.spec.doc, units, cc), range);
  }
  if (place.kind === 'arg') {
    if (place.local && token.text === 'local') {
      return markdown([fence('local'), 'The components are in the member\'s local axes: Fx along the member (from i to j), Fy and Fz across it, moments Mx (torsion), My, Mz.'].join('\n\n'), range);
    }
    if (place.slot) return markdown(valueDoc(place.slot.value, token, place.slot.name, place.slot.doc, units, cc), range);
  }
  return null;
}

function tokenRange(t: Token): Range {
  return { start: { line: t.line, character: t.col }, end: { line: t.line, character: t.endCol } };
}

function markdown(value: string, range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

function fence(text: string): string {
  return '```struktur\n' + text + '\n```';
}

// ---- declarations --------------------------------------------------------------------------

function entity<T>(model: Model, d: Decl | undefined): T | undefined {
  return d ? (model.entityOf(d) as T | undefined) : undefined;
}

/** The declaring line as written, without its comment. */
function sourceLine(model: Model, decl: Decl): string {
  const s = decl.statement;
  const toks = s.tokens.filter((t) => t.line === s.firstLine);
  const text = model.files.find((f) => f.uri === decl.uri)?.text;
  if (!text || toks.length === 0) return `${decl.statement.keyword.text} ${decl.name}`;
  const lineStart = text.split('\n', s.firstLine).reduce((n, l) => n + l.length + 1, 0);
  const line = text.slice(lineStart, lineStart + toks[toks.length - 1].endCol).slice(toks[0].col);
  return line.replace(/\s+/g, ' ') + (s.lastLine > s.firstLine ? ' …' : '');
}

export function describeDecl(model: Model, decl: Decl, units: UnitSystem): string {
  const lines: string[] = [fence(sourceLine(model, decl))];
  switch (decl.kind) {
    case 'node':
      lines.push(...nodeLines(model, decl, units));
      break;
    case 'member':
      lines.push(...memberLines(model, decl, units));
      break;
    case 'section':
      lines.push(...sectionLines(model, decl, units));
      break;
    case 'material':
      lines.push(...materialLines(model, decl));
      break;
    case 'group':
      lines.push(...groupLines(model, decl, units));
      break;
    case 'load':
      lines.push(...loadLines(model, decl, units));
      break;
    case 'combination':
      lines.push(...combinationLines(model, decl));
      break;
    case 'constant':
      lines.push(...constantLines(model, decl, units));
      break;
  }
  return lines.join('\n\n');
}

function nodeLines(model: Model, decl: Decl, units: UnitSystem): string[] {
  const out = [`**node** ${decl.name}`];
  const n = entity<NodeEntity>(model, decl);
  if (n?.xyz) out[0] += ` at ${coordinates(n.xyz, units)}`;
  const ends: string[] = [];
  for (const m of model.members) {
    if (m.i === decl) ends.push(`${m.decl.name} (end i)`);
    if (m.j === decl) ends.push(`${m.decl.name} (end j)`);
  }
  out.push(ends.length ? `members: ${ends.join(', ')}` : 'no members connect to this node');
  const sup = model.supports.find((s) => s.node === decl);
  if (sup) {
    const fixed = sup.restrained.every((x) => x);
    const pinned = !fixed && sup.restrained.slice(0, 3).every((x) => x) && !sup.restrained.slice(3).some((x) => x);
    const dofs = DOFS.filter((_, i) => sup.restrained[i]);
    let text = fixed ? 'fixed (all six DOFs)' : pinned ? 'pinned (x y z)' : dofs.length ? dofs.join(' ') : 'springs only';
    const springs = sup.springs
      .map((k, i) => (k > 0 ? `k${DOFS[i]} = ${inFileUnits(k, i < 3 ? TRANSLATIONAL_SPRING : ROTATIONAL_SPRING, units, 'rad')}` : ''))
      .filter(Boolean);
    if (springs.length) text += `; springs ${springs.join(', ')}`;
    out.push(`support: ${text}`);
  }
  return out;
}

function memberLines(model: Model, decl: Decl, units: UnitSystem): string[] {
  const m = entity<MemberEntity>(model, decl);
  if (!m) return [`**member** ${decl.name}`];
  const out = [`**member** ${decl.name}: ${m.i?.name ?? '?'} → ${m.j?.name ?? '?'}`];
  const L = memberLength(model, m);
  if (L !== undefined) out.push(`length ${inUnit(L, units.length.text)}`);
  const s = entity<SectionEntity>(model, m.section);
  if (m.section) {
    const src = s?.source === 'catalog' ? ` (catalogue ${s.catalogName})` : s?.source === 'shape' ? ` (shape ${s.shape})` : '';
    out.push(`section ${m.section.name}${src}${s?.material ? `, material ${s.material.name}` : ''}`);
  }
  if (s?.properties) out.push(sectionPropertyText(s.properties, units));
  const mat = entity<MaterialEntity>(model, s?.material);
  if (mat) {
    const parts: string[] = [];
    if (mat.E !== undefined) parts.push(`E = ${inUnit(mat.E, 'GPa')}`);
    if (mat.fy !== undefined) parts.push(`fy = ${inUnit(mat.fy, 'MPa')}`);
    if (parts.length) out.push(`${mat.decl.name}: ${parts.join(', ')}`);
  }
  const rel = (flags: boolean[]) => RELEASES.filter((_, i) => flags[i]).join(' ');
  const relI = rel(m.releaseI);
  const relJ = rel(m.releaseJ);
  out.push(relI || relJ ? `releases: ${[relI && `end i ${relI}`, relJ && `end j ${relJ}`].filter(Boolean).join('; ')}` : 'releases: none (rigid ends)');
  const type = [`type ${m.truss ? 'truss (axial force only)' : 'frame'}`];
  if (m.roll !== 0) type.push(`roll ${fmt((m.roll * 180) / Math.PI)}°`);
  out.push(type.join(', '));
  const groups = model.groups.filter((g) => g.refs.some((r) => r.target === decl)).map((g) => g.decl.name);
  if (groups.length) out.push(`groups: ${groups.join(', ')}`);
  return out;
}

function sectionLines(model: Model, decl: Decl, units: UnitSystem): string[] {
  const s = entity<SectionEntity>(model, decl);
  if (!s) return [`**section** ${decl.name}`];
  const src =
    s.source === 'catalog' ? `from the catalogue: ${s.catalogName}` : s.source === 'shape' ? `derived from shape ${s.shape}` : s.source === 'explicit' ? 'explicit properties' : 'incomplete';
  const out = [`**section** ${decl.name}, ${src}${s.material ? `, material ${s.material.name}` : ''}`];
  if (s.properties) {
    out.push(sectionPropertyText(s.properties, units));
    const extra = sectionExtraText(s.properties, units);
    if (extra) out.push(extra);
  }
  const mat = entity<MaterialEntity>(model, s.material);
  if (mat) out.push(`${mat.decl.name}: ${materialText(mat).join(', ')}`);
  const users = model.members.filter((m) => m.section === decl).map((m) => m.decl.name);
  out.push(users.length ? `used by ${users.length} member${users.length === 1 ? '' : 's'}: ${list(users)}` : 'used by no member');
  return out;
}

function materialLines(model: Model, decl: Decl): string[] {
  const m = entity<MaterialEntity>(model, decl);
  const out = [`**material** ${decl.name}`];
  if (m) {
    const g = m.grade ? findGrade(m.grade) : undefined;
    if (g) out[0] += ` (grade ${g.name}, ${g.standard})`;
    out.push(...materialText(m).filter((l) => !l.startsWith('grade ')));
  }
  const users = model.sections.filter((s) => s.material === decl).map((s) => s.decl.name);
  out.push(users.length ? `used by sections: ${list(users)}` : 'used by no section');
  return out;
}

function groupLines(model: Model, decl: Decl, units: UnitSystem): string[] {
  const g = entity<GroupEntity>(model, decl);
  const members = expandMembers(model, [decl]);
  const out = [`**group** ${decl.name}${g ? `: ${g.refs.map((r) => r.name).join(' ')}` : ''}`];
  const total = members.reduce((sum, m) => sum + (memberLength(model, m) ?? 0), 0);
  out.push(`${members.length} member${members.length === 1 ? '' : 's'}: ${list(members.map((m) => m.decl.name))}; total length ${inUnit(total, units.length.text)}`);
  return out;
}

function constantLines(model: Model, decl: Decl, units: UnitSystem): string[] {
  const c = entity<ConstantEntity>(model, decl);
  const v = c?.value;
  if (!v) return [`**constant** ${decl.name}`];
  if (v.dim === null) return [`**constant** ${decl.name} = ${fmt(v.value)}`, 'a bare number: in a product it is a plain factor, in a sum it takes the unit of the other terms'];
  return [`**constant** ${decl.name} = ${inFileUnits(v.value, v.dim, units)}`, describeDimension(v.dim)];
}

function combinationLines(model: Model, decl: Decl): string[] {
  const c = entity<CombinationEntity>(model, decl);
  if (!c) return [`**combination** ${decl.name}`];
  const out = [`**combination** ${decl.name} (${c.type}) = ${termsText(c.terms.map((t) => ({ name: t.ref.name, factor: t.factor })))}`];
  if (c.terms.some((t) => t.ref.target?.kind === 'combination')) {
    const expanded = expandCombination(model, c);
    if (expanded) out.push(`expanded: ${termsText(expanded)}`);
    else out.push('expanded: (a cycle of combinations)');
  }
  const checks = model.checks.filter((k) => k.combinations.some((r) => r.target === decl)).map((k) => `check ${k.kind}`);
  if (checks.length) out.push(`used by: ${checks.join(', ')}`);
  return out;
}

function loadLines(model: Model, decl: Decl, units: UnitSystem): string[] {
  const lc = entity<LoadCaseEntity>(model, decl);
  if (!lc) return [`**load case** ${decl.name}`];
  const out = [`**load case** ${decl.name}${lc.description ? ` — ${lc.description}` : ''}`];
  out.push(`category ${lc.category ?? '(none)'}; ${lc.loads.length} load${lc.loads.length === 1 ? '' : 's'}`);
  const t = loadTotals(model, lc);
  const scale = Math.max(...t.force.map(Math.abs));
  const f = units.force;
  out.push(`total force: ${['Fx', 'Fy', 'Fz'].map((k, i) => `${k} = ${fmt(t.force[i] / f.factor, scale / f.factor)} ${f.text}`).join(', ')}`);
  if (t.displacements) out.push(`${t.displacements} prescribed displacement${t.displacements === 1 ? '' : 's'}`);
  if (t.incomplete) out.push(`(${t.incomplete} load${t.incomplete === 1 ? '' : 's'} left out: missing geometry, section or material data)`);
  const combos = model.combinations.filter((c) => c.terms.some((x) => x.ref.target === decl)).map((c) => c.decl.name);
  if (combos.length) out.push(`in combinations: ${combos.join(', ')}`);
  return out;
}

function list(names: string[], max = 12): string {
  return names.length > max ? `${names.slice(0, max).join(', ')}, … (${names.length - max} more)` : names.join(', ');
}

// ---- keywords, options, values ---------------------------------------------------------------

function keywordDoc(spec: StatementSpec): string {
  const lines = [fence(signatureLabel(spec)), spec.summary];
  const params = [
    ...spec.args.map((a) => `- \`${a.name}\`${a.optional ? ' (optional)' : ''}: ${a.doc}`),
    ...spec.options.map((o) => `- \`${o.key}=\`: ${o.doc}`),
  ];
  if (spec.localFlag) params.splice(spec.args.length, 0, '- `local`: components in the member\'s local axes');
  if (params.length) lines.push(params.join('\n'));
  return lines.join('\n\n');
}

/** What a value slot takes, in words ("a stress; a bare number is read in kN/m²"). */
export function valueKind(v: ValueSpec, units: UnitSystem, key?: string): string {
  switch (v.type) {
    case 'quantity': {
      const u = bareUnit(v, units);
      const what = quantityName(v, key);
      if (u === undefined) return `${what}; give it a unit`;
      return u === '' ? what : `${what}; a bare number is read in ${prettyUnit(u)}`;
    }
    case 'decl':
      return `a new ${KIND_LABEL[v.kind]} name`;
    case 'ref':
      return `the name of ${v.kinds.map((k) => `a ${KIND_LABEL[k]}`).join(' or ')}`;
    case 'enum':
      return `one of ${v.values.join(', ')}`;
    case 'string':
      return 'a string in double quotes';
    case 'position':
      return `a length from end i (a bare number is read in ${units.length.text}) or a percentage of the length (50%)`;
    case 'grade':
      return 'a built-in grade: S235 … S460, C12_15 … C90_105';
    case 'catalog':
      return 'a catalogue designation: IPE300, HEB200, UPN200, CHS168_3x8, RHS200x100x8, SHS100x5, …';
    case 'deflection-limit':
      return 'L/n (L: the member\'s length), a length, or for stress a utilisation ratio';
    case 'unit':
      return v.which === 'force' ? 'a force unit: N kN MN lbf kip' : 'a length unit: m mm cm in ft';
    case 'text':
      return 'a string';
  }
}

/** The dimension's name, told apart where two quantities share one (a spring and a line load). */
function quantityName(v: QuantitySpec, key: string | undefined): string {
  if (key && /^k[xyz]$/.test(key)) return 'a translational spring stiffness (force per length)';
  if (key && /^M[xyz]$/.test(key) && sameDimension(v.dim, FORCE)) return 'a moment per length';
  return describeDimension(v.dim);
}

function optionDoc(o: OptionSpec, units: UnitSystem): string {
  const list = o.list === true ? ' (a comma list)' : typeof o.list === 'number' ? ` (${o.list} values: start,end)` : '';
  return [fence(`${o.key}=…`), o.doc, `Value: ${valueKind(o.value, units, o.key)}${list}`].join('\n\n');
}

function valueDoc(v: ValueSpec, token: Token, name: string, doc: string, units: UnitSystem, cc: CursorContext): string {
  if (v.type === 'catalog' && token.kind === 'ident') {
    const cs = findSection(token.text);
    if (cs) return [fence(`catalog=${token.text}`), catalogMarkdown(cs, units)].join('\n\n');
  }
  if (v.type === 'grade' && (token.kind === 'ident' || token.kind === 'string')) {
    const g = findGrade(token.value ?? token.text);
    if (g) return [fence(`grade=${token.text}`), `**${g.name}** (${g.standard})`, gradeText(g)].join('\n\n');
  }
  if (v.type === 'unit' && token.kind === 'ident') {
    const atom = findUnitAtom(token.text);
    if (atom) return [fence(token.text), `${atom.description}: the ${v.which} unit of numbers written without a unit in this file`].join('\n\n');
  }
  if (v.type === 'deflection-limit' && token.text === 'L') return [fence('L'), 'The length of each checked member: limit=L/300 allows span/300.'].join('\n\n');
  if (v.type === 'enum' && token.kind === 'ident') {
    const extra = enumWordDoc(cc.keyword.text, token.text);
    return [fence(`${name.endsWith('=') ? name : `${name}:`} ${token.text}`.replace('= ', '=')), extra ?? doc, `Values: ${v.values.join(', ')}`].join('\n\n');
  }
  return [fence(name), doc, `Value: ${valueKind(v, units, cc.place.kind === 'option' ? cc.place.key : undefined)}`].join('\n\n');
}

function enumWordDoc(keyword: string, word: string): string | undefined {
  if (keyword === 'support') {
    if (word === 'fixed') return 'fixed: all six DOFs restrained (x y z rx ry rz)';
    if (word === 'pinned') return 'pinned: translations x y z restrained, rotations free';
    const i = DOFS.indexOf(word);
    if (i >= 0) return i < 3 ? `${word}: translation along global ${word.toUpperCase()} restrained` : `${word}: rotation about global ${word.slice(1).toUpperCase()} restrained`;
  }
  if (keyword === 'member') {
    if (word === 'both') return 'both: My and Mz released at both ends';
    if (word === 'i' || word === 'j') return `${word}: My and Mz released at end ${word}`;
    const r = RELEASES.indexOf(word);
    if (r >= 0) return `${word}: ${['axial force', 'shear along y', 'shear along z', 'torsion', 'bending moment about y', 'bending moment about z'][r]} released at this end`;
    if (word === 'truss') return 'truss: axial force only (both ends pinned, no bending)';
    if (word === 'frame') return 'frame: a beam-column with all six end forces (the default)';
  }
  if (keyword === 'check') {
    if (word === 'stress') return 'stress: elastic utilisation |N|/A + |My|/Wy + |Mz|/Wz against fy';
    if (word === 'deflection') return 'deflection: largest displacement along the member against limit= (L/300 or a length)';
  }
  return undefined;
}

// ---- numbers -----------------------------------------------------------------------------------

function numberDoc(stmt: Statement, token: Token, cc: CursorContext, units: UnitSystem): string {
  const n = token.numberLength ?? token.text.length;
  const numText = token.text.slice(0, n);
  const unitText = token.text.slice(n);
  // A minus written right before the number belongs to it (`Fz=-4kN/m`).
  const k = stmt.tokens.indexOf(token);
  const prev = stmt.tokens[k - 1];
  const prev2 = stmt.tokens[k - 2];
  const negative = prev?.kind === 'minus' && !token.spaceBefore && (!prev2 || prev.spaceBefore || ['equals', 'comma', 'lparen'].includes(prev2.kind));
  const value = (negative ? -1 : 1) * Number(numText);
  const shown = `${negative ? '-' : ''}${token.text}`;
  if (unitText) {
    const u = parseUnit(unitText);
    if (!u.ok) return [fence(shown), u.message].join('\n\n');
    const si = value * u.unit.factor;
    const siText = siUnit(u.unit.dimension);
    const lines = [fence(shown), `${fmt(value)} ${prettyUnit(unitText)} = ${fmt(si)}${siText ? ` ${prettyUnit(siText)}` : ''} (SI), ${describeDimension(u.unit.dimension)}`];
    if (unitText === '%') lines[1] = `${fmt(value)} % = ${fmt(si)} (a fraction)`;
    // The value in the file's units, when that reads well (not 2.1e+8 kN/m²).
    const inFile = inFileUnits(si, u.unit.dimension, units);
    const plain = !/e[+-]/.test(inFile);
    if (plain && unitText !== '%' && !inFile.endsWith(` ${prettyUnit(unitText)}`) && !lines[1].includes(`= ${inFile} (SI)`)) lines.push(`= ${inFile} in this file's units`);
    return lines.join('\n\n');
  }
  const spec = slotValue(cc);
  const item = itemTokens(cc, token);
  const alone = item.length === 1 || (item.length === 2 && negative);
  const lines = [fence(shown)];
  if (spec?.type === 'quantity') {
    const u = bareUnit(spec, units);
    if (u === '') lines.push(`${fmt(value)}, a plain number`);
    else if (!alone) lines.push(`a bare number in an expression: in a product it is a plain factor; in a sum it takes the unit of the other terms${u ? ` (here ${prettyUnit(u)})` : ''}`);
    else if (u === undefined) lines.push(`${describeDimension(spec.dim)} needs a unit: this bare number has none under "units ${units.force.text} ${units.length.text}"`);
    else {
      const f = parseUnit(u);
      const si = f.ok ? value * f.unit.factor : value;
      lines.push(`read in ${prettyUnit(u)} (units ${units.force.text} ${units.length.text}): ${fmt(value)} ${prettyUnit(u)} = ${fmt(si)} ${prettyUnit(siUnit(spec.dim))} (SI)`);
    }
  } else if (spec?.type === 'position' || (spec?.type === 'deflection-limit' && cc.positional[0] === 'deflection' && alone)) {
    const si = value * units.length.factor;
    lines.push(`read in ${units.length.text}: a length from end i, ${fmt(value)} ${units.length.text} = ${fmt(si)} m (SI)`);
  } else if (spec?.type === 'deflection-limit') {
    lines.push(cc.positional[0] === 'stress' ? `a utilisation ratio: ${fmt(value)}` : `a plain number: L/${fmt(value)} allows the member's length divided by ${fmt(value)}`);
  } else if (cc.place.kind === 'expression' && cc.keyword.text === 'combination') {
    lines.push(`a load factor: ${fmt(value)}`);
  } else {
    lines.push(`${fmt(value)}, a bare number`);
  }
  return lines.join('\n\n');
}

function slotValue(cc: CursorContext): ValueSpec | undefined {
  const p = cc.place;
  if (p.kind === 'option') return p.spec?.value;
  if (p.kind === 'arg') return p.slot?.value;
  return undefined;
}

/** The tokens of the list item that holds `token`. */
function itemTokens(cc: CursorContext, token: Token): Token[] {
  const word = cc.word;
  const start = cc.place.kind === 'option' ? 2 : 0;
  let item: Token[] = [];
  let depth = 0;
  for (let k = start; k < word.length; k++) {
    const t = word[k];
    if (t.kind === 'lparen') depth++;
    if (t.kind === 'rparen') depth--;
    if (t.kind === 'comma' && depth === 0) {
      if (item.includes(token)) return item;
      item = [];
      continue;
    }
    item.push(t);
  }
  return item;
}

