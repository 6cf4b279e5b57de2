/// <reference lib="dom" />
// A panel's bundle in a real browser, as VS Code hosts it: the current sources bundled with the
// production options (scripts/webview-build.mjs) into a folder of the test's own, a page served
// from 127.0.0.1 under the extension's Content Security Policy (extension/src/panels/csp.ts),
// VS Code's theme variables and body class, and a stub `acquireVsCodeApi` that records what the
// panel posts. Headless Chromium through playwright-core; WebGL through SwiftShader.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { contentSecurityPolicy } from '../../../extension/src/panels/csp';
import { THEMES, themeStyle, type TestTheme } from './themes';

export const ROOT = path.resolve(__dirname, '../../..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'webviews');
const BUILD_DIR = path.join(ROOT, 'test-artifacts', 'webviews-build');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
];

const builds = new Map<string, Promise<void>>();

/** Bundles webviews/<name>/main.ts (or `entry`, a test page's own script) once per test process. */
export function buildWebview(name: string, entry?: string): Promise<void> {
  let b = builds.get(name);
  if (!b) {
    b = (async () => {
      // Imported at run time: the options live in an .mjs module shared with scripts/build.mjs.
      const { webviewBuildOptions } = (await import(path.join(ROOT, 'scripts', 'webview-build.mjs'))) as {
        webviewBuildOptions(root: string, name: string, outdir: string, production?: boolean): esbuild.BuildOptions;
      };
      const options = webviewBuildOptions(ROOT, name, BUILD_DIR, false);
      await esbuild.build({ ...options, ...(entry ? { entryPoints: [entry] } : {}), logLevel: 'error' });
    })();
    builds.set(name, b);
  }
  return b;
}

let browser: Promise<Browser> | undefined;

export function launchBrowser(): Promise<Browser> {
  browser ??= chromium.launch({ executablePath: process.env.STRUKTUR_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  const b = browser;
  browser = undefined;
  if (b) await (await b).close();
}

export interface PanelPage {
  page: Page;
  /** Messages the panel posted to the "extension", in order. */
  posted: unknown[];
  /** Posts a message to the panel as the extension does. */
  send(message: unknown): Promise<void>;
  /** The state the panel last stored with setState. */
  state(): Promise<unknown>;
  /** Switches the theme as VS Code does (body class and variables). */
  setTheme(theme: TestTheme): Promise<void>;
  /** Calls `handler` with every message posted from now on (a test playing the extension's
   * part, e.g. answering requests); returns the unsubscribe function. */
  onPost(handler: (message: unknown) => void): () => void;
  /** Waits until a posted message satisfies `match` (bounded). */
  waitForPosted<T>(match: (m: unknown) => m is T, timeoutMs?: number): Promise<T>;
  consoleErrors: string[];
  cspViolations: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface PanelPageOptions {
  /** The bundle: webviews/<script>/main.ts. */
  script: string;
  /** Bundle this file instead (a page made for a test), named `script`. */
  entry?: string;
  theme?: TestTheme;
  /** What getState returns at start (a restored panel). */
  state?: unknown;
  inlineStyles?: boolean;
  viewport?: { width: number; height: number };
}

export async function openPanelPage(opts: PanelPageOptions): Promise<PanelPage> {
  await buildWebview(opts.script, opts.entry);
  const nonce = randomBytes(16).toString('base64');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/__theme.css') {
      // The workbench sets these on <html> before the panel's script runs.
      res.writeHead(200, { 'content-type': 'text/css' });
      res.end(`html { ${themeStyle(opts.theme ?? 'dark')} }`);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/') {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const css = fs.existsSync(path.join(BUILD_DIR, `${opts.script}.css`)) ? `<link rel="stylesheet" href="/${opts.script}.css">` : '';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(origin, nonce, opts.inlineStyles)}">
<meta property="csp-nonce" content="${nonce}">
<title>${opts.script}</title><link rel="stylesheet" href="/__theme.css">${css}</head>
<body class="${THEMES[opts.theme ?? 'dark'].bodyClass}" data-panel="${opts.script}"><script nonce="${nonce}" src="/${opts.script}.js"></script></body></html>`);
      return;
    }
    const file = path.join(BUILD_DIR, path.basename(url.pathname));
    if (!file.startsWith(BUILD_DIR) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : file.endsWith('.map') ? 'application/json' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const b = await launchBrowser();
  const context = await b.newContext({ viewport: opts.viewport ?? { width: 1200, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const posted: unknown[] = [];
  const consoleErrors: string[] = [];
  const cspViolations: string[] = [];
  const postHandlers = new Set<(m: unknown) => void>();
  await page.exposeFunction('__strukturPost', (m: unknown) => {
    posted.push(m);
    for (const h of postHandlers) h(m);
  });
  await page.exposeFunction('__strukturCsp', (v: string) => {
    cspViolations.push(v);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  // Functions handed to the page are compiled by tsx with esbuild's keepNames, which wraps them in
  // calls to a `__name` helper that exists only in Node: give the page an identity one.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  // Runs before the page's scripts and outside its CSP, as the workbench's own code does.
  await page.addInitScript(({ state }) => {
    const w = window as unknown as Record<string, unknown>;
    let stored: unknown = state;
    w.__strukturState = () => stored;
    w.acquireVsCodeApi = () => ({
      postMessage: (m: unknown) => (w.__strukturPost as (m: unknown) => void)(JSON.parse(JSON.stringify(m))),
      getState: () => stored,
      setState: (s: unknown) => {
        stored = s;
        return s;
      },
    });
    document.addEventListener('securitypolicyviolation', (e) => {
      (w.__strukturCsp as (v: string) => void)(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`);
    });
  }, { state: opts.state });
  await page.goto(`http://127.0.0.1:${port}/`);

  const panel: PanelPage = {
    page, posted, consoleErrors, cspViolations,
    send: (message) => page.evaluate((m) => window.postMessage(m, '*'), message as never),
    state: () => page.evaluate(() => ((window as unknown as Record<string, () => unknown>).__strukturState)()),
    setTheme: (t) => page.evaluate(({ bodyClass, vars }) => {
      for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(`--vscode-${k}`, v);
      document.body.className = bodyClass;
    }, { bodyClass: THEMES[t].bodyClass, vars: THEMES[t].vars }),
    onPost(handler) {
      postHandlers.add(handler);
      return () => postHandlers.delete(handler);
    },
    async waitForPosted<T>(match: (m: unknown) => m is T, timeoutMs = 15000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = posted.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for a posted message; posted: ${JSON.stringify(posted).slice(0, 500)}`);
        // Poll through the page, which also lets exposed-function calls arrive.
        await page.waitForTimeout(25);
      }
    },
    async screenshot(name) {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return panel;
}
