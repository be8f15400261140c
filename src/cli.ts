// Commander wiring and the one top-level error handler. Command modules load with import() so
// `careerforge --help` parses almost nothing, and Ink/React load only on interactive paths.
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';
import { format } from 'node:util';
import { CareerForgeError, ExitCode, InterruptedError, isCareerForgeError, UsageError } from './core/errors.js';
import type { Session } from './commands/shared.js';
import type { CallRecorder } from './core/logs/recorder.js';

const VERSION = '0.1.0';

// ollama-js can print to stdout on error paths; stdout belongs to our output alone.
for (const method of ['log', 'info', 'warn', 'debug', 'error'] as const) {
  console[method] = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
}

const controller = new AbortController();
const session: Session = {
  json: process.argv.includes('--json'),
  env: process.env,
  signal: controller.signal,
  meta: {},
  warn: (message) => void process.stderr.write(`warning: ${message}\n`),
  started: Date.now(),
};

// Ctrl-C (a real SIGINT, or the key read by the spinner's key guard, which raises one) aborts
// every in-flight request through the session's signal; the command unwinds and the handler below
// prints the outcome. A second Ctrl-C does not wait for that. when-exit (conf -> atomically) would
// re-raise every SIGINT once, which looked like a second press; scripts/build.mjs keeps it off
// SIGINT (its clean-up still runs on process.exit).
let interrupts = 0;
process.on('SIGINT', () => {
  interrupts += 1;
  if (interrupts === 1) return controller.abort(new InterruptedError());
  process.stderr.write('careerforge: interrupted again: exiting now.\n');
  process.exit(ExitCode.interrupted);
});

let recorder: CallRecorder | undefined;

function build(): Command {
  const program = new Command('careerforge')
    .description('A local career coach: learning roadmaps, skill gaps, interviews and quizzes from your own Ollama.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ outputError: () => undefined });
  for (const register of commands) register(program, session);
  // The call log and --dry-run, from the options of the command about to run (call-records.ts).
  program.hook('preAction', async (_program, action) => {
    const { callHooksFor } = await import('./commands/call-records.js');
    const wired = callHooksFor(action.name(), action.opts(), session);
    session.calls = wired.hooks;
    recorder = wired.recorder;
  });
  program.addHelpText(
    'after',
    '\nSettings resolve in this order: flag > environment variable > `careerforge config set` > default.\nAll state lives in one directory: CAREERFORGE_HOME, or the OS config dir (see `careerforge config path`).',
  );
  return program;
}

function toError(error: unknown): CareerForgeError {
  if (isCareerForgeError(error)) return error;
  if (error instanceof CommanderError) return new UsageError(`${error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')} (see careerforge --help)`);
  if (controller.signal.aborted) return new InterruptedError();
  const message = error instanceof Error ? error.message : String(error);
  return new CareerForgeError('INTERNAL', `unexpected error: ${message} (set CAREERFORGE_DEBUG=1 for details)`);
}

function finish(code: number): void {
  // Exit explicitly (idle keep-alive sockets must not hold the process) once stdout is flushed.
  process.stdout.write('', () => process.exit(code));
}

async function main(): Promise<void> {
  try {
    await build().parseAsync(process.argv);
    await finishCalls(ExitCode.ok);
    finish(ExitCode.ok);
  } catch (error) {
    if (error instanceof CommanderError && (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version')) {
      return finish(0);
    }
    // A bare `careerforge` prints the help on stderr: a usage error, not a success.
    if (error instanceof CommanderError && error.code === 'commander.help') return finish(ExitCode.usage);
    const { isDryRunStop } = await import('./core/llm/dry-run.js');
    if (isDryRunStop(error)) {
      const { dryRunData, dryRunText } = await import('./render/dry-run-text.js');
      if (session.json) {
        const { successEnvelope, writeJson } = await import('./render/json.js');
        writeJson(successEnvelope(dryRunData(error), session.meta));
      } else process.stdout.write(dryRunText(error));
      return finish(ExitCode.ok);
    }
    const failure = toError(error);
    await finishCalls(failure.exitCode, failure.code);
    if (process.env.CAREERFORGE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    if (session.json) {
      const { errorEnvelope, writeJson } = await import('./render/json.js');
      session.meta.latency_ms ??= Math.round(Date.now() - session.started);
      writeJson(errorEnvelope(failure, session.meta, session.failureData));
    }
    process.stderr.write(`careerforge: ${failure.message}\n`);
    finish(failure.exitCode);
  }
}

/** The call log's run entry: what the run saved, or how it failed. */
async function finishCalls(exitCode: number, errorCode?: string): Promise<void> {
  if (!recorder) return;
  const { savedIds } = await import('./commands/call-records.js');
  recorder.finish({ exitCode, ...(errorCode ? { errorCode } : {}), recordIds: savedIds(session.meta) });
}

void main();
