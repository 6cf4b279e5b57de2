// Starts code-server (VS Code in a browser, its extension host in Node on this machine) on
// 127.0.0.1 with a private home, user data and extensions folder, and stops its whole process
// group. Used by the workbench tests, the demo and the extension bench.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** User settings for a quiet, reproducible workbench. */
export const BASE_SETTINGS = {
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
};

export function makeTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * @param {object} o
 * @param {{ node: string, nodeBinDir: string, entry: string }} o.setup  from setup.mjs
 * @param {string} o.dir         a private folder for home, user data, extensions and the log
 * @param {object} [o.settings]  user settings on top of BASE_SETTINGS
 * @param {string} [o.extensionsDir]  defaults to DIR/extensions
 * @param {string} [o.host]      defaults to 127.0.0.1
 * @param {number} [o.port]      defaults to 0 (any free port)
 * @param {number} [o.timeoutMs] for the server to listen
 * @returns {Promise<{ port: number, base: string, logFile: string, stop(): Promise<void>, child: import('node:child_process').ChildProcess }>}
 */
export async function startCodeServer({ setup, dir, settings = {}, extensionsDir, host = '127.0.0.1', port = 0, timeoutMs = 120000 }) {
  const home = path.join(dir, 'home');
  const userDataDir = path.join(dir, 'user-data');
  extensionsDir ??= path.join(dir, 'extensions');
  for (const d of [home, userDataDir, extensionsDir, path.join(userDataDir, 'User')]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
  const config = path.join(dir, 'config.yaml');
  fs.writeFileSync(config, '');
  const logFile = path.join(dir, 'code-server.log');
  const logFd = fs.openSync(logFile, 'w');

  const env = {
    ...process.env,
    PATH: `${setup.nodeBinDir}${path.delimiter}${process.env.PATH}`,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    EXTENSIONS_GALLERY: '{}',
  };
  // Variables that would make code-server or its extension host behave differently.
  for (const k of ['VSCODE_IPC_HOOK_CLI', 'VSCODE_AGENT_FOLDER', 'ELECTRON_RUN_AS_NODE', 'NODE_OPTIONS', 'PASSWORD', 'HASHED_PASSWORD']) delete env[k];

  const args = [
    setup.entry,
    '--config', config,
    '--auth', 'none',
    '--bind-addr', `${host}:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  // setsid: its own process group, so stop() ends the extension host and pty host with it.
  const child = spawn('setsid', [setup.node, ...args], { cwd: dir, env, stdio: ['ignore', logFd, logFd], detached: false });
  fs.closeSync(logFd);

  let exited = false;
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => {
    exited = true;
    resolve({ code, signal });
  }));

  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    const killed = await Promise.race([exit.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000).unref())]);
    if (!killed) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await exit;
    }
  };

  // The port: from "HTTP server listening on http://127.0.0.1:PORT/" in the log.
  const deadline = Date.now() + timeoutMs;
  let listening;
  await new Promise((resolve, reject) => {
    const watcher = fs.watch(logFile, () => check());
    const timer = setInterval(check, 200);
    exit.then(({ code, signal }) => done(new Error(`code-server exited (${signal ?? code}) before listening:\n${tail(logFile)}`)));
    function check() {
      const m = /HTTP server listening on https?:\/\/[^\s:]+:(\d+)/.exec(readOr(logFile));
      if (m) done(undefined, Number(m[1]));
      else if (Date.now() > deadline) done(new Error(`code-server did not listen within ${timeoutMs} ms:\n${tail(logFile)}`));
    }
    function done(err, p) {
      watcher.close();
      clearInterval(timer);
      if (err) reject(err);
      else {
        listening = p;
        resolve();
      }
    }
    check();
  }).catch(async (err) => {
    await stop();
    throw err;
  });

  return { port: listening, base: `http://${host}:${listening}`, logFile, stop, child, userDataDir, extensionsDir, env };
}

/** `code-server --install-extension VSIX` into an extensions folder. */
export function installExtension({ setup, dir, extensionsDir, vsix }) {
  const home = path.join(dir, 'home');
  fs.mkdirSync(home, { recursive: true });
  const r = spawnSync(setup.node, [setup.entry, '--extensions-dir', extensionsDir, '--user-data-dir', path.join(dir, 'user-data'), '--install-extension', vsix, '--force'], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${setup.nodeBinDir}${path.delimiter}${process.env.PATH}`, HOME: home, EXTENSIONS_GALLERY: '{}' },
    timeout: 180000,
  });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** The workbench URL that opens `folder` and, with the smoke-test driver, runs extension tests.
 * code-server's workbench keeps only the last extensionDevelopmentPath of the payload. */
export function workbenchUrl(base, { folder, extensionDevelopmentPaths = [], extensionTestsPath, extensionEnvironment }) {
  const { host } = new URL(base);
  const remote = (p) => `vscode-remote://${host}${p}`;
  const payload = [
    ...extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ...(extensionTestsPath ? [['extensionTestsPath', remote(extensionTestsPath)]] : []),
    ...(extensionEnvironment ? [['extensionEnvironment', JSON.stringify(extensionEnvironment)]] : []),
  ];
  let url = `${base}/?folder=${encodeURIComponent(folder)}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

function readOr(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function tail(file, lines = 40) {
  return readOr(file).split('\n').slice(-lines).join('\n');
}
