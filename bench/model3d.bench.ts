// The 3D view at scale, in headless Chromium (WebGL through SwiftShader, i.e. on the CPU), in one
// run: for an empty model and building grids of about 1k, 10k and 100k members —
//  - draw calls of a frame (they must not grow with the model: merged lines, instanced solids);
//  - frame time while orbiting, members as lines and as extruded sections;
//  - time from the results message to the first frame with the deformed shape and the My diagram
//    drawn, measured in the page from postMessage (structured clone included): the model view
//    with the results' index (struktur/resultsIndex), the page's `caseRequest`, and the one case
//    (struktur/caseResults) posted back by a stub host at once — and from the case's handler;
//    and, as after a new analysis, with the case inside the model message;
//  - the messages' sizes: the index, the case, and the whole four-case document the view was sent
//    before it asked for one case at a time;
// and prints the ratios against the empty scene. The page is the production bundle under the
// extension's CSP. SwiftShader times are far above a real GPU's: read the ratios and the draw
// calls, and the absolute figures as an upper bound on a machine without a GPU.
// Then, over stdio against the bundled server, a generated frame of about 10k members with four
// cases: the whole document's request against the index's and one case's (the LSP side of it).
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Esbuild from 'esbuild';
import type * as Playwright from 'playwright-core';
import { contentSecurityPolicy } from '../extension/src/panels/csp';
import { THEMES, themeStyle } from '../test/webviews/support/themes';
import { gridModel } from '../test/webviews/model3d-grid';
import type { ModelView } from '../language-server/src/shared/model-view';
import type { CaseResult, ResultsDocument } from '../language-server/src/shared/protocol';
import { CaseResultsRequest, ResultsIndexRequest, ResultsRequest } from '../language-server/src/shared/protocol';
import { caseOf, resultsIndex } from '../language-server/src/shared/case-view';
import { medianRequest, withServedModel } from './lsp-session';
import { generateFrame } from './generate';

const root = process.env.STRUKTUR_ROOT ?? path.resolve(__dirname, '..');
// Loaded at run time from the project's node_modules (they do not bundle).
const load = createRequire(path.join(root, 'package.json'));
const { chromium } = load('playwright-core') as typeof Playwright;
const esbuild = load('esbuild') as typeof Esbuild;
const SIZES = (process.env.STRUKTUR_BENCH_MODEL3D_SIZES ?? '1000,10000,100000').split(',').map(Number);
const FRAMES = Number(process.env.STRUKTUR_BENCH_FRAMES ?? 12);

interface Row {
  label: string;
  members: number;
  drawCalls: number;
  triangles: number;
  linesMs: number;
  solidsMs: number;
  solidsDrawCalls: number;
  postToFrameMs: number;
  handlerToFrameMs: number;
  /** Post to frame when the case comes inside the model message (after a new analysis). */
  embeddedMs: number;
  resultsDrawCalls: number;
  /** The model message with the index, the case message, the whole four-case document's message. */
  indexMB: number;
  caseMB: number;
  wholeMB: number;
}

/** The grid's case and three more of the same size (the model view's cases are only DEAD's, as in
 * a model whose combinations the engine adds): what a four-case document weighs. */
function fourCases(doc: ResultsDocument): ResultsDocument {
  const dead = doc.cases[0];
  const scaled = (name: string, kind: CaseResult['kind'], f: number, type?: 'ULS' | 'SLS'): CaseResult => ({
    name, kind, ...(type ? { type } : {}),
    nodes: Object.fromEntries(Object.entries(dead.nodes).map(([k, n]) => [k, { ...n, u: n.u.map((v) => v * f) as typeof n.u }])),
    members: Object.fromEntries(Object.entries(dead.members).map(([k, m]) => [k, { ...m, stations: m.stations.map((st) => ({ ...st, My: st.My * f, Vz: st.Vz * f, dz: st.dz * f })) }])),
  });
  return { ...doc, cases: [dead, scaled('LIVE', 'load', 0.5), scaled('ULS1', 'combination', 2.1, 'ULS'), scaled('SLS1', 'combination', 1.5, 'SLS')] };
}

async function main(): Promise<void> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-bench-model3d-'));
  const { webviewBuildOptions } = (await import(pathToFileURL(path.join(root, 'scripts', 'webview-build.mjs')).href)) as { webviewBuildOptions(root: string, name: string, outdir: string, production?: boolean): Esbuild.BuildOptions };
  await esbuild.build({ ...webviewBuildOptions(root, 'model3d', out, true), logLevel: 'error' });

  const payloads = new Map<string, string>();
  const nonce = randomBytes(16).toString('base64');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(origin, nonce)}">
<meta property="csp-nonce" content="${nonce}">
<link rel="stylesheet" href="/__theme.css"><link rel="stylesheet" href="/model3d.css"></head><body class="${THEMES.dark.bodyClass}" data-panel="model3d">
<script nonce="${nonce}" src="/model3d.js"></script></body></html>`);
      return;
    }
    if (url.pathname === '/__theme.css') {
      // VS Code's dark theme variables, as the workbench sets them on <html>.
      res.writeHead(200, { 'content-type': 'text/css' });
      res.end(`html { ${themeStyle('dark')} }`);
      return;
    }
    const payload = payloads.get(url.pathname);
    if (payload) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(payload);
      return;
    }
    const file = path.join(out, path.basename(url.pathname));
    if (!fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/css' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const browser = await chromium.launch({
    executablePath: process.env.STRUKTUR_CHROMIUM ?? '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
  });
  const rows: Row[] = [];
  try {
    for (const size of [0, ...SIZES]) {
      const { view, results: grid } = size ? gridModel(size) : { view: emptyView(), results: null };
      const results = grid && fourCases(grid);
      const index = results && resultsIndex(results, `bench-${size}`);
      const message = JSON.stringify({ type: 'model', model: view.uri, view, results: index, stale: false, errors: 0, resultsStale: false });
      const caseMessage = results ? JSON.stringify({ type: 'case', id: index!.id, name: 'DEAD', result: caseOf(results, 'DEAD') }) : '';
      const wholeMB = JSON.stringify({ type: 'model', model: view.uri, view, results, stale: false, errors: 0, resultsStale: false }).length / 1e6;
      payloads.set(`/model-${size}.json`, message);
      if (results) {
        payloads.set(`/case-${size}.json`, caseMessage);
        payloads.set(`/model-case-${size}.json`, `${message.slice(0, -1)},"case":${caseMessage}}`);
      }
      const t = Date.now();
      const step = (what: string) => console.log(`  ${String(size).padStart(6)} members: ${what} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
      // Fewer frames for the big models: on SwiftShader one frame of 100k members takes seconds.
      const frameCount = Math.max(3, Math.round(FRAMES * Math.min(1, 2000 / Math.max(1, view.members.length))));
      // 1. The structure as lines, then as solids (each a fresh panel, as restored from its state).
      const lines = await withPage(browser, base, { loads: false, sections: false }, async (page) => {
        await post(page, `/model-${size}.json`, size ? `/case-${size}.json` : undefined);
        return { frames: await page.evaluate((n) => (window as any).strukturModel3d.measureFrames(n), frameCount), stats: await page.evaluate(() => (window as any).strukturModel3d.stats()) };
      });
      step(`lines: ${frameCount} frames`);
      const solids = await withPage(browser, base, { loads: false, sections: true }, async (page) => {
        await post(page, `/model-${size}.json`, size ? `/case-${size}.json` : undefined);
        return page.evaluate((n) => (window as any).strukturModel3d.measureFrames(n), frameCount);
      });
      step(`solids: ${frameCount} frames`);
      // 2. Results: a panel showing the deformed shape and the My diagram gets the model and the
      // index, asks for its case and gets it; timed from the first postMessage to the GPU having
      // drawn the first frame with the case.
      const { timing, after } = await withPage(browser, base, { loads: false, sections: false, deformed: true, diagram: 'My' }, async (page) => {
        const timing = await post(page, `/model-${size}.json`, size ? `/case-${size}.json` : undefined);
        return { timing, after: await page.evaluate(() => (window as any).strukturModel3d.stats()) };
      });
      // 3. After a new analysis: the panel sends the model message with the case inside.
      const embedded = size ? await withPage(browser, base, { loads: false, sections: false, deformed: true, diagram: 'My' }, (page) => post(page, `/model-case-${size}.json`, undefined, true)) : timing;
      if (size) step('results drawn from one message');
      const stats = lines.stats;
      rows.push({
        label: size ? `${size / 1000}k` : 'empty',
        members: view.members.length,
        drawCalls: stats.drawCalls, triangles: stats.triangles,
        linesMs: lines.frames.mean, solidsMs: solids.mean, solidsDrawCalls: solids.drawCalls,
        postToFrameMs: timing.postToFrame, handlerToFrameMs: timing.handlerToFrame, resultsDrawCalls: after.drawCalls,
        embeddedMs: embedded.postToFrame,
        indexMB: message.length / 1e6, caseMB: caseMessage.length / 1e6, wholeMB,
      });
      step('results drawn');
      payloads.delete(`/model-${size}.json`);
      payloads.delete(`/case-${size}.json`);
      payloads.delete(`/model-case-${size}.json`);
    }
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
  report(rows);
  if (process.env.STRUKTUR_BENCH_MODEL3D_LSP !== '0') await lspSide(Number(process.env.STRUKTUR_BENCH_MODEL3D_LSP ?? 10000));
}

/** The LSP side over stdio: the whole document's request against the index's and one case's, for
 * a generated frame of about `target` members with four cases (warm: analysed before timing). */
async function lspSide(target: number): Promise<void> {
  const g = generateFrame(target, { windCases: 2 });
  await withServedModel(`bench-model3d-${target}.struct`, g.text, async (client, uri) => {
    const index = await client.connection.sendRequest(ResultsIndexRequest, { uri });
    if (!index) throw new Error('no results');
    const name = index.cases.find((c) => c.kind === 'combination')?.name ?? index.cases[0].name;
    const runs = 3;
    const whole = await medianRequest(runs, () => client.connection.sendRequest(ResultsRequest, { uri }));
    const idx = await medianRequest(runs, () => client.connection.sendRequest(ResultsIndexRequest, { uri }));
    const one = await medianRequest(runs, () => client.connection.sendRequest(CaseResultsRequest, { uri, case: name, id: index.id }));
    console.log(`\nover stdio, generated frame: ${g.members} members, ${index.cases.length} cases (${index.cases.map((c) => c.name).join(', ')}), median of ${runs}`);
    const row = (what: string, r: { ms: number; bytes: number }) => console.log(`  ${what.padEnd(36)} ${r.ms.toFixed(0).padStart(7)} ms  ${(r.bytes / 1e6).toFixed(1).padStart(7)} MB`);
    row('struktur/results (before)', whole);
    row('struktur/resultsIndex', idx);
    row(`struktur/caseResults ${name}`, one);
    row('index + one case (after)', { ms: idx.ms + one.ms, bytes: idx.bytes + one.bytes });
  });
}

/** A fresh page of the view with `state` as its restored webview state. */
async function withPage<T>(browser: Playwright.Browser, base: string, state: Record<string, unknown>, fn: (page: Playwright.Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
    });
    // The stub the workbench provides.
    await page.addInitScript((initial) => {
      let stored: unknown = { version: 1, ...initial };
      const w = window as unknown as Record<string, unknown>;
      const posted: { type: string; message?: string }[] = [];
      w.__posted = posted;
      w.acquireVsCodeApi = () => ({
        postMessage: (m: { type: string; name?: string; id?: string }) => {
          posted.push(m);
          const answer = w.__caseAnswer as { name: string; id: string } | undefined;
          if (m.type === 'caseRequest' && answer && answer.name === m.name && answer.id === m.id) window.postMessage(answer, '*');
        },
        getState: () => stored,
        setState: (s: unknown) => (stored = s),
      });
    }, state);
    await page.goto(`${base}/`);
    await page.waitForFunction(() => !!(window as any).strukturModel3d);
    const out = await fn(page);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return out;
  } finally {
    await context.close();
  }
}

/** Fetches a model message into the page, posts it as the extension would, and times it to the
 * next drawn frame. */
async function post(page: Playwright.Page, url: string, caseUrl?: string, expectCase = !!caseUrl): Promise<{ postToFrame: number; handlerToFrame: number }> {
  return page.evaluate(async ([u, cu, withCase]) => {
    const probe = (window as any).strukturModel3d;
    const message = await (await fetch(u)).json();
    // The stub host answers the page's request for its case at once (the LSP side is timed apart).
    if (cu) (window as any).__caseAnswer = await (await fetch(cu)).json();
    const drawn = probe.cases().drawn;
    const updates = probe.updates();
    const frames = probe.stats().frames;
    const t0 = performance.now();
    window.postMessage(message, '*');
    const failed = () => ((window as any).__posted as { type: string; message?: string }[]).find((m) => m.type === 'error');
    // Until the model message is drawn and, with a case, the frame that first shows the case.
    const waiting = () => probe.updates() === updates || probe.stats().frames === frames || (withCase && (probe.cases().drawn === drawn || probe.cases().frame === 0));
    while (waiting()) {
      const error = failed();
      if (error) throw new Error(error.message);
      await new Promise((r) => setTimeout(r, 2));
    }
    // The frame is submitted; wait until the GPU has drawn it.
    probe.finish();
    return { postToFrame: performance.now() - t0, handlerToFrame: probe.updateToFrameMs() };
  }, [url, caseUrl, expectCase] as const);
}

function emptyView(): ModelView {
  return { format: 'struktur-model-view/1', uri: 'file:///empty.struct', files: ['file:///empty.struct'], title: 'Empty', valid: true, errors: 0, units: { force: 'kN', length: 'm' }, nodes: [], sections: [], members: [], supports: [], loadCases: [], combinations: [] };
}

function report(rows: Row[]): void {
  const empty = rows[0];
  const f = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  console.log('\n3D view, headless Chromium + SwiftShader (CPU rendering), 1280×800');
  console.log('model   members  draw calls  triangles   frame lines  frame solids (calls)  results→frame: post / handler, in one message   messages: index + case (whole 4-case document before)');
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(7)} ${String(r.members).padStart(7)}  ${String(r.drawCalls).padStart(10)}  ${String(r.triangles).padStart(9)}  ` +
      `${f(r.linesMs).padStart(9)} ms  ${f(r.solidsMs).padStart(9)} ms (${r.solidsDrawCalls})  ` +
      `${f(r.postToFrameMs).padStart(12)} / ${f(r.handlerToFrameMs).padStart(7)} ms, ${f(r.embeddedMs).padStart(7)} ms   ${r.indexMB.toFixed(1)} + ${r.caseMB.toFixed(1)} MB (${r.wholeMB.toFixed(1)} MB)`,
    );
  }
  console.log('\nratios against the empty scene');
  for (const r of rows.slice(1)) {
    console.log(`${r.label.padEnd(7)} draw calls ×${(r.drawCalls / Math.max(1, empty.drawCalls)).toFixed(2)} (with results ${r.resultsDrawCalls})  ` +
      `frame time lines ×${(r.linesMs / Math.max(0.01, empty.linesMs)).toFixed(1)}, solids ×${(r.solidsMs / Math.max(0.01, empty.solidsMs)).toFixed(1)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
