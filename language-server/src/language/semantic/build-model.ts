// Builds the semantic model of a root file and its includes: collects the files, declares every
// name (in any order, across files), then reads each statement against the schema, and finally
// runs the model-wide checks.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DeclKind, KIND_LABEL, NAMESPACE, STATEMENTS, statementSpec } from '../schema';
import { TOP_KEYWORDS } from '../syntax/keywords';
import type { Range } from '../syntax/range';
import type { Statement, SyntaxTree } from '../syntax/syntax-tree';
import { DEFAULT_UNITS, UnitSystem, unitSystem } from '../units/unit-expression';
import { FORCE_UNITS, LENGTH_UNITS } from '../units/unit-table';
import { CODES } from './codes';
import type { Diagnostic, FixData, RelatedLocation, Severity } from './diagnostic';
import { evaluate } from './evaluate';
import { displayName, resolveInclude } from './includes';
import type { ConvertedValue, Decl, LoadCaseEntity, Model, ModelFile, Quantity, Ref } from './model';
import type { Splice } from '../syntax/reparse';
import { ReaderHost, StatementReader, UNKNOWN_CODES } from './statement-reader';
import { readStatement } from './statements';
import { closest, didYouMean } from './suggest';
import { validateModel } from './validate-model';

/** Supplies parsed documents (open editor buffers or files on disk), cached by the caller. */
export interface DocumentSource {
  get(uri: string): { text: string; tree: SyntaxTree } | undefined;
}

export interface BuildOptions {
  /** File-system path of the workspace root; includes may not leave it. Default: the root file's folder. */
  workspaceRoot?: string;
  /** Run the model-wide checks (supports, connectivity…). Off for a file that only serves as a library. */
  modelChecks?: boolean;
}

export function buildModel(rootUri: string, source: DocumentSource, options: BuildOptions = {}): Model {
  const b = new ModelBuilder(rootUri, source, options);
  return b.build();
}

class ModelBuilder {
  private readonly byNamespace = new Map<string, Map<string, Decl>>();
  private readonly entityByDecl = new Map<Decl, unknown>();
  readonly model: Model;
  private readonly constantsInProgress = new Set<string>();
  /** An include could not be read: names it would have declared are not reported as unknown. */
  private includeFailed = false;
  private readonly root: string | undefined;

  constructor(rootUri: string, private readonly source: DocumentSource, private readonly options: BuildOptions) {
    this.root = options.workspaceRoot ?? (rootUri.startsWith('file:') ? path.dirname(fileURLToPath(rootUri)) : undefined);
    this.model = {
      rootUri,
      meta: {},
      files: [],
      decls: [],
      refs: [],
      nodes: [],
      materials: [],
      sections: [],
      members: [],
      supports: [],
      groups: [],
      loadCases: [],
      combinations: [],
      checks: [],
      constants: [],
      includes: [],
      converted: [],
      diagnostics: [],
      lookup: (kind, name) => this.byNamespace.get(NAMESPACE[kind])?.get(name),
      entityOf: (decl) => this.entityByDecl.get(decl),
    };
  }

  build(): Model {
    this.collectFiles(this.model.rootUri, []);
    for (const file of this.model.files) this.declare(file);
    for (const file of this.model.files) this.read(file);
    this.validate();
    Object.defineProperty(this.model, BUILDER, { value: this, enumerable: false });
    return this.model;
  }

  // ---- what each statement contributed, for incremental updates -----------------------------

  /** Per statement: the diagnostics, references and converted values it produced, and its entity. */
  private readonly outputs = new Map<Statement, StatementOutputs>();
  /** Statements whose declaration was a duplicate (reported in the declaration pass). */
  private readonly duplicates = new Set<Statement>();
  /** Diagnostics of the model-wide checks and of the parser, per file. */
  private validation: Diagnostic[] = [];
  private readonly syntaxDiagnostics = new Map<string, Diagnostic[]>();

  private validate(): void {
    const start = this.model.diagnostics.length;
    validateModel(this.model, (uri, range, code, message, severity, related, data) => this.report(uri, range, code, message, severity, related, data), this.options.modelChecks !== false);
    this.validation = this.model.diagnostics.slice(start);
  }

  /** Lists of entities a statement may add to. */
  private entityLists(): unknown[][] {
    const m = this.model;
    return [m.nodes, m.materials, m.sections, m.members, m.supports, m.groups, m.loadCases, m.combinations, m.checks];
  }

  /**
   * Applies an incremental re-parse of one file: the statements in `splice.removed` were replaced
   * by `splice.added`. Returns false when the change touches what other statements depend on in
   * ways this cannot follow (declarations added or removed, constants, units, includes, load case
   * headers); the caller then builds the model anew.
   */
  update(uri: string, text: string, tree: SyntaxTree, splice: Splice): boolean {
    const file = this.model.files.find((f) => f.uri === uri);
    if (!file) return false;
    const all = [...splice.removed, ...splice.added];
    if (all.some((st) => FULL_REBUILD_KEYWORDS.has(st.keyword.text))) return false;
    if (splice.removed.some((st) => this.duplicates.has(st) || !this.outputs.has(st))) return false;
    const before = splice.removed.map((st) => this.declaredBy(st));
    const after = splice.added.map((st) => this.declaredBy(st));
    const key = (d: DeclaredName | undefined) => (d ? `${d.kind}\u0000${d.name}` : '');
    const sortedKeys = (xs: (DeclaredName | undefined)[]) => xs.map(key).filter(Boolean).sort().join('\u0001');
    if (sortedKeys(before) !== sortedKeys(after)) return false;
    // The same names are declared: keep each Decl object (other statements refer to it) and point it at its new statement.
    const declByKey = new Map<string, Decl>();
    for (const d of before) if (d) declByKey.set(key(d), this.model.lookup(d.kind, d.name)!);
    for (const d of after) {
      if (!d) continue;
      const decl = declByKey.get(key(d));
      if (!decl || decl.kind !== d.kind) return false;
      decl.statement = d.statement;
      decl.range = d.range;
    }

    // Forget what the removed statements produced.
    const dropDiags = new Set<Diagnostic>();
    const dropRefs = new Set<Ref>();
    const dropConverted = new Set<ConvertedValue>();
    const dropEntities = new Set<unknown>();
    for (const st of splice.removed) {
      const out = this.outputs.get(st)!;
      out.diagnostics.forEach((d) => dropDiags.add(d));
      out.refs.forEach((r) => dropRefs.add(r));
      out.converted.forEach((c) => dropConverted.add(c));
      out.entities.forEach((e) => dropEntities.add(e));
      this.outputs.delete(st);
    }
    for (const d of this.validation) dropDiags.add(d);
    for (const d of this.syntaxDiagnostics.get(uri) ?? []) dropDiags.add(d);

    file.text = text;
    file.tree = tree;
    const lists = this.entityLists();
    const owner = splice.parent ? this.model.loadCases.find((l) => l.decl.statement === splice.parent) : undefined;
    const listsAndLoads = owner ? [...lists, owner.loads] : lists;
    const firstDropped = listsAndLoads.map((list) => list.findIndex((e) => dropEntities.has(e)));
    const lengths = listsAndLoads.map((l) => l.length);
    const diagStart = this.model.diagnostics.length;
    const refStart = this.model.refs.length;
    const convStart = this.model.converted.length;

    const host = this.hostFor(file);
    for (const st of splice.added) this.readOne(st, splice.parent ? 'load' : 'top', host, file, splice.parent);

    // New entities were appended; move them to where the replaced ones stood (or, for a new
    // statement, where its line puts it), so the order is that of a fresh build.
    const fileIndex = this.model.files.indexOf(file);
    listsAndLoads.forEach((list, k) => {
      const added = list.splice(lengths[k]);
      if (added.length === 0 && firstDropped[k] < 0) return;
      const kept = list.filter((e) => !dropEntities.has(e));
      const insertAt = firstDropped[k] >= 0 ? countKeptBefore(list, firstDropped[k], dropEntities) : this.positionFor(kept, fileIndex, splice.firstLine);
      kept.splice(insertAt, 0, ...added);
      list.length = 0;
      for (const e of kept) list.push(e);
    });

    const newDiags = this.model.diagnostics.slice(diagStart);
    this.model.diagnostics = this.model.diagnostics.slice(0, diagStart).filter((d) => !dropDiags.has(d));
    this.model.refs = this.model.refs.slice(0, refStart).filter((r) => !dropRefs.has(r)).concat(this.model.refs.slice(refStart));
    this.model.converted = this.model.converted.slice(0, convStart).filter((c) => !dropConverted.has(c)).concat(this.model.converted.slice(convStart));
    const syntax = tree.errors.map((e) => this.makeDiagnostic(uri, e.range, e.code, e.message));
    this.syntaxDiagnostics.set(uri, syntax);
    this.model.diagnostics.push(...syntax, ...newDiags);
    this.validate();
    return true;
  }

  /** Where an entity of a statement at `line` of file `fileIndex` goes in a list in statement order. */
  private positionFor(list: unknown[], fileIndex: number, line: number): number {
    const files = this.model.files;
    const place = (e: unknown): number => {
      const x = e as { decl?: Decl; statement?: Statement; uri?: string };
      const st = x.decl?.statement ?? x.statement;
      const uri = x.decl?.uri ?? x.uri;
      const fi = files.findIndex((f) => f.uri === uri);
      return fi * 1e9 + (st?.firstLine ?? 0);
    };
    const target = fileIndex * 1e9 + line;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (place(list[mid]) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The name a statement declares, as the declaration pass reads it. */
  private declaredBy(stmt: Statement): DeclaredName | undefined {
    const slot = declaringSpec(stmt.keyword.text)?.args[0];
    if (!slot || slot.value.type !== 'decl') return undefined;
    const e = stmt.args[0]?.items[0];
    if (!e || e.kind !== 'name' || stmt.args[0].items.length !== 1) return undefined;
    return { kind: slot.value.kind, name: e.name, range: e.range, statement: stmt };
  }

  report(uri: string, range: Range, code: string, message: string, severity: Severity = 'error', related?: RelatedLocation[], data?: FixData[]): void {
    this.model.diagnostics.push(this.makeDiagnostic(uri, range, code, message, severity, related, data));
  }

  private makeDiagnostic(uri: string, range: Range, code: string, message: string, severity: Severity = 'error', related?: RelatedLocation[], data?: FixData[]): Diagnostic {
    const d: Diagnostic = { uri, range, severity, code, message };
    if (related?.length) d.related = related;
    if (data?.length) d.data = data;
    return d;
  }

  registerEntity(decl: Decl | undefined, entity: unknown): void {
    if (decl) this.entityByDecl.set(decl, entity);
  }

  // ---- files -------------------------------------------------------------------------------

  /** `stack`: the files above this one, each with the range of its include that led here. */
  private collectFiles(uri: string, stack: { uri: string; range: Range }[]): void {
    const doc = this.source.get(uri);
    if (!doc) return;
    const file: ModelFile = { uri, text: doc.text, tree: doc.tree, units: this.fileUnits(uri, doc.tree) };
    this.model.files.push(file);
    const syntax = doc.tree.errors.map((e) => this.makeDiagnostic(uri, e.range, e.code, e.message));
    this.syntaxDiagnostics.set(uri, syntax);
    this.model.diagnostics.push(...syntax);
    for (const stmt of doc.tree.statements) {
      if (stmt.keyword.text !== 'include') continue;
      const arg = stmt.args[0]?.items[0];
      if (!arg || arg.kind !== 'string' || arg.value === undefined) continue; // reported when the statement is read
      const inc = { uri, statement: stmt, path: arg.value, target: undefined as string | undefined };
      this.model.includes.push(inc);
      const res = resolveInclude(uri, arg.value, this.root);
      if (!res.ok) {
        this.report(uri, arg.range, res.reason === 'outside-root' ? CODES.includeOutsideRoot : CODES.includeNotFound, res.message);
        this.includeFailed = true;
        continue;
      }
      inc.target = res.uri;
      const chain = [...stack, { uri, range: arg.range }];
      const start = chain.findIndex((c) => c.uri === res.uri);
      if (start >= 0) {
        // Reported on the include where the cycle starts, in the file nearest the root.
        const names = [...chain.slice(start).map((c) => c.uri), res.uri].map(displayName).join(' → ');
        const at = chain[start];
        this.report(at.uri, at.range, CODES.includeCycle, `Include cycle: ${names}`, 'error', at.uri === uri ? undefined : [{ uri, range: arg.range, message: 'the cycle closes here' }]);
        continue;
      }
      if (this.model.files.some((f) => f.uri === res.uri)) continue; // included twice: read once
      if (!this.source.get(res.uri)) {
        this.report(uri, arg.range, CODES.includeNotFound, `Cannot find "${arg.value}": no such file, relative to this file's folder`);
        this.includeFailed = true;
        continue;
      }
      this.collectFiles(res.uri, chain);
    }
  }

  private fileUnits(uri: string, tree: SyntaxTree): UnitSystem {
    const stmts = tree.statements.filter((s) => s.keyword.text === 'units');
    if (stmts.length === 0) return DEFAULT_UNITS;
    for (const extra of stmts.slice(1)) {
      this.report(uri, extra.range, CODES.duplicateOption, 'This file already sets its units', 'error', [{ uri, range: stmts[0].range, message: 'units set here' }]);
    }
    const s = stmts[0];
    const word = (i: number, allowed: readonly string[], label: string): string | undefined => {
      const a = s.args[i];
      const e = a?.items[0];
      if (!e) return undefined;
      if (e.kind === 'name' && allowed.includes(e.name)) return e.name;
      const text = e.kind === 'name' ? e.name : a.tokens.map((t) => t.text).join('');
      const dym = didYouMean(text, allowed);
      this.report(uri, a.range, CODES.unknownUnit, `Unknown ${label} unit "${text}"${dym.text || `: expected one of ${allowed.join(' ')}`}`, 'error', undefined,
        dym.suggestion ? [{ fix: 'replace', replacement: dym.suggestion }] : undefined);
      return undefined;
    };
    const f = word(0, FORCE_UNITS, 'force');
    const l = word(1, LENGTH_UNITS, 'length');
    return unitSystem(f ?? 'kN', l ?? 'm');
  }

  // ---- declarations ------------------------------------------------------------------------

  private declare(file: ModelFile): void {
    for (const stmt of file.tree.statements) {
      // A misspelt keyword (`nod N5 …`) still declares its name as the keyword it resembles, so
      // the one typo does not also make every use of N5 unknown.
      const spec = declaringSpec(stmt.keyword.text);
      const slot = spec?.args[0];
      if (!spec || !slot || slot.value.type !== 'decl') continue;
      const e = stmt.args[0]?.items[0];
      if (!e || e.kind !== 'name' || stmt.args[0].items.length !== 1) continue;
      this.addDecl({ kind: slot.value.kind, name: e.name, uri: file.uri, range: e.range, statement: stmt });
    }
  }

  private addDecl(decl: Decl): void {
    const ns = NAMESPACE[decl.kind];
    let table = this.byNamespace.get(ns);
    if (!table) this.byNamespace.set(ns, (table = new Map()));
    const first = table.get(decl.name);
    if (first) {
      this.duplicates.add(decl.statement);
      const what = first.kind === decl.kind ? KIND_LABEL[decl.kind] : `${KIND_LABEL[decl.kind]} (a ${KIND_LABEL[first.kind]} has this name)`;
      this.report(decl.uri, decl.range, CODES.duplicateDeclaration, `Duplicate ${what} "${decl.name}"`, 'error', [
        { uri: first.uri, range: first.range, message: `"${decl.name}" first declared here` },
      ]);
      return;
    }
    table.set(decl.name, decl);
    this.model.decls.push(decl);
  }

  // ---- statements --------------------------------------------------------------------------

  private read(file: ModelFile): void {
    const host = this.hostFor(file);
    for (const stmt of file.tree.statements) {
      this.readOne(stmt, 'top', host, file);
      if (stmt.body) for (const inner of stmt.body) this.readOne(inner, 'load', host, file, stmt);
    }
  }

  private readOne(stmt: Statement, where: 'top' | 'load', host: ReaderHost, file: ModelFile, parent?: Statement): void {
    // Runs once per statement of a large model: record what it produced without allocating
    // more than the outputs themselves.
    const m = this.model;
    const d0 = m.diagnostics.length;
    const r0 = m.refs.length;
    const c0 = m.converted.length;
    const lists = this.lists ??= this.entityLists();
    const owner = parent ? this.ownerOf(parent) : undefined;
    const lengths = this.listLengths;
    for (let k = 0; k < lists.length; k++) lengths[k] = lists[k].length;
    const loads0 = owner ? owner.loads.length : 0;
    this.readStatementOnce(stmt, where, host, file, parent);
    let entities: unknown[] = NONE;
    for (let k = 0; k < lists.length; k++) if (lists[k].length > lengths[k]) entities = entities.concat(lists[k].slice(lengths[k]));
    if (owner && owner.loads.length > loads0) entities = entities.concat(owner.loads.slice(loads0));
    this.outputs.set(stmt, {
      diagnostics: m.diagnostics.length > d0 ? m.diagnostics.slice(d0) : NONE,
      refs: m.refs.length > r0 ? m.refs.slice(r0) : NONE,
      converted: m.converted.length > c0 ? m.converted.slice(c0) : NONE,
      entities,
    } as StatementOutputs);
  }

  /** The entity lists, made once (their identity never changes). */
  private lists?: unknown[][];
  private readonly listLengths = new Int32Array(16);
  private readonly owners = new Map<Statement, LoadCaseEntity>();

  /** The load case a load block's statement belongs to. */
  private ownerOf(block: Statement): LoadCaseEntity | undefined {
    let o = this.owners.get(block);
    if (!o) {
      o = this.model.loadCases.find((l) => l.decl.statement === block);
      if (o) this.owners.set(block, o);
    }
    return o;
  }

  private readStatementOnce(stmt: Statement, where: 'top' | 'load', host: ReaderHost, file: ModelFile, parent?: Statement): void {
    const kw = stmt.keyword.text;
    const spec = statementSpec(kw);
    const kwRange: Range = { start: { line: stmt.keyword.line, character: stmt.keyword.col }, end: { line: stmt.keyword.line, character: stmt.keyword.endCol } };
    if (!spec || kw === 'end') {
      if (kw === 'end') {
        this.report(file.uri, kwRange, CODES.misplacedStatement, '"end" without an open load case');
        return;
      }
      const candidates = where === 'load' ? STATEMENTS.filter((s) => s.context === 'load').map((s) => s.keyword) : [...TOP_KEYWORDS, ...STATEMENTS.filter((s) => s.context === 'load').map((s) => s.keyword)];
      const dym = didYouMean(kw, candidates);
      this.report(file.uri, kwRange, CODES.unknownStatement, `Unknown statement "${kw}"${dym.text}`, 'error', undefined,
        dym.suggestion ? [{ fix: 'replace', replacement: dym.suggestion }] : undefined);
      return;
    }
    if (spec.context !== where) {
      const msg = where === 'top' ? `"${kw}" belongs inside a load case (load NAME … end)` : `"${kw}" cannot stand inside a load case`;
      this.report(file.uri, kwRange, CODES.misplacedStatement, msg);
      return;
    }
    const reader = new StatementReader(stmt, spec, host);
    readStatement(reader, this, file, parent);
  }

  private hostFor(file: ModelFile): ReaderHost {
    return {
      uri: file.uri,
      units: file.units,
      converted: this.model.converted,
      report: (range, code, message, severity, related, data) => this.report(file.uri, range, code, message, severity, related, data),
      constant: (name, range) => this.constant(name, range, file.uri),
      resolve: (name, kinds, range) => this.resolve(name, kinds, range, file.uri),
    };
  }

  resolve(name: string, kinds: readonly DeclKind[], range: Range, uri: string): Ref {
    const ref: Ref = { name, kinds, uri, range };
    for (const k of kinds) {
      const d = this.byNamespace.get(NAMESPACE[k])?.get(name);
      if (d && kinds.includes(d.kind)) {
        ref.target = d;
        break;
      }
    }
    this.model.refs.push(ref);
    if (!ref.target && !this.includeFailed) {
      const candidates: string[] = [];
      for (const k of kinds) for (const [n, d] of this.byNamespace.get(NAMESPACE[k]) ?? []) if (kinds.includes(d.kind)) candidates.push(n);
      const dym = didYouMean(name, candidates);
      const label = kinds.map((k) => KIND_LABEL[k]).filter((v, i, a) => a.indexOf(v) === i).join(' or ');
      const data: FixData[] = [];
      if (dym.suggestion) data.push({ fix: 'replace', replacement: dym.suggestion });
      if (kinds[0] === 'node') data.push({ fix: 'create-node', name });
      if (kinds[0] === 'section') data.push({ fix: 'create-section', name });
      if (kinds[0] === 'material') data.push({ fix: 'create-material', name });
      this.report(uri, range, UNKNOWN_CODES[kinds[0]], `Unknown ${label} "${name}"${dym.text}`, 'error', undefined, data);
    }
    return ref;
  }

  /** A constant used in an expression: resolved, then evaluated on first use. */
  constant(name: string, range: Range, uri: string): Quantity | undefined {
    const decl = this.resolve(name, ['constant'], range, uri).target;
    return decl ? this.evaluateConstant(decl, range, uri) : undefined;
  }

  /** Evaluates a `let` constant once (declarations come in any order), detecting cycles. */
  evaluateConstant(decl: Decl, usedAt?: Range, usedIn?: string): Quantity | undefined {
    const done = this.entityByDecl.get(decl) as { value?: Quantity } | undefined;
    if (done) return done.value;
    if (this.constantsInProgress.has(decl.name)) {
      this.report(usedIn ?? decl.uri, usedAt ?? decl.range, CODES.constantCycle, `Constant "${decl.name}" is defined in terms of itself`, 'error', [
        { uri: decl.uri, range: decl.range, message: `"${decl.name}" declared here` },
      ]);
      return undefined;
    }
    const file = this.model.files.find((f) => f.uri === decl.uri)!;
    const expr = decl.statement.expression;
    this.constantsInProgress.add(decl.name);
    const host = this.hostFor(file);
    const value = expr ? evaluate(expr, { units: file.units, angle: 'deg', constant: host.constant, report: host.report }) : undefined;
    this.constantsInProgress.delete(decl.name);
    const entity = { decl, expression: expr, value };
    this.entityByDecl.set(decl, entity);
    this.model.constants.push(entity);
    return value;
  }
}

export type { ModelBuilder };

/** A shared empty list for statements that produced nothing of a kind (never mutated). */
const NONE: never[] = [];

interface StatementOutputs {
  diagnostics: Diagnostic[];
  refs: Ref[];
  converted: ConvertedValue[];
  entities: unknown[];
}

interface DeclaredName {
  kind: DeclKind;
  name: string;
  range: Range;
  statement: Statement;
}

/** Statements others depend on in ways an incremental update does not follow. */
const FULL_REBUILD_KEYWORDS = new Set(['let', 'units', 'include', 'load', 'end', 'model', 'meta']);

const BUILDER = Symbol('struktur.modelBuilder');

const DECLARING_KEYWORDS = STATEMENTS.filter((s) => s.args[0]?.value.type === 'decl').map((s) => s.keyword);

/** The schema a statement declares its name by: its own, or a misspelt keyword's closest. */
function declaringSpec(keyword: string) {
  return statementSpec(keyword) ?? statementSpec(closest(keyword, DECLARING_KEYWORDS) ?? '');
}

/** Index, among the entries of `list` not in `dropped`, of the entry at `index`. */
function countKeptBefore(list: unknown[], index: number, dropped: Set<unknown>): number {
  let n = 0;
  for (let i = 0; i < index; i++) if (!dropped.has(list[i])) n++;
  return n;
}

/**
 * Updates a model after an incremental re-parse of one of its files; false when the model must
 * be built anew instead.
 */
export function updateModel(model: Model, uri: string, text: string, tree: SyntaxTree, splice: Splice): boolean {
  const builder = (model as unknown as Record<symbol, ModelBuilder | undefined>)[BUILDER];
  return builder ? builder.update(uri, text, tree, splice) : false;
}
