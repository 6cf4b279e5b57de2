// What each statement contributes to the model. One function per keyword; each reads its
// arguments through the StatementReader, which reports problems on the exact argument.
import { deriveShapeProperties, findGrade, findSection, sectionNames, gradeNames } from '../catalog';
import type { SectionDimensions, SectionProperties } from '../catalog/types';
import { DOF_NAMES, RELEASE_NAMES, optionSpec } from '../schema';
import type { Expr, Statement } from '../syntax/syntax-tree';
import { describeDimension, isDimensionless } from '../units/dimension';
import { evaluate } from './evaluate';
import { CODES } from './codes';
import type { ModelBuilder } from './build-model';
import type {
  CheckEntity, CombinationEntity, Decl, Flags6, GroupEntity, LoadCaseEntity, LoadEntry, MaterialEntity, MemberEntity, ModelFile,
  NodeEntity, SectionEntity, Six, SupportEntity,
} from './model';
import type { StatementReader } from './statement-reader';
import { didYouMean } from './suggest';

type Handler = (r: StatementReader, b: ModelBuilder, file: ModelFile, parent?: Statement) => void;

const HANDLERS: Record<string, Handler> = {
  model: readModelTitle,
  meta: readMeta,
  units: () => undefined, // read per file before everything else (build-model.ts)
  include: readInclude,
  let: readLet,
  material: readMaterial,
  section: readSection,
  node: readNode,
  member: readMember,
  support: readSupport,
  group: readGroup,
  load: readLoad,
  selfweight: readLoadEntry,
  nodal: readLoadEntry,
  uniform: readLoadEntry,
  point: readLoadEntry,
  trapezoid: readLoadEntry,
  displacement: readLoadEntry,
  combination: readCombination,
  check: readCheck,
};

export function readStatement(r: StatementReader, b: ModelBuilder, file: ModelFile, parent?: Statement): void {
  HANDLERS[r.spec.keyword]?.(r, b, file, parent);
}

function declOf(r: StatementReader, b: ModelBuilder): Decl | undefined {
  const e = r.stmt.args[0]?.items[0];
  if (!e || e.kind !== 'name') {
    if (e && e.kind !== 'error') r.host.report(e.range, CODES.invalidValue, `Expected a name for the ${r.spec.keyword}, got "${r.stmt.args[0].tokens.map((t) => t.text).join('')}"`);
    return undefined;
  }
  const slot = r.spec.args[0].value;
  if (slot.type !== 'decl') return undefined;
  const d = b.model.lookup(slot.kind, e.name);
  // A duplicate keeps the first declaration; the later statement is still read for errors.
  return d && d.statement === r.stmt ? d : undefined;
}

function readModelTitle(r: StatementReader, b: ModelBuilder, file: ModelFile): void {
  const title = r.string(r.single(r.arg('title'), 'The title'), 'The model title');
  if (title !== undefined && file.uri === b.model.rootUri) b.model.title = title;
}

function readMeta(r: StatementReader, b: ModelBuilder): void {
  for (const [key, opt] of r.options) {
    const e = opt.value?.items[0];
    if (!e) continue;
    if (e.kind === 'string') b.model.meta[key] = e.value ?? '';
    else if (e.kind === 'name' || e.kind === 'number') b.model.meta[key] = opt.value!.tokens.map((t) => t.text).join('');
    else r.host.report(e.range, CODES.invalidValue, `meta ${key} expects a string in double quotes`);
  }
}

function readInclude(r: StatementReader): void {
  r.string(r.single(r.arg('path'), 'The include path'), 'The include path');
}

function readLet(r: StatementReader, b: ModelBuilder): void {
  const decl = declOf(r, b);
  if (decl) b.evaluateConstant(decl);
}

function readMaterial(r: StatementReader, b: ModelBuilder): void {
  const decl = declOf(r, b);
  const m: MaterialEntity = { decl: decl!, nu: 0.3 };
  let gradeGiven = false;
  const gradeOpt = r.options.get('grade');
  if (gradeOpt?.value) {
    const e = r.single(gradeOpt.value, 'grade');
    // `grade=C30/37` reads as an expression; the designation is the text as written.
    const text = e?.kind === 'string' ? e.value : e ? gradeOpt.value.tokens.map((t) => t.text).join('') : undefined;
    if (e && text !== undefined) {
      const g = findGrade(text);
      if (!g) {
        const dym = didYouMean(text, gradeNames());
        r.host.report(e.range, CODES.unknownGrade, `Unknown grade "${text}"${dym.text || ': expected an EN 10025 steel (S235, S355, …) or an EN 206 concrete (C30_37, "C30/37")'}`, 'error', undefined,
          dym.suggestion ? [{ fix: 'replace', replacement: dym.suggestion }] : undefined);
      } else {
        gradeGiven = true;
        Object.assign(m, { grade: g.name, E: g.E, G: g.G, nu: g.nu, density: g.density, weight: g.weight, fy: g.fy });
      }
    }
  }
  // Explicit values override the grade's.
  const E = r.optQuantity('E');
  const G = r.optQuantity('G');
  const nu = r.optQuantity('nu');
  const weight = r.optQuantity('weight');
  const density = r.optQuantity('density');
  const fy = r.optQuantity('fy');
  if (E !== undefined) m.E = E;
  if (nu !== undefined) m.nu = nu;
  if (G !== undefined) m.G = G;
  else if (m.E !== undefined && (E !== undefined || nu !== undefined || !gradeGiven)) m.G = m.E / (2 * (1 + m.nu));
  if (r.options.has('weight') || r.options.has('density')) m.weightGiven = true;
  if (weight !== undefined) m.weight = weight;
  if (density !== undefined) m.density = density;
  if (fy !== undefined) m.fy = fy;
  if (!gradeGiven && !r.options.has('E') && !gradeOpt) {
    r.reportMissing(nameRange(r), `material ${decl?.name ?? ''} needs E= (Young's modulus) or grade=`.replace('  ', ' '));
  }
  if (decl) {
    b.model.materials.push(m);
    b.registerEntity(decl, m);
  }
}

function readSection(r: StatementReader, b: ModelBuilder): void {
  const decl = declOf(r, b);
  const s: SectionEntity = { decl: decl!, source: 'none' };
  const matOpt = r.options.get('material');
  if (matOpt?.value) s.material = r.ref(r.single(matOpt.value, 'material'), ['material'], 'material')?.target;
  else r.reportMissing(nameRange(r), `section ${decl?.name ?? ''} needs material=`.replace('  ', ' '));

  const explicit: Partial<SectionProperties> = {};
  for (const key of ['A', 'Iy', 'Iz', 'J', 'Wy', 'Wz', 'Avy', 'Avz'] as const) {
    const v = r.optQuantity(key);
    if (v !== undefined) explicit[key] = v;
  }
  const catOpt = r.options.get('catalog');
  const shape = r.optWord('shape');
  if (catOpt?.value) {
    const e = r.single(catOpt.value, 'catalog');
    const text = e?.kind === 'name' ? e.name : e?.kind === 'string' ? e.value : undefined;
    if (e && text === undefined) r.host.report(e.range, CODES.invalidValue, 'catalog expects a section designation such as IPE300');
    if (e && text !== undefined) {
      const cs = findSection(text);
      if (!cs) {
        const dym = didYouMean(text, sectionNames());
        r.host.report(e.range, CODES.unknownCatalogSection, `Unknown catalogue section "${text}"${dym.text}`, 'error', undefined,
          dym.suggestion ? [{ fix: 'replace', replacement: dym.suggestion }] : undefined);
      } else {
        s.source = 'catalog';
        s.catalogName = cs.name;
        s.properties = { ...cs.properties, ...explicit };
      }
    }
    if (shape) r.host.report(r.options.get('shape')!.range, CODES.invalidValue, 'Give either catalog= or shape=, not both');
  } else if (shape) {
    s.shape = shape;
    const dims: SectionDimensions = {};
    for (const key of ['b', 'h', 'd', 't', 'tw', 'tf', 'r'] as const) {
      const v = r.optQuantity(key);
      if (v !== undefined) dims[key] = v;
    }
    const res = deriveShapeProperties(shape as 'rect' | 'pipe' | 'box' | 'i', dims);
    if (res.ok) {
      s.source = 'shape';
      s.dimensions = dims;
      s.properties = { ...res.properties, ...explicit };
    } else if (!hasDimensionErrors(r, ['b', 'h', 'd', 't', 'tw', 'tf', 'r'], dims)) {
      // Put the diagnostic on the dimension the message is about (`t (88 mm) must not exceed d/2`).
      const about = /^(\w+)\b/.exec(res.message)?.[1];
      const opt = (about && about !== 'shape' && r.options.get(about)) || r.options.get('shape')!;
      r.host.report(opt.range, CODES.invalidShape, res.message);
    }
  } else {
    const missing = (['A', 'Iy', 'Iz', 'J'] as const).filter((k) => !r.options.has(k));
    if (missing.length === 0) {
      if (explicit.A !== undefined && explicit.Iy !== undefined && explicit.Iz !== undefined && explicit.J !== undefined) {
        s.source = 'explicit';
        s.properties = explicit as SectionProperties;
      }
    } else if (missing.length === 4) {
      r.reportMissing(nameRange(r), `section ${decl?.name ?? ''} needs catalog=, shape= or its properties A, Iy, Iz and J`.replace('  ', ' '));
    } else {
      r.reportMissing(nameRange(r), `section ${decl?.name ?? ''} needs ${missing.join(', ')} as well`.replace('  ', ' '));
    }
  }
  if (decl) {
    b.model.sections.push(s);
    b.registerEntity(decl, s);
  }
}

/** True when a dimension option was given but rejected (already reported). */
function hasDimensionErrors(r: StatementReader, keys: (keyof SectionDimensions)[], dims: SectionDimensions): boolean {
  return keys.some((k) => r.has(k) && dims[k] === undefined);
}

function readNode(r: StatementReader, b: ModelBuilder): void {
  const decl = declOf(r, b);
  const xyz = (['x', 'y', 'z'] as const).map((k) => {
    const spec = r.spec.args.find((a) => a.name === k)!.value;
    return spec.type === 'quantity' ? r.quantity(r.single(r.arg(k), k), spec, `Coordinate ${k}`) : undefined;
  });
  const n: NodeEntity = { decl: decl! };
  if (xyz.every((v) => v !== undefined)) n.xyz = xyz as [number, number, number];
  if (decl) {
    b.model.nodes.push(n);
    b.registerEntity(decl, n);
  }
}

const NO_RELEASE = (): Flags6 => [false, false, false, false, false, false];

function readMember(r: StatementReader, b: ModelBuilder): void {
  const decl = declOf(r, b);
  const m: MemberEntity = { decl: decl!, roll: 0, releaseI: NO_RELEASE(), releaseJ: NO_RELEASE(), truss: false };
  m.i = r.ref(r.single(r.arg('i'), 'Node i'), ['node'], 'Node i')?.target;
  m.j = r.ref(r.single(r.arg('j'), 'Node j'), ['node'], 'Node j')?.target;
  m.section = r.ref(r.single(r.arg('section'), 'The section'), ['section'], 'The section')?.target;
  m.roll = r.optQuantity('roll') ?? 0;
  const hinge = r.optWord('hinge');
  if (hinge === 'i' || hinge === 'both') m.releaseI[4] = m.releaseI[5] = true;
  if (hinge === 'j' || hinge === 'both') m.releaseJ[4] = m.releaseJ[5] = true;
  for (const [key, flags] of [['release_i', m.releaseI], ['release_j', m.releaseJ]] as const) {
    const opt = r.options.get(key);
    if (!opt?.value) continue;
    for (const item of opt.value.items) {
      const w = r.word(item.kind === 'error' ? undefined : item, RELEASE_NAMES, 'release');
      if (w) flags[RELEASE_NAMES.indexOf(w as (typeof RELEASE_NAMES)[number])] = true;
    }
  }
  m.truss = r.optWord('type') === 'truss';
  if (decl) {
    b.model.members.push(m);
    b.registerEntity(decl, m);
  }
}

function readSupport(r: StatementReader, b: ModelBuilder, file: ModelFile): void {
  const s: SupportEntity = { uri: file.uri, statement: r.stmt, restrained: NO_RELEASE(), springs: [0, 0, 0, 0, 0, 0] };
  s.node = r.ref(r.single(r.arg('node'), 'The node'), ['node'], 'The supported node')?.target;
  for (const a of r.slots.get('restraints') ?? []) {
    for (const item of a.items) {
      const w = r.word(item.kind === 'error' ? undefined : item, ['fixed', 'pinned', ...DOF_NAMES], 'restraint');
      if (w === 'fixed') s.restrained.fill(true);
      else if (w === 'pinned') s.restrained[0] = s.restrained[1] = s.restrained[2] = true;
      else if (w) s.restrained[DOF_NAMES.indexOf(w as (typeof DOF_NAMES)[number])] = true;
    }
  }
  (['kx', 'ky', 'kz', 'krx', 'kry', 'krz'] as const).forEach((key, i) => {
    const v = r.optQuantity(key);
    if (v === undefined) return;
    if (s.restrained[i]) {
      r.host.report(r.options.get(key)!.range, CODES.springOnRestrained, `${key} is a spring on ${DOF_NAMES[i]}, which this support already restrains: remove one of them`);
      return;
    }
    s.springs[i] = v;
  });
  if (r.stmt.args.length === 1 && r.stmt.options.length === 0) {
    r.host.report(r.stmt.range, CODES.missingArgument, 'support needs restraints (fixed, pinned, or DOFs x y z rx ry rz) or springs (kx=…)');
  }
  b.model.supports.push(s);
}

function readGroup(r: StatementReader, b: ModelBuilder): void {
  const decl = declOf(r, b);
  const g: GroupEntity = { decl: decl!, refs: [] };
  for (const a of r.slots.get('members') ?? []) g.refs.push(...r.refs(a, ['member', 'group'], 'A group member'));
  if (decl) {
    b.model.groups.push(g);
    b.registerEntity(decl, g);
  }
}

function readLoad(r: StatementReader, b: ModelBuilder): void {
  const decl = declOf(r, b);
  const lc: LoadCaseEntity = { decl: decl!, loads: [] };
  const desc = r.arg('description');
  if (desc) lc.description = r.string(r.single(desc, 'The description'), 'The description');
  lc.category = r.optWord('category');
  if (decl) {
    b.model.loadCases.push(lc);
    b.registerEntity(decl, lc);
  }
}

function six(r: StatementReader, keys: readonly string[]): Six {
  return keys.map((k) => r.optQuantity(k) ?? 0) as Six;
}

const FORCE_KEYS = ['Fx', 'Fy', 'Fz', 'Mx', 'My', 'Mz'] as const;

function readLoadEntry(r: StatementReader, b: ModelBuilder, file: ModelFile, parent?: Statement): void {
  const owner = parent && b.model.loadCases.find((l) => l.decl.statement === parent);
  const base = { uri: file.uri, statement: r.stmt };
  const target = () => r.ref(r.single(r.arg('target'), 'The target'), ['member', 'group'], 'The loaded member')?.target;
  const noComponents = () => {
    if (![...r.options.keys()].some((k) => (FORCE_KEYS as readonly string[]).includes(k) || ['x', 'y', 'z', 'rx', 'ry', 'rz'].includes(k))) {
      r.reportMissing(r.stmt.range, `${r.spec.keyword} needs at least one component (${r.spec.options.filter((o) => !['from', 'to', 'at'].includes(o.key)).map((o) => o.key).join(' ')})`);
    }
  };
  let entry: LoadEntry | undefined;
  switch (r.spec.keyword) {
    case 'selfweight': {
      const f = r.arg('factor');
      const spec = r.spec.args[0].value;
      const factor = f && spec.type === 'quantity' ? r.quantity(r.single(f, 'factor'), spec, 'The selfweight factor') : 1;
      entry = { ...base, kind: 'selfweight', factor: factor ?? 1 };
      break;
    }
    case 'nodal':
      noComponents();
      entry = { ...base, kind: 'nodal', node: r.ref(r.single(r.arg('node'), 'The node'), ['node'], 'The loaded node')?.target, values: six(r, FORCE_KEYS) };
      break;
    case 'displacement': {
      noComponents();
      const values = (['x', 'y', 'z', 'rx', 'ry', 'rz'] as const).map((k) => (r.has(k) ? r.optQuantity(k) ?? null : null));
      entry = { ...base, kind: 'displacement', node: r.ref(r.single(r.arg('node'), 'The node'), ['node'], 'The node')?.target, values };
      break;
    }
    case 'uniform':
      noComponents();
      entry = { ...base, kind: 'uniform', target: target(), local: r.local, values: six(r, FORCE_KEYS), from: r.position('from'), to: r.position('to') };
      break;
    case 'point':
      noComponents();
      if (!r.options.has('at')) r.reportMissing(r.stmt.range, 'point needs at= (a length from end i, or a percentage)');
      entry = { ...base, kind: 'point', target: target(), local: r.local, values: six(r, FORCE_KEYS), at: r.position('at') };
      break;
    case 'trapezoid': {
      noComponents();
      const start: number[] = [0, 0, 0, 0, 0, 0];
      const end: number[] = [0, 0, 0, 0, 0, 0];
      FORCE_KEYS.forEach((k, i) => {
        if (!optionSpec(r.spec, k)) return;
        const pair = r.optQuantityList(k, 2);
        if (pair) [start[i], end[i]] = pair;
      });
      entry = { ...base, kind: 'trapezoid', target: target(), local: r.local, start: start as Six, end: end as Six, from: r.position('from'), to: r.position('to') };
      break;
    }
  }
  if (entry && owner) owner.loads.push(entry);
}

function readCombination(r: StatementReader, b: ModelBuilder): void {
  const decl = declOf(r, b);
  const c: CombinationEntity = { decl: decl!, type: (r.optWord('type') as 'ULS' | 'SLS' | undefined) ?? 'ULS', terms: [] };
  const expr = r.stmt.expression;
  if (!expr) {
    r.host.report(r.stmt.range, CODES.missingArgument, `combination ${decl?.name ?? ''} needs terms: combination NAME 1.35*DEAD + 1.5*LIVE`.replace('  ', ' '));
  } else {
    collectTerms(expr, 1, r, c, b);
  }
  if (decl) {
    b.model.combinations.push(c);
    b.registerEntity(decl, c);
  }
}

/** Flattens `1.35*DEAD + 1.5*(LIVE - WIND)` into factored references to cases. */
function collectTerms(e: Expr, factor: number, r: StatementReader, c: CombinationEntity, b: ModelBuilder): void {
  switch (e.kind) {
    case 'name':
      c.terms.push({ ref: r.host.resolve(e.name, ['load', 'combination'], e.range), factor });
      return;
    case 'paren':
      return collectTerms(e.expr, factor, r, c, b);
    case 'unary':
      return collectTerms(e.operand, e.op === '-' ? -factor : factor, r, c, b);
    case 'binary': {
      if (e.op === '+' || e.op === '-') {
        collectTerms(e.left, factor, r, c, b);
        collectTerms(e.right, e.op === '-' ? -factor : factor, r, c, b);
        return;
      }
      // FACTOR*CASE, CASE*FACTOR or CASE/FACTOR; the factor may use constants (`gG*DEAD`).
      const rightIsCase = e.op === '*' && (namesCase(e.right, b) || (!namesCase(e.left, b) && e.right.kind !== 'number'));
      const [num, term] = rightIsCase ? [e.left, e.right] : [e.right, e.left];
      const f = scalar(num, r);
      if (f === undefined) return;
      if (e.op === '/' && f === 0) {
        r.host.report(num.range, CODES.divisionByZero, 'Division by zero');
        return;
      }
      collectTerms(term, e.op === '/' ? factor / f : factor * f, r, c, b);
      return;
    }
    case 'number':
      r.host.report(e.range, CODES.invalidValue, 'A combination term needs a load case: write FACTOR*CASE');
      return;
    case 'string':
      r.host.report(e.range, CODES.invalidValue, 'Expected terms such as 1.35*DEAD');
      return;
    case 'error':
      return;
  }
}

function namesCase(e: Expr, b: ModelBuilder): boolean {
  switch (e.kind) {
    case 'name':
      return b.model.lookup('load', e.name) !== undefined;
    case 'paren':
      return namesCase(e.expr, b);
    case 'unary':
      return namesCase(e.operand, b);
    case 'binary':
      return namesCase(e.left, b) || namesCase(e.right, b);
    default:
      return false;
  }
}

function scalar(e: Expr, r: StatementReader): number | undefined {
  const q = evaluate(e, r.evalContext(undefined));
  if (!q) return undefined;
  if (q.dim !== null && !isDimensionless(q.dim)) {
    r.host.report(e.range, CODES.wrongDimension, `A combination factor must be a plain number, got ${describeDimension(q.dim)}`);
    return undefined;
  }
  return q.value;
}

function readCheck(r: StatementReader, b: ModelBuilder, file: ModelFile): void {
  const kind = r.word(r.single(r.arg('kind'), 'The check'), ['stress', 'deflection'], 'check') as 'stress' | 'deflection' | undefined;
  if (!kind) return;
  const c: CheckEntity = { uri: file.uri, statement: r.stmt, kind, members: [], combinations: [] };
  if (!r.options.has('limit')) r.reportMissing(r.stmt.range, `check ${kind} needs limit= (${kind === 'stress' ? 'a utilisation such as 1.0' : 'L/300 or a length'})`);
  c.limit = r.limit(kind);
  c.members = r.refs(r.options.get('members')?.value, ['member', 'group'], 'members');
  c.combinations = r.refs(r.options.get('combinations')?.value, ['combination', 'load'], 'combinations');
  b.model.checks.push(c);
}

function nameRange(r: StatementReader) {
  return r.stmt.args[0]?.range ?? { start: { line: r.stmt.keyword.line, character: r.stmt.keyword.col }, end: { line: r.stmt.keyword.line, character: r.stmt.keyword.endCol } };
}
