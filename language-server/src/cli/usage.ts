import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how the command was called, or a file that cannot be read: exit code 2. */
export class UsageError extends Error {}

/** node:util parseArgs with positionals allowed; a bad option becomes a UsageError (exit 2). */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
