// Run the CLI in this process: runCli (src/cli.ts) with captured streams instead of a child
// process. The same commander wiring, handler, session and renderers as the built binary, at a
// fraction of the cost of spawning node (about 5 ms a run instead of 300), so bad-input and
// rendering cases live here and the end-to-end files keep one case per command, fault class and
// exit code. A stream can pretend to be a terminal (isTTY, columns) to reach the TTY paths.
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli.js';
import { tempHome, type CliResult } from './cli.js';

export class Capture {
  chunks: string[] = [];
  constructor(
    readonly isTTY = false,
    readonly columns?: number,
  ) {}
  write(chunk: string | Uint8Array, callback?: unknown): boolean {
    this.chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof callback === 'function' ? callback : undefined;
    if (done) queueMicrotask(() => done());
    return true;
  }
  text(): string {
    return this.chunks.join('');
  }
}

export interface InProcessOptions {
  host?: string;
  home?: string;
  env?: Record<string, string | undefined>;
  /** What stdin holds (never a terminal: a form would wait for keys). */
  input?: string;
  /** stdout (and stderr) as a terminal of this many columns; stdin stays a pipe, so no form opens. */
  tty?: { columns?: number };
  /** A capture of the caller's, to read stdout while the run is still going. */
  stdout?: Capture;
}

export interface InProcessResult extends CliResult {
  signals: string[];
}

/** The environment a user's shell would hand over, minus our own settings, as runCli (test/support/cli.ts) does. */
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(CAREERFORGE_|OLLAMA_|OPENAI_)|^(NO_COLOR|FORCE_COLOR)$/.test(key)) delete env[key];
  return env;
}

export async function runInProcess(args: string[], opts: InProcessOptions = {}): Promise<InProcessResult> {
  const home = opts.home ?? tempHome();
  const stdout = opts.stdout ?? new Capture(opts.tty !== undefined, opts.tty?.columns);
  const stderr = new Capture(opts.tty !== undefined, opts.tty?.columns);
  const signals: string[] = [];
  // A UTF-8 locale whatever the machine running the tests has (LANG=C draws ASCII glyphs).
  const locale = { LANG: 'C.UTF-8', LC_ALL: undefined, LC_CTYPE: undefined };
  const env: NodeJS.ProcessEnv = { ...baseEnv(), CAREERFORGE_HOME: home, OLLAMA_HOST: opts.host ?? '127.0.0.1:9', CI: '1', ...locale, ...opts.env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const exitCode = await runCli(args, {
    stdout,
    stderr,
    stdin: Readable.from(opts.input === undefined ? [] : [Buffer.from(opts.input)]),
    env,
    raise: (signal) => void signals.push(signal),
    signal: new AbortController().signal,
  });
  return { exitCode, stdout: stdout.text(), stderr: stderr.text(), home, signals };
}
