// Opens a code-server workbench in headless Chromium (Debian's, driven by playwright-core) and
// relays what the extension host reports: its console through window.codeAutomationLog and its
// exit code through window.codeAutomationExit (both called by the workbench when code-server runs
// with the smoke-test driver). The extension tests can ask for a screenshot by writing
// `NAME.png.request` in the requests folder; the harness takes it and answers with
// `NAME.png.json`, holding what the status bar shows.
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

export async function launchBrowser(executablePath) {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** The text of the workbench's status bar items. */
export async function statusBarTexts(page) {
  return page.$$eval('.part.statusbar .statusbar-item', (items) => items.map((i) => i.textContent?.trim() ?? '').filter(Boolean));
}

/**
 * Runs the extension tests that `url` carries in its payload and waits for the extension host to
 * exit. Resolves with the exit code (null on timeout) and the log lines.
 * @param {object} o
 * @param {string} o.chromium   browser executable
 * @param {string} o.url        from workbenchUrl()
 * @param {number} o.timeoutMs
 * @param {(level: string, line: string) => void} [o.onLog]
 * @param {string} [o.requestsDir]  where the tests ask for screenshots
 * @param {{ width: number, height: number }} [o.viewport]
 */
export async function runWorkbench({ chromium: executablePath, url, timeoutMs, onLog = () => {}, requestsDir, viewport = { width: 1440, height: 900 } }) {
  const browser = await launchBrowser(executablePath);
  const lines = [];
  try {
    const page = await browser.newPage({ viewport });
    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    const requests = [];

    const handleLine = (level, line) => {
      lines.push(line);
      onLog(level, line);
    };
    // The harness's side of the screenshot requests (a poll of one folder, not of the tests).
    const poll = requestsDir && setInterval(() => {
      let names = [];
      try {
        names = fs.readdirSync(requestsDir).filter((n) => n.endsWith('.png.request'));
      } catch {
        return;
      }
      for (const n of names) {
        fs.rmSync(path.join(requestsDir, n), { force: true });
        requests.push(answerScreenshot(page, path.join(requestsDir, n.replace(/\.request$/, ''))));
      }
    }, 200);
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const list = Array.isArray(args) ? args : [args];
      const text = typeof list[0] === 'string' ? format(...list) : list.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      for (const line of text.split('\n')) handleLine(level, line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    page.on('pageerror', (err) => onLog('pageerror', String(err)));

    await page.goto(url, { waitUntil: 'domcontentloaded' });
    let timer;
    const code = await Promise.race([exited, new Promise((r) => (timer = setTimeout(() => r(null), timeoutMs)))]);
    clearTimeout(timer);
    if (poll) clearInterval(poll);
    await Promise.allSettled(requests);
    return { code, lines, page };
  } finally {
    await browser.close();
  }
}

async function answerScreenshot(page, file) {
  const answer = { file, statusBar: [], error: undefined };
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    answer.statusBar = await statusBarTexts(page);
    await page.screenshot({ path: file });
  } catch (err) {
    answer.error = String(err);
  }
  fs.writeFileSync(`${file}.json`, JSON.stringify(answer));
}
