// Rename: the declaration and every reference to it, in every file of every model that contains
// the declaration. A new name must be an identifier that its namespace does not already hold.
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { PrepareRenameParams, Range, RenameParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { type DeclKind, KIND_LABEL } from '../language/schema';
import { displayName } from '../language/semantic/includes';
import type { Decl, Model } from '../language/semantic/model';
import type { FeatureContext } from './context';
import { declarationAt, occurrencesOf } from './locate';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function prepareRename(ctx: FeatureContext, p: PrepareRenameParams): { range: Range; placeholder: string } | null {
  const at = declarationAt(ctx, p.textDocument.uri, p.position);
  if (!at) return null;
  if (!at.decl) throw new ResponseError(LSPErrorCodes.RequestFailed, `"${at.name}" is not declared anywhere, so there is nothing to rename`);
  return { range: at.range, placeholder: at.name };
}

export function rename(ctx: FeatureContext, p: RenameParams): WorkspaceEdit | null {
  const at = declarationAt(ctx, p.textDocument.uri, p.position);
  if (!at) return null;
  const decl = at.decl;
  if (!decl) throw new ResponseError(LSPErrorCodes.RequestFailed, `"${at.name}" is not declared anywhere, so there is nothing to rename`);
  const newName = p.newName;
  if (!IDENTIFIER.test(newName)) {
    throw new ResponseError(ErrorCodes.InvalidParams,
      `"${newName}" is not a valid name: a name starts with a letter or _ and holds only letters, digits and _`);
  }
  if (newName === decl.name) return { changes: {} };
  const { refs, models } = occurrencesOf(ctx, decl, at.model);
  for (const model of models) {
    const clash = clashOf(model, decl, newName);
    if (clash) throw new ResponseError(ErrorCodes.InvalidParams, clash);
  }
  const changes: Record<string, TextEdit[]> = {};
  const add = (uri: string, range: Range) => (changes[uri] ??= []).push({ range, newText: newName });
  add(decl.uri, decl.range);
  for (const r of refs) add(r.uri, r.range);
  for (const edits of Object.values(changes)) {
    edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
  return { changes };
}

/**
 * Why `newName` cannot be given to `decl` in this model, if it cannot: the name is taken in its
 * namespace (members and groups share one, load cases and combinations another), or it would
 * make a combination's constants and load cases indistinguishable.
 */
function clashOf(model: Model, decl: Decl, newName: string): string | undefined {
  const describe = (d: Decl) => `${KIND_LABEL[d.kind]} named "${newName}" already exists (${displayName(d.uri)}, line ${d.range.start.line + 1})`;
  const same = model.lookup(decl.kind, newName);
  if (same && same !== decl) return `Cannot rename ${KIND_LABEL[decl.kind]} "${decl.name}": a ${describe(same)}`;
  // Combination expressions mix constants (factors) and case names.
  const other: DeclKind | undefined = decl.kind === 'constant' ? 'load' : decl.kind === 'load' || decl.kind === 'combination' ? 'constant' : undefined;
  const mixed = other && model.lookup(other, newName);
  if (mixed) return `Cannot rename ${KIND_LABEL[decl.kind]} "${decl.name}": a ${describe(mixed)}, and combinations could not tell them apart`;
  return undefined;
}
