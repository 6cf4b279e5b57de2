// Wires the LSP features (one file each) to the connection. Every handler is guarded: an
// exception is logged and answered with an empty result, so a bug in one feature never takes
// the server down.
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext, StrukturSettings } from './context';
import { completion, COMPLETION_TRIGGERS } from './completion';
import { hover } from './hover';
import { signatureHelp, SIGNATURE_TRIGGERS } from './signature-help';
import { definition } from './definition';
import { references } from './references';
import { prepareRename, rename } from './rename';
import { documentSymbols } from './document-symbols';
import { workspaceSymbols } from './workspace-symbols';
import { codeActions, CODE_ACTION_KINDS } from './code-actions';
import { semanticTokens, SEMANTIC_LEGEND } from './semantic-tokens';
import { foldingRanges } from './folding';
import { formatDocument, formatRange } from './formatting';
import { inlayHints } from './inlay-hints';

type Settings = (uri: string) => Promise<StrukturSettings>;

function guard<P, R>(connection: Connection, name: string, empty: R, fn: (p: P) => R | Promise<R>): (p: P) => Promise<R> {
  return async (p: P) => {
    try {
      return await fn(p);
    } catch (err) {
      // Errors that the LSP client should see (e.g. an invalid rename) are ResponseErrors.
      if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'number') throw err;
      connection.console.error(`struktur: ${name} failed: ${(err as Error)?.stack ?? err}`);
      return empty;
    }
  };
}

export function registerFeatures(connection: Connection, _documents: TextDocuments<TextDocument>, ctx: FeatureContext, settings: Settings): void {
  connection.onCompletion(guard(connection, 'completion', [], (p) => completion(ctx, p)));
  connection.onHover(guard(connection, 'hover', null, async (p) => hover(ctx, p, await settings(p.textDocument.uri))));
  connection.onSignatureHelp(guard(connection, 'signatureHelp', null, (p) => signatureHelp(ctx, p)));
  connection.onDefinition(guard(connection, 'definition', null, (p) => definition(ctx, p)));
  connection.onReferences(guard(connection, 'references', [], (p) => references(ctx, p)));
  connection.onPrepareRename(guard(connection, 'prepareRename', null, (p) => prepareRename(ctx, p)));
  connection.onRenameRequest(guard(connection, 'rename', null, (p) => rename(ctx, p)));
  connection.onDocumentSymbol(guard(connection, 'documentSymbol', [], (p) => documentSymbols(ctx, p)));
  connection.onWorkspaceSymbol(guard(connection, 'workspaceSymbol', [], (p) => workspaceSymbols(ctx, p)));
  connection.onCodeAction(guard(connection, 'codeAction', [], (p) => codeActions(ctx, p)));
  connection.languages.semanticTokens.on(guard(connection, 'semanticTokens', { data: [] }, (p) => semanticTokens(ctx, p)));
  connection.onFoldingRanges(guard(connection, 'foldingRanges', [], (p) => foldingRanges(ctx, p)));
  connection.onDocumentFormatting(guard(connection, 'formatting', [], (p) => formatDocument(ctx, p)));
  connection.onDocumentRangeFormatting(guard(connection, 'rangeFormatting', [], (p) => formatRange(ctx, p)));
  connection.languages.inlayHint.on(guard(connection, 'inlayHints', [], async (p) => inlayHints(ctx, p, await settings(p.textDocument.uri))));
}

registerFeatures.capabilities = {
  completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
  hoverProvider: true,
  signatureHelpProvider: { triggerCharacters: SIGNATURE_TRIGGERS, retriggerCharacters: [' '] },
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: true,
  workspaceSymbolProvider: true,
  codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
  semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true, range: false },
  foldingRangeProvider: true,
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  inlayHintProvider: true,
} satisfies ServerCapabilities;
