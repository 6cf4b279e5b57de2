// Opens a code-server workbench in headless Chromium (Debian's, driven by playwright-core) and
// relays what the extension host reports: its console through window.codeAutomationLog and its
// exit code through window.codeAutomationExit (both called by the workbench when code-server runs
// with the smoke-test driver). The extension tests can ask for a screenshot by writing
// `NAME.png.request` in the requests folder; the harness takes it and answers with
// `NAME.png.json`, holding what the status bar shows. They can also open a second workbench
// window — another browser context, so another workbench with its own extension host — by
// writing `NAME.window.request` (JSON: the extension environment to add); the harness answers
// with `NAME.window.json`. A screenshot request may name the window: `{ "window": "NAME" }`.
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
 * @param {(env: Record<string, string>) => string} [o.windowUrl]  the URL of a second window
 */
export async function runWorkbench({ chromium: executablePath, url, timeoutMs, onLog = () => {}, requestsDir, viewport = { width: 1440, height: 900 }, windowUrl }) {
  const browser = await launchBrowser(executablePath);
  const lines = [];
  try {
    const page = await browser.newPage({ viewport });
    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    const requests = [];
    /** Second windows by name. */
    const windows = new Map();

    const handleLine = (level, line) => {
      lines.push(line);
      onLog(level, line);
    };
    // The extension host's console and exit code, relayed from the page of a workbench window.
    async function relay(target, prefix, onExit) {
      await target.exposeFunction('codeAutomationLog', (level, args) => {
        const list = Array.isArray(args) ? args : [args];
        const text = typeof list[0] === 'string' ? format(...list) : list.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
        for (const line of text.split('\n')) handleLine(level, prefix + line);
      });
      await target.exposeFunction('codeAutomationExit', onExit);
      target.on('pageerror', (err) => onLog('pageerror', prefix + String(err)));
    }

    // The harness's side of the tests' requests (a poll of one folder, not of the tests).
    const poll = requestsDir && setInterval(() => {
      let names = [];
      try {
        names = fs.readdirSync(requestsDir).filter((n) => n.endsWith('.request'));
      } catch {
        return;
      }
      for (const n of names) {
        const file = path.join(requestsDir, n);
        if (n.endsWith('.png.request')) {
          const request = readRequest(file);
          const target = request.window ? windows.get(request.window)?.page : page;
          requests.push(answerScreenshot(target, file.replace(/\.request$/, ''), request.window));
        } else if (n.endsWith('.window.request')) {
          requests.push(openWindow(n.replace(/\.window\.request$/, ''), readRequest(file).env ?? {}));
        }
      }
    }, 200);

    async function openWindow(name, env) {
      const answer = path.join(requestsDir, `${name}.window.json`);
      try {
        if (!windowUrl) throw new Error('this harness opens no second window');
        if (windows.has(name)) throw new Error(`window ${name} is open already`);
        const context = await browser.newContext({ viewport });
        const second = await context.newPage();
        windows.set(name, { page: second });
        await relay(second, `[${name}] `, (code) => handleLine('info', `[${name}] extension host exited with ${code}`));
        // Its console errors too: a window whose extension host never starts says why only there.
        second.on('console', (m) => m.type() === 'error' && handleLine('error', `[${name}] console: ${m.text()}`));
        second.on('crash', () => handleLine('error', `[${name}] the page crashed`));
        await second.goto(windowUrl(env), { waitUntil: 'domcontentloaded' });
        handleLine('info', `[harness] opened the window ${name}`);
        fs.writeFileSync(answer, JSON.stringify({ opened: true }));
      } catch (err) {
        fs.writeFileSync(answer, JSON.stringify({ opened: false, error: String(err) }));
      }
    }
    await relay(page, '', (code) => resolveExit(code));

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

/** Takes a request file away and returns its JSON (an empty request is `{}`). */
function readRequest(file) {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    // taken already
  }
  fs.rmSync(file, { force: true });
  try {
    return text.trim() ? JSON.parse(text) : {};
  } catch {
    return {};
  }
}

async function answerScreenshot(page, file, windowName) {
  const answer = { file, statusBar: [], error: undefined };
  try {
    if (!page) throw new Error(`no window ${windowName}`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    answer.statusBar = await statusBarTexts(page);
    await page.screenshot({ path: file });
  } catch (err) {
    answer.error = String(err);
  }
  fs.writeFileSync(`${file}.json`, JSON.stringify(answer));
}
