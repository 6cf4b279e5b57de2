// The set of .struct documents the tools work on: open editor buffers (which win) and files on
// disk, their parse trees (cached by content), the include graph, and the semantic model of each
// root file (cached until one of its files changes). Used by the language server, the CLI and
// the tests alike.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildModel, updateModel, DocumentSource } from './semantic/build-model';
import { reparse, type Splice } from './syntax/reparse';
import type { Model } from './semantic/model';
import { canResolveIncludes, resolveInclude } from './semantic/includes';
import { parse } from './syntax/parser';
import type { SyntaxTree } from './syntax/syntax-tree';
import { LineIndex } from './syntax/range';

export interface ParsedDocument {
  readonly uri: string;
  readonly text: string;
  version: number;
  readonly tree: SyntaxTree;
  readonly lines: LineIndex;
}

export interface WorkspaceOptions {
  /** File-system path of the workspace root; includes may not leave it. */
  root?: string;
  /** Reads a file from disk; injectable for tests. */
  readFile?: (fsPath: string) => string | undefined;
}

const INCLUDE_RE = /^[ \t]*include[ \t]+"((?:[^"\\\n]|\\.)*)"/gm;

export class Workspace {
  private readonly open = new Map<string, ParsedDocument>();
  private readonly disk = new Map<string, ParsedDocument | null>();
  private readonly models = new Map<string, Model>();
  /** uri → uris it includes (direct), for every document seen. */
  private readonly includesOf = new Map<string, string[]>();
  root: string | undefined;
  /** Counts changes to any document, so a caller can tell that work it started is out of date. */
  revision = 0;
  private readonly readFile: (p: string) => string | undefined;

  constructor(options: WorkspaceOptions = {}) {
    this.root = options.root;
    this.readFile = options.readFile ?? ((p) => {
      try {
        return fs.readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    });
  }

  /**
   * Opens or replaces an editor buffer. A change to an open buffer is parsed incrementally where
   * it can be, and the models containing it are updated statement by statement.
   */
  setDocument(uri: string, rawText: string, version = 0): ParsedDocument {
    const text = normalizeLineBreaks(rawText);
    const old = this.open.get(uri);
    if (old && old.text === text) {
      old.version = version;
      return old;
    }
    this.revision++;
    const re = old ? reparse(old.text, old.tree, old.lines, text) : undefined;
    const doc = new Document(uri, text, version, re ? re.tree : parse(text), re?.lines);
    this.open.set(uri, doc);
    if (re?.splice && !touchesIncludes(re.splice)) {
      for (const [root, model] of this.models) {
        if (!model.files.some((f) => f.uri === uri)) continue;
        if (!updateModel(model, uri, text, doc.tree, re.splice)) this.models.delete(root);
      }
      return doc;
    }
    this.afterChange(uri, text);
    return doc;
  }

  closeDocument(uri: string): void {
    this.revision++;
    this.open.delete(uri);
    this.disk.delete(uri);
    this.afterChange(uri, undefined);
  }

  /** A file changed on disk (watcher). */
  fileChanged(uri: string): void {
    this.revision++;
    this.disk.delete(uri);
    if (!this.open.has(uri)) this.afterChange(uri, undefined);
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  openUris(): string[] {
    return [...this.open.keys()];
  }

  /** The document: the editor buffer if open, else the file on disk (undefined if missing). */
  get(uri: string): ParsedDocument | undefined {
    const o = this.open.get(uri);
    if (o) return o;
    if (this.disk.has(uri)) return this.disk.get(uri) ?? undefined;
    let text: string | undefined;
    if (uri.startsWith('file:')) {
      try {
        text = this.readFile(fileURLToPath(uri));
      } catch {
        text = undefined;
      }
    }
    const doc = text === undefined ? null : makeDocument(uri, normalizeLineBreaks(text), 0);
    this.disk.set(uri, doc);
    if (doc) this.includesOf.set(uri, scanIncludes(uri, doc.text, this.root));
    return doc ?? undefined;
  }

  private afterChange(uri: string, text: string | undefined): void {
    const t = text ?? this.get(uri)?.text;
    if (t !== undefined) this.includesOf.set(uri, scanIncludes(uri, t, this.root));
    // Any model containing this file is stale.
    for (const [root, model] of this.models) {
      if (root === uri || model.files.some((f) => f.uri === uri) || model.includes.some((i) => i.target === uri)) this.models.delete(root);
    }
  }

  /** Indexes the include lines of every .struct file under the root, so an included file is validated in its including model. */
  indexFiles(fsPaths: string[]): void {
    for (const p of fsPaths) {
      const uri = pathToFileURL(p).toString();
      if (this.open.has(uri) || this.includesOf.has(uri)) continue;
      const text = this.readFile(p);
      if (text !== undefined) this.includesOf.set(uri, scanIncludes(uri, text, this.root));
    }
  }

  /**
   * The root model file for a document: the first known file that includes it (transitively),
   * or itself. A file in an include cycle is its own root, so the answer does not depend on
   * which files happen to have been read.
   */
  rootOf(uri: string): string {
    const seen = new Set<string>([uri]);
    let current = uri;
    for (;;) {
      const parents = this.includersOf(current).sort();
      if (parents.length === 0) return current;
      const next = parents.find((p) => !seen.has(p));
      if (!next) return uri;
      seen.add(next);
      current = next;
    }
  }

  /** Every known file that includes `uri` directly. */
  includersOf(uri: string): string[] {
    return [...this.includesOf].filter(([, tos]) => tos.includes(uri)).map(([from]) => from);
  }

  /** The semantic model whose root is `rootUri` (cached). */
  model(rootUri: string): Model {
    let m = this.models.get(rootUri);
    if (!m) {
      const source: DocumentSource = { get: (u) => this.get(u) };
      m = buildModel(rootUri, source, { workspaceRoot: this.root });
      this.models.set(rootUri, m);
    }
    return m;
  }

  /** The model a document belongs to. */
  modelFor(uri: string): Model {
    return this.model(this.rootOf(uri));
  }

  knownUris(): string[] {
    return [...new Set([...this.includesOf.keys(), ...this.open.keys()])];
  }
}

/**
 * A lone carriage return is a line break to LSP clients but not to the language: it becomes a
 * `\n` (one character for one, so every offset stays), and positions agree with the editor's.
 */
function normalizeLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

function makeDocument(uri: string, text: string, version: number): ParsedDocument {
  return new Document(uri, text, version, parse(text));
}

/** A parsed document; its line index is built on first use (an edit does not need it). */
class Document implements ParsedDocument {
  constructor(readonly uri: string, readonly text: string, public version: number, readonly tree: SyntaxTree, private lineIndex?: LineIndex) {}
  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }
}

function touchesIncludes(s: Splice): boolean {
  return [...s.removed, ...s.added].some((st) => st.keyword.text === 'include');
}

function scanIncludes(uri: string, text: string, root: string | undefined): string[] {
  const out: string[] = [];
  if (!canResolveIncludes(uri) || !text.includes('include')) return out;
  for (const m of text.matchAll(INCLUDE_RE)) {
    const r = resolveInclude(uri, m[1].replace(/\\(["\\])/g, '$1'), root ?? (uri.startsWith('file:') ? path.dirname(fileURLToPath(uri)) : undefined));
    if (r.ok) out.push(r.uri);
  }
  return out;
}
