// `npm run demo`: VS Code (code-server) in your browser with the Struktur extension and the
// examples open.
//   1. packages the extension (scripts/package.mjs) and installs the .vsix into a fresh,
//      private code-server profile — as a user would install it;
//   2. installs code-server and the Node it needs into ~/.cache/struktur-vscode when missing
//      (nothing global; see scripts/vscode/setup.mjs);
//   3. starts code-server on 127.0.0.1 (port 8080, or the next free one; --port N to choose),
//      opens examples/ and prints the URL. Ctrl-C stops it and removes the profile.
//
//   npm run demo [-- --port N] [-- --smoke]
// --smoke starts everything, loads the URL in headless Chromium, waits for the Struktur status
// item, saves test-artifacts/demo.png, and stops (a check that the demo works).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installExtension, makeTempDir, startCodeServer } from './vscode/code-server.mjs';
import { ensureChromium, ensureCodeServer } from './vscode/setup.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const portArg = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : undefined;

function free(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

async function choosePort() {
  if (portArg !== undefined) return portArg;
  for (let p = 8080; p < 8100; p++) if (await free(p)) return p;
  return 0;
}

const dir = makeTempDir('struktur-demo-');
let server;
let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => {
  console.log('\nStopping code-server…');
  void stop(0);
});
process.on('SIGTERM', () => void stop(0));

try {
  console.log('Building and packaging the extension…');
  const pkg = spawnSync(process.execPath, [path.join(root, 'scripts', 'package.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (pkg.status !== 0) throw new Error('packaging the extension failed (npm run package)');
  console.log('Checking code-server (the first run installs it, about two minutes)…');
  const setup = ensureCodeServer();
  const extensionsDir = path.join(dir, 'extensions');
  const installed = installExtension({ setup, dir, extensionsDir, vsix: path.join(root, 'dist', 'struktur.vsix') });
  if (!installed.ok) throw new Error(`installing the extension failed:\n${installed.output}`);

  server = await startCodeServer({
    setup, dir, extensionsDir, port: await choosePort(),
    // The walkthrough opens once, as it would after installing from the marketplace.
    settings: { 'workbench.startupEditor': 'welcomePage', 'workbench.welcomePage.walkthroughs.openOnInstall': true },
  });
  const url = `${server.base}/?folder=${encodeURIComponent(path.join(root, 'examples'))}`;
  server.child.once('exit', () => {
    if (!stopping) {
      console.error(`code-server stopped unexpectedly; its log: ${server.logFile}`);
      void stop(1);
    }
  });

  if (smoke) {
    const { launchBrowser, statusBarTexts } = await import('./vscode/workbench.mjs');
    const browser = await launchBrowser(ensureChromium());
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(url);
      await page.waitForSelector('.part.statusbar', { timeout: 120000 });
      // The extension activates on the workspace's .struct files and shows its status item.
      const deadline = Date.now() + 120000;
      let texts = [];
      while (!texts.some((t) => t.startsWith('Struktur')) && Date.now() < deadline) {
        texts = await statusBarTexts(page);
        await page.waitForTimeout(250);
      }
      const shot = path.join(root, 'test-artifacts', 'demo.png');
      fs.mkdirSync(path.dirname(shot), { recursive: true });
      await page.screenshot({ path: shot });
      const ok = texts.some((t) => t.startsWith('Struktur'));
      console.log(`${ok ? 'ok' : 'FAILED'}: ${url}\nstatus bar: ${JSON.stringify(texts)}\nscreenshot: ${path.relative(root, shot)}`);
      await browser.close();
      await stop(ok ? 0 : 1);
    } catch (err) {
      await browser.close();
      throw err;
    }
  } else {
    console.log(`\nStruktur demo: ${url}\n\nOpen it in your browser (on another machine: ssh -L ${server.port}:127.0.0.1:${server.port} …). Ctrl-C stops it.`);
  }
} catch (err) {
  console.error(`npm run demo: ${err.message}`);
  await stop(1);
}
