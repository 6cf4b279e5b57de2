// The `struktur` command line: check, analyze, lsp. Returns the exit code (results.md):
// 0 clean, 1 errors or failing checks, 2 usage or I/O error.
import { runCheck } from './check';
import { runAnalyze } from './analyze';
import { UsageError } from './usage';
import { SERVER_VERSION } from '../version';

const HELP = `struktur ${SERVER_VERSION} — plain-text 3D structural models

Usage:
  struktur check [FILES|GLOBS…] [--format text|json|sarif|junit|github] [-o FILE]
                 [--max-warnings N] [--root DIR] [--no-color] [--no-analysis]
      Validates models through the language server, as the editor does.
      Without files, checks **/*.struct under the current folder.
  struktur analyze FILE --json [-o PATH] [--cases A,B] [--shear-deformation]
      Runs the linear static analysis and prints the results (struktur-results/1).
  struktur report FILE -o REPORT.pdf [--preset summary|full|checker] [--config report.json]
                  [--root DIR] [--shear-deformation]
      Writes the PDF calculation report (docs/reports.md). No report for a model with errors.
  struktur lsp --stdio
      Runs the language server for other editors (see docs/editors.md).
  struktur live serve|token|backup|restore …
      Live sessions: the shared-editing server and its tokens (see docs/live-server.md).
  struktur --version | --help

Exit codes: 0 no errors and every check ok, 1 errors, an unstable model or a failing check
(or more warnings than --max-warnings), 2 usage or I/O error.`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(HELP + '\n');
        return command === undefined ? 2 : 0;
      case '-v':
      case '--version':
        process.stdout.write(SERVER_VERSION + '\n');
        return 0;
      case 'check':
        return await runCheck(rest);
      case 'analyze':
        return await runAnalyze(rest);
      case 'report':
        // pdf-lib and the fonts load only for this command.
        return await (await import('./report')).runReport(rest);
      case 'live': {
        const { runLiveCommand } = await import('./live');
        return await runLiveCommand(rest);
      }
      case 'lsp': {
        if (!rest.includes('--stdio')) throw new UsageError('struktur lsp needs --stdio (the only transport it offers)');
        const { startServer } = await import('../server');
        startServer();
        // The server runs until the client sends exit.
        return await new Promise<number>(() => undefined);
      }
      default:
        throw new UsageError(`Unknown command "${command}". Commands: check, analyze, report, lsp, live. See struktur --help`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`struktur: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

// `node dist/cli.js …` runs the CLI too (the check command starts its server this way).
if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`struktur: internal error: ${(err as Error)?.stack ?? err}\n`);
      process.exitCode = 3;
    },
  );
}
