// The process entry (bundled as dist/cli.js): the one place that touches `process`. It hands the
// streams, the environment and an abort signal to runCli (src/cli.ts), owns SIGINT, and exits
// with the code runCli returns once stdout is flushed.
import { format } from 'node:util';
import { runCli } from './cli.js';
import { ExitCode, InterruptedError } from './core/errors.js';

// ollama-js can print to stdout on error paths; stdout belongs to our output alone.
for (const method of ['log', 'info', 'warn', 'debug', 'error'] as const) {
  console[method] = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
}

const controller = new AbortController();

// Ctrl-C (a real SIGINT, or the key read by the spinner's key guard, which raises one) aborts
// every in-flight request through the session's signal; the command unwinds and runCli's handler
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

// A reader that stops early (`careerforge roadmap | head`) closes the pipe. That is the reader's
// choice, not our failure: stop at once and quietly, as a program killed by SIGPIPE would, instead
// of the unhandled EPIPE stack trace Node prints (Node ignores SIGPIPE). Exit hooks still run, so
// the spinner's cursor and the terminal mode are restored.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(ExitCode.ok);
  });
}

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  raise: (signal) => void process.kill(process.pid, signal),
  signal: controller.signal,
});
// Exit explicitly (idle keep-alive sockets must not hold the process) once stdout is flushed.
process.stdout.write('', () => process.exit(code));
