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
import type { Decl, Model, ModelFile, Quantity, Ref } from './model';
import { ReaderHost, StatementReader, UNKNOWN_CODES } from './statement-reader';
import { readStatement } from './statements';
import { didYouMean } from './suggest';
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
  private readonly diagnostics: Diagnostic[] = [];
  private readonly byNamespace = new Map<string, Map<string, Decl>>();
  private readonly entityByDecl = new Map<Decl, unknown>();
  readonly model: Model;
  private readonly constantsInProgress = new Set<string>();
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
      diagnostics: this.diagnostics,
      lookup: (kind, name) => this.byNamespace.get(NAMESPACE[kind])?.get(name),
      entityOf: (decl) => this.entityByDecl.get(decl),
    };
  }

  build(): Model {
    this.collectFiles(this.model.rootUri, []);
    for (const file of this.model.files) this.declare(file);
    for (const file of this.model.files) this.read(file);
    validateModel(this.model, (uri, range, code, message, severity, related, data) => this.report(uri, range, code, message, severity, related, data), this.options.modelChecks !== false);
    return this.model;
  }

  report(uri: string, range: Range, code: string, message: string, severity: Severity = 'error', related?: RelatedLocation[], data?: FixData[]): void {
    const d: Diagnostic = { uri, range, severity, code, message };
    if (related?.length) d.related = related;
    if (data?.length) d.data = data;
    this.diagnostics.push(d);
  }

  registerEntity(decl: Decl | undefined, entity: unknown): void {
    if (decl) this.entityByDecl.set(decl, entity);
  }

  // ---- files -------------------------------------------------------------------------------

  private collectFiles(uri: string, stack: string[]): void {
    const doc = this.source.get(uri);
    if (!doc) return;
    const file: ModelFile = { uri, text: doc.text, tree: doc.tree, units: this.fileUnits(uri, doc.tree) };
    this.model.files.push(file);
    for (const e of doc.tree.errors) this.report(uri, e.range, e.code, e.message);
    for (const stmt of doc.tree.statements) {
      if (stmt.keyword.text !== 'include') continue;
      const arg = stmt.args[0]?.items[0];
      if (!arg || arg.kind !== 'string' || arg.value === undefined) continue; // reported when the statement is read
      const inc = { uri, statement: stmt, path: arg.value, target: undefined as string | undefined };
      this.model.includes.push(inc);
      const res = resolveInclude(uri, arg.value, this.root);
      if (!res.ok) {
        this.report(uri, arg.range, res.reason === 'outside-root' ? CODES.includeOutsideRoot : CODES.includeNotFound, res.message);
        continue;
      }
      inc.target = res.uri;
      const chain = [...stack, uri];
      if (chain.includes(res.uri)) {
        const names = [...chain.slice(chain.indexOf(res.uri)), res.uri].map(displayName).join(' → ');
        this.report(uri, arg.range, CODES.includeCycle, `Include cycle: ${names}`);
        continue;
      }
      if (this.model.files.some((f) => f.uri === res.uri)) continue; // included twice: read once
      if (!this.source.get(res.uri)) {
        this.report(uri, arg.range, CODES.includeNotFound, `Cannot find "${arg.value}" (looked for ${displayName(res.uri)} next to this file)`);
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
      const spec = statementSpec(stmt.keyword.text);
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
    if (!ref.target) {
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
