// A real pseudo-terminal without tmux: util-linux `script` runs the built CLI on a fresh pty, so
// stdin, stdout and stderr are all TTYs, as in a user's terminal. What the test writes to
// script's stdin reaches the CLI as typed keys (Ctrl-C is the byte 0x03, no signal sent by us);
// script's stdout is the terminal's raw byte stream (every escape code), so tests can assert on
// bytes that a screen capture would hide. The pty is 0x0 unless cols/rows are given (stty sets
// the size inside it), which is what cron and `script` from a non-terminal give a user. CI is
// removed from the environment: users have none, so the spinner runs.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, beforeEach } from 'vitest';
import { BIN, ROOT, tempHome } from './cli.js';
import { startFakeOllama, type FakeOllama } from './fake-ollama.js';

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface PtyOptions {
  home: string;
  host: string;
  cols?: number;
  rows?: number;
  /** Extra environment (undefined removes a variable). */
  env?: Record<string, string | undefined>;
  /** Shell text after the command, e.g. '| cat' (the exit status is the CLI's: pipefail). */
  pipe?: string;
}

export interface PtyExit {
  code: number;
  /** Date.now() when script (and so the CLI) ended. */
  at: number;
}

export class PtyRun {
  private chunks: Buffer[] = [];
  readonly exited: Promise<PtyExit>;

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    // The CLI may be gone before a late write; that is the test's business, not a crash.
    child.stdin.on('error', () => undefined);
    this.exited = new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, at: Date.now() })));
  }

  /** Every byte the terminal received so far. */
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }

  /** What was written, escape codes removed (not a screen: redraws stay in). */
  text(): string {
    return stripVTControlCharacters(this.bytes().toString('utf8'));
  }

  async waitFor(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = this.text();
      if (pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output:\n${text.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Type bytes on the terminal, as keys ('\x03' is Ctrl-C). */
  type(bytes: string): void {
    this.child.stdin.write(bytes);
  }

  /** The exit, or a failure naming what was on the terminal if it takes longer than `timeoutMs`. */
  async exit(timeoutMs = 20_000): Promise<PtyExit> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`still running after ${timeoutMs} ms; output:\n${this.text().slice(-3000)}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** The shell words that run the built CLI with `args`. */
export function cliCommand(args: string[]): string {
  return `node ${quote(BIN)} ${args.map(quote).join(' ')}`;
}

/**
 * Run `careerforge ARGS` on a fresh pty; `after` runs next in the same terminal (e.g. `stty -a`
 * to see the mode the CLI left), and the exit status stays the CLI's.
 */
export function startPty(args: string[], opts: PtyOptions & { after?: string }): PtyRun {
  const after = opts.after ? `; status=$?; ${opts.after}; exit $status` : '';
  return spawnScript(`set -o pipefail; ulimit -c 0; ${cliCommand(args)} ${opts.pipe ?? ''}${after}`, opts);
}

/** An interactive bash with job control on a fresh pty: type command lines into it. */
export function startPtyShell(opts: PtyOptions): PtyRun {
  return spawnScript(`ulimit -c 0; PS1='$ ' exec bash --norc --noprofile -i`, opts);
}

function spawnScript(line: string, opts: PtyOptions): PtyRun {
  const command = `stty cols ${opts.cols ?? 0} rows ${opts.rows ?? 0}; ${line}`;
  const env: Record<string, string | undefined> = {
    ...process.env,
    CAREERFORGE_HOME: opts.home,
    OLLAMA_HOST: opts.host,
    TERM: 'xterm-256color',
    SHELL: '/bin/bash',
    // A UTF-8 locale whatever the machine running the tests has; tests of LANG=C set their own.
    LANG: 'C.UTF-8',
    LC_ALL: undefined,
    LC_CTYPE: undefined,
    CAREERFORGE_MODEL: undefined,
    CAREERFORGE_NUM_CTX: undefined,
    CAREERFORGE_RETRIES: undefined,
    CAREERFORGE_TIMEOUT: undefined,
    ...opts.env,
  };
  for (const name of Object.keys(env)) if (name.startsWith('CI_')) delete env[name];
  // Users have none of these; vitest and CI runners set some.
  for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'NO_COLOR', 'FORCE_COLOR', 'GITHUB_ACTIONS', 'VITEST', 'VITEST_WORKER_ID', 'TEST', 'NODE_ENV']) {
    if (!opts.env || !(name in opts.env)) delete env[name];
  }
  // -e: script exits with the command's status; -q: no start/done banner; /dev/null: no log file.
  const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'] });
  return new PtyRun(child);
}

type StartOptions = Omit<PtyOptions, 'home' | 'host'> & { after?: string };

/**
 * The hooks every pty test file needs (the twin of tmux.ts's terminalTests): a fake Ollama and a
 * fresh CAREERFORGE_HOME per test, and whatever pty the test started killed after it.
 */
export function ptyTests(setup?: (fake: FakeOllama) => void) {
  let fake: FakeOllama | undefined;
  let home = '';
  let run: PtyRun | undefined;
  beforeEach(async () => {
    fake = await startFakeOllama();
    setup?.(fake);
    home = tempHome();
  });
  afterEach(async () => {
    run?.kill();
    run = undefined;
    await fake?.close();
  });
  const ctx = {
    get fake(): FakeOllama {
      if (!fake) throw new Error('the fake server starts in beforeEach');
      return fake;
    },
    get home(): string {
      return home;
    },
    /** `careerforge ARGS` on a fresh pty, against this test's fake and home. */
    start(args: string[], opts: StartOptions = {}): PtyRun {
      return (run = startPty(args, { home, host: ctx.fake.host, ...opts }));
    },
    /** An interactive job-control bash on a fresh pty, against this test's fake and home. */
    startShell(opts: Omit<PtyOptions, 'home' | 'host'> = {}): PtyRun {
      return (run = startPtyShell({ home, host: ctx.fake.host, ...opts }));
    },
  };
  return ctx;
}
