// The HTML every Struktur panel starts from: a strict Content Security Policy (nothing by
// default; scripts only with a fresh nonce; styles, images and fonts only from the extension's
// dist/webviews), the panel's bundle and stylesheet, and nothing else. A panel that draws
// charts with inline styles (plotly's SVG) asks for `inlineStyles`; none gets 'unsafe-eval'.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { contentSecurityPolicy } from './csp';

export interface WebviewHtmlOptions {
  webview: vscode.Webview;
  extensionUri: vscode.Uri;
  /** The bundle's name: dist/webviews/<script>.js (and .css when there is one). */
  script: string;
  title: string;
  /** Allow style-src 'unsafe-inline' (charts that set style attributes). */
  inlineStyles?: boolean;
}

export function nonce(): string {
  return randomBytes(16).toString('base64');
}

export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webviews');
}

/** Options of every panel: scripts on, resources only from dist/webviews. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [webviewRoot(extensionUri)], retainContextWhenHidden: false, enableFindWidget: false };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function webviewHtml(opts: WebviewHtmlOptions): string {
  const { webview, extensionUri, script } = opts;
  const root = webviewRoot(extensionUri);
  const n = nonce();
  const js = webview.asWebviewUri(vscode.Uri.joinPath(root, `${script}.js`));
  const cssFile = vscode.Uri.joinPath(root, `${script}.css`);
  const css = fs.existsSync(cssFile.fsPath) ? `<link rel="stylesheet" href="${webview.asWebviewUri(cssFile)}">` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, n, opts.inlineStyles)}">
<meta property="csp-nonce" content="${n}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(opts.title)}</title>
${css}
</head>
<body data-panel="${escapeHtml(script)}">
<script nonce="${n}" src="${js}"></script>
</body>
</html>`;
}
