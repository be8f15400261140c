// A real terminal for end-to-end tests: the built CLI runs inside tmux (a TTY on both ends), tests
// type with send-keys and read the screen with capture-pane. Each test file gets a private tmux
// server (its own socket), so no test touches anyone's sessions.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { BIN, ROOT, tempHome } from './cli.js';
import { startFakeOllama, type FakeOllama } from './fake-ollama.js';

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface TerminalRun {
  home: string;
  host: string;
  cols?: number;
  rows?: number;
}

export class TmuxServer {
  private readonly socket: string;
  private count = 0;

  constructor(label: string) {
    this.socket = path.join(os.tmpdir(), `careerforge-${label}-${process.pid}`);
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-S', this.socket, ...args], { encoding: 'utf8', stdio: 'pipe' });
  }

  /** Start `careerforge ARGS`; the pane stays after exit (with "[exit N]") so the screen can be read. */
  start(args: string[], run: TerminalRun): Terminal {
    const session = `cf-${process.pid}-${++this.count}`;
    // CI unset: Ink renders differently (last frame only) when it thinks it runs in CI.
    const env = `env -u CI -u NO_COLOR -u FORCE_COLOR -u LC_ALL -u LC_CTYPE LANG=C.UTF-8 CAREERFORGE_HOME=${quote(run.home)} OLLAMA_HOST=${quote(run.host)} TERM=xterm-256color`;
    const command = `cd ${quote(ROOT)} && ${env} node ${quote(BIN)} ${args.map(quote).join(' ')}; echo "[exit $?]"; sleep 60`;
    this.tmux('new-session', '-d', '-s', session, '-x', String(run.cols ?? 120), '-y', String(run.rows ?? 40), command);
    return new Terminal(this, session);
  }

  close(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // no server left
    }
    fs.rmSync(this.socket, { force: true });
  }
}

export class Terminal {
  constructor(
    private readonly server: TmuxServer,
    readonly session: string,
  ) {}

  screen(): string {
    return this.server.tmux('capture-pane', '-p', '-J', '-S', '-400', '-t', this.session);
  }

  async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = this.screen();
      if (pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; screen:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Named keys (Enter, Down, Escape, C-c) or literal characters. */
  keys(...keys: string[]): void {
    this.server.tmux('send-keys', '-t', this.session, ...keys);
  }

  /** Literal text, typed as is. */
  type(text: string): void {
    this.server.tmux('send-keys', '-t', this.session, '-l', text);
  }

  kill(): void {
    try {
      this.server.tmux('kill-session', '-t', this.session);
    } catch {
      // already gone
    }
  }
}

/**
 * The hooks every terminal test file needs: a fake Ollama and a fresh CAREERFORGE_HOME per test,
 * the terminal killed after it, the tmux server closed after the file.
 */
export function terminalTests(label: string, rows = 40) {
  const server = new TmuxServer(label);
  let fake: FakeOllama | undefined;
  let home = '';
  let term: Terminal | undefined;
  beforeEach(async () => {
    fake = await startFakeOllama();
    home = tempHome();
  });
  afterEach(async () => {
    term?.kill();
    term = undefined;
    await fake?.close();
  });
  afterAll(() => server.close());
  const current = () => {
    if (!term) throw new Error('no terminal: call start() first');
    return term;
  };
  return {
    get fake(): FakeOllama {
      if (!fake) throw new Error('the fake server starts in beforeEach');
      return fake;
    },
    get home(): string {
      return home;
    },
    /** Start `careerforge ARGS` in a 120-column terminal. */
    start(args: string[]): Terminal {
      term = server.start(args, { home, host: this.fake.host, rows });
      return term;
    },
    screen: () => current().screen(),
    waitFor: (pattern: RegExp, timeoutMs?: number) => current().waitFor(pattern, timeoutMs),
    keys: (...keys: string[]) => current().keys(...keys),
    type: (text: string) => current().type(text),
  };
}
