// The `struktur live …` commands (serve, token, backup, restore). The CLI in language-server/
// forwards to these, so live/ stays a package of its own.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, parseServeOptions, resolveSecret, serveHelp } from './config';
import { LiveServer } from './server';
import { mintToken, parseTtl } from './auth';
import { backupDataDir, restoreDataDir, BackupError } from './backup';
import { roomNameProblem } from './protocol/room-name';
import type { Role } from './protocol/payloads';

export const LIVE_HELP = `struktur live — shared editing sessions (docs/live-server.md)

Usage:
  struktur live serve [options]
      Runs the live server. Options (environment variable in brackets):
${serveHelp()}
  struktur live token --room R --role viewer|editor --ttl 8h [--name N] [--sub ID] [--secret-file F]
      Prints a session token (JWT) for one room.
  struktur live backup DIR [--data D]
      Copies the store consistently, also while servers run.
  struktur live restore DIR [--data D]
      Replaces the store by a backup (stop the servers first).`;

/** Thrown for bad usage: the CLI prints the message and exits 2. */
export class LiveUsageError extends Error {
  override name = 'LiveUsageError';
}

function flags(argv: string[], known: string[], positional = 0): { values: Map<string, string>; args: string[] } {
  const values = new Map<string, string>();
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      args.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq >= 0 ? eq : undefined);
    if (!known.includes(name)) throw new LiveUsageError(`unknown option --${name}`);
    const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (v === undefined) throw new LiveUsageError(`--${name} needs a value`);
    values.set(name, v);
  }
  if (args.length !== positional) throw new LiveUsageError(positional === 0 ? `unexpected argument "${args[0]}"` : `expected ${positional} folder argument${positional > 1 ? 's' : ''}`);
  return { values, args };
}

export async function runLive(argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    switch (sub) {
      case 'serve':
        if (rest.includes('--help')) {
          out.write(LIVE_HELP + '\n');
          return 0;
        }
        return await serve(rest);
      case 'token': {
        const { values } = flags(rest, ['room', 'role', 'ttl', 'name', 'sub', 'secret-file']);
        const room = values.get('room');
        if (!room) throw new LiveUsageError('--room is required');
        const problem = roomNameProblem(room);
        if (problem) throw new LiveUsageError(`--room "${room}": ${problem}`);
        const role = (values.get('role') ?? 'editor') as Role;
        if (role !== 'viewer' && role !== 'editor') throw new LiveUsageError(`--role must be viewer or editor, not "${role}"`);
        let ttl: number;
        try {
          ttl = parseTtl(values.get('ttl') ?? '8h');
        } catch (err) {
          throw new LiveUsageError((err as Error).message);
        }
        const secret = resolveSecret(values.get('secret-file'), process.env);
        out.write((await mintToken(secret, { room, role, ttlSeconds: ttl, name: values.get('name'), sub: values.get('sub') })) + '\n');
        return 0;
      }
      case 'backup': {
        const { values, args } = flags(rest, ['data'], 1);
        const data = path.resolve(values.get('data') ?? process.env.STRUKTUR_LIVE_DATA ?? 'live-data');
        const m = await backupDataDir(data, path.resolve(args[0]));
        out.write(`backed up ${m.rooms.length} room(s), ${m.bytes} bytes, to ${path.resolve(args[0])}\n`);
        return 0;
      }
      case 'restore': {
        const { values, args } = flags(rest, ['data'], 1);
        const data = path.resolve(values.get('data') ?? process.env.STRUKTUR_LIVE_DATA ?? 'live-data');
        const rooms = restoreDataDir(path.resolve(args[0]), data);
        out.write(`restored ${rooms.length} room(s) into ${data}\n`);
        return 0;
      }
      case undefined:
      case '--help':
      case 'help':
        out.write(LIVE_HELP + '\n');
        return sub === undefined ? 2 : 0;
      default:
        throw new LiveUsageError(`unknown live command "${sub}" (serve, token, backup, restore)`);
    }
  } catch (err) {
    if (err instanceof LiveUsageError || err instanceof ConfigError || err instanceof BackupError) {
      process.stderr.write(`struktur live: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

/** Runs the server until SIGTERM/SIGINT, then drains (close code 4012) and exits 0. */
async function serve(argv: string[]): Promise<number> {
  const options = parseServeOptions(argv);
  if (options.cert && !fs.existsSync(options.cert)) throw new ConfigError(`--cert ${options.cert} does not exist`);
  if (options.key && !fs.existsSync(options.key)) throw new ConfigError(`--key ${options.key} does not exist`);
  const server = new LiveServer(options);
  try {
    await server.listen();
  } catch (err) {
    throw new ConfigError(`cannot listen on ${options.host}:${options.port}: ${(err as Error).message}`);
  }
  return await new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      server.log.info({ signal }, 'signal received');
      server.close().then(
        () => resolve(0),
        (err) => {
          server.log.error({ err: (err as Error).message }, 'shutdown failed');
          resolve(1);
        },
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
