/**
 * The one command-line helper of the commands (audit, data:export): flags
 * through node:util parseArgs in strict mode, so an unknown flag is an error
 * (exit 2) and --help prints the usage and does nothing else (exit 0).
 */
import { parseArgs } from 'node:util';

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

export interface CommandSpec<O extends Options> {
  /** Prefix of the error code: AUDIT → `error AUDIT_BAD_ARGS: …`. */
  code: string;
  /** The help text, printed for --help and after a bad argument. */
  usage: string;
  options: O;
  /** Whether positional arguments are accepted. */
  positionals?: boolean;
}

export type CommandLine<O extends Options> =
  | { ok: true; values: ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: boolean }>>['values']; positionals: string[] }
  | { ok: false; exitCode: number };

/**
 * Parses argv (without node and the script). On --help or a bad argument the
 * message is written here and `ok` is false with the exit code to use.
 */
export function parseCommandLine<O extends Options>(argv: string[], spec: CommandSpec<O>): CommandLine<O> {
  const usage = spec.usage.endsWith('\n') ? spec.usage : `${spec.usage}\n`;
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usage);
    return { ok: false, exitCode: 0 };
  }
  try {
    const { values, positionals } = parseArgs({ args: argv, options: spec.options, strict: true, allowPositionals: spec.positionals ?? false });
    return { ok: true, values, positionals } as CommandLine<O>;
  } catch (err) {
    process.stderr.write(`error ${spec.code}_BAD_ARGS: ${(err as Error).message}\n${usage}`);
    return { ok: false, exitCode: 2 };
  }
}

/** Runs a command's main(): its return value is the exit code; an unexpected error is one line `error <CODE>_INTERNAL: …`, exit 1, no stack trace. */
export function runCommand(code: string, main: () => number): void {
  try {
    process.exitCode = main();
  } catch (err) {
    process.stderr.write(`error ${code}_INTERNAL: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
