// Commander wiring and the one top-level error handler, as a function of its IO: src/main.ts calls
// it with `process`'s streams, the in-process tests with captures (test/support/in-process.ts).
// Command modules load with import() so `careerforge --help` parses almost nothing, and Ink/React
// load only on interactive paths.
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';
import { CareerForgeError, ExitCode, InterruptedError, isCareerForgeError, UsageError } from './core/errors.js';
import { createSession, elapsed, type Session, type SessionIO } from './commands/session.js';
import type { CallRecorder } from './core/logs/recorder.js';
import { refuseFlagValues } from './commands/option-values.js';
import { ownOptionsFirst } from './commands/help-layout.js';

export const VERSION = '0.1.0';

export interface CliIO extends SessionIO {
  /** Aborted on Ctrl-C: every in-flight request stops and the command unwinds. */
  signal: AbortSignal;
}

function build(session: Session, onRecorder: (recorder: CallRecorder | undefined) => void): Command {
  const program = new Command('careerforge')
    .description('A local career coach: learning roadmaps, skill gaps, interviews and quizzes from your own Ollama.')
    .version(VERSION, '-V, --version')
    // Program options only before the command: `progress show ID --version 1` is the command's own.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void session.stdout.write(text),
      writeErr: (text) => void session.stderr.write(text),
      outputError: () => undefined,
    });
  for (const register of commands) register(program, session);
  for (const cmd of program.commands) ownOptionsFirst(cmd);
  // The call log and --dry-run, from the options of the command about to run (call-records.ts).
  program.hook('preAction', async (_program, action) => {
    refuseFlagValues(action);
    const { callHooksFor } = await import('./commands/call-records.js');
    const wired = callHooksFor(action.name(), action.opts(), session);
    session.calls = wired.hooks;
    onRecorder(wired.recorder);
  });
  program.addHelpText(
    'after',
    '\nSettings resolve in this order: flag > environment variable > `careerforge config set` > default.\nAll state lives in one directory: CAREERFORGE_HOME, or the OS config dir (see `careerforge config path`).',
  );
  return program;
}

/** `--version` (or `-V`) with `--json` and no command; any other use of --version is commander's. */
const isVersionJson = (argv: string[]) => argv.includes('--json') && argv.some((a) => a === '--version' || a === '-V') && argv.every((a) => a.startsWith('-'));

/** `help nope`: commander would print the general help; say what is wrong instead. */
function refuseUnknownHelp(program: Command, argv: string[]): void {
  const [word, name] = argv;
  if (word !== 'help' || name === undefined || name.startsWith('-')) return;
  if (!program.commands.some((c) => c.name() === name || c.aliases().includes(name))) throw new UsageError(`unknown command '${name}'`);
}

function toError(error: unknown, signal: AbortSignal): CareerForgeError {
  if (isCareerForgeError(error)) return error;
  // Commander's own line, with its "(Did you mean ...?)" when it has one.
  if (error instanceof CommanderError && error.code === 'commander.unknownCommand') return new UsageError(error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' '));
  if (error instanceof CommanderError) return new UsageError(`${error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')} (see careerforge --help)`);
  if (signal.aborted) return new InterruptedError();
  const message = error instanceof Error ? error.message : String(error);
  return new CareerForgeError('INTERNAL', `unexpected error: ${message} (set CAREERFORGE_DEBUG=1 for details)`);
}

/** Run one command line (`argv` without node and the script) and return the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const session = createSession({ ...io, json: argv.includes('--json') });
  let recorder: CallRecorder | undefined;
  /** The call log's run entry: what the run saved, or how it failed. */
  const finishCalls = async (exitCode: number, errorCode?: string): Promise<void> => {
    if (!recorder) return;
    const { savedIds } = await import('./commands/call-records.js');
    recorder.finish({ exitCode, ...(errorCode ? { errorCode } : {}), recordIds: savedIds(session.meta as Record<string, unknown>) });
  };
  try {
    // `--version --json`: the one envelope instead of commander's bare version line.
    if (isVersionJson(argv)) {
      await (await import('./commands/version.js')).printVersionJson(VERSION, session);
      return ExitCode.ok;
    }
    const program = build(session, (wired) => (recorder = wired));
    refuseUnknownHelp(program, argv);
    await program.parseAsync(argv, { from: 'user' });
    await finishCalls(ExitCode.ok);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError && (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version')) {
      return ExitCode.ok;
    }
    // A bare `careerforge` prints the help on stderr: a usage error, not a success.
    if (error instanceof CommanderError && error.code === 'commander.help') return ExitCode.usage;
    const { isDryRunStop } = await import('./core/llm/dry-run.js');
    if (isDryRunStop(error)) {
      const { dryRunData, dryRunText } = await import('./render/dry-run-text.js');
      if (session.json) {
        const { successEnvelope, writeJson } = await import('./render/json.js');
        writeJson(session.stdout, successEnvelope(dryRunData(error), session.meta));
      } else session.stdout.write(dryRunText(error));
      return ExitCode.ok;
    }
    const failure = toError(error, io.signal);
    await finishCalls(failure.exitCode, failure.code);
    if (io.env.CAREERFORGE_DEBUG && error instanceof Error) session.stderr.write(`${error.stack}\n`);
    if (session.json) {
      const { errorEnvelope, writeJson } = await import('./render/json.js');
      session.meta.latency_ms ??= elapsed(session);
      writeJson(session.stdout, errorEnvelope(failure, session.meta));
    }
    session.stderr.write(`careerforge: ${failure.message}\n`);
    return failure.exitCode;
  }
}
