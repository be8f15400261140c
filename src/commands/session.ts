// One run of the CLI, like gh's IOStreams: the streams, the environment, and every decision that
// depends on them (TTY, colour, spinner, whether a form may open), made here once. cli.ts builds
// it from `process`; tests build it from fake streams, so every TTY-dependent path runs in-process.
// Nothing below src/commands reads `process`.
import type { CallHooks } from '../core/llm/hooks.js';
import type { Meta } from '../core/meta.js';
import type { Warn } from '../core/store/store.js';
import type { GuardedStdin, GuardSignal } from '../render/key-guard.js';
import type { SpinnerIO } from '../render/spinner.js';
import type { InStream, OutStream, Screen } from '../render/streams.js';
import type { RawTerminal } from '../render/terminal-stream.js';

export type { InStream, OutStream };

export interface SessionIO {
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  env: NodeJS.ProcessEnv;
  /** Deliver a signal to this process (Ctrl-C, Ctrl-\\, Ctrl-Z typed while the spinner runs). */
  raise(signal: GuardSignal): void;
}

export type OutputMode = 'json' | 'tty' | 'text';

export interface Session extends SessionIO {
  json: boolean;
  signal: AbortSignal;
  /** Filled by the command as it learns things; the error envelope carries it too. */
  meta: Meta;
  warn: Warn;
  started: number;
  /** Call log or --dry-run hooks for the model calls of this run (set by cli.ts, see call-records.ts). */
  calls?: CallHooks;
  /** json, a terminal (coloured text wrapped to its width, and Ink for interactive screens), or plain text for pipes and files. */
  mode: OutputMode;
  /** Whether a form may open: stdin and stdout are both terminals (raw mode needs one) and not --json. */
  canPrompt(): boolean;
  /** Whether text for this stream gets colour: NO_COLOR wins unless FORCE_COLOR is set (https://no-color.org). */
  colorEnabled(stream: 'stdout' | 'stderr'): boolean;
  /** Whether a live spinner may draw on stderr: a terminal, not --json, not CI. */
  spinner(): boolean;
  /** What the live spinner draws on and guards keys through. */
  spinnerIO(): SpinnerIO;
  /** The streams an Ink screen uses, with the colour decision for stdout. */
  screen(): Screen;
}

export function createSession(io: SessionIO & { json: boolean; signal: AbortSignal; started?: number }): Session {
  const { stdout, stderr, stdin, env, json } = io;
  const tty = stdout.isTTY === true && stdin.isTTY === true;
  const session: Session = {
    stdout,
    stderr,
    stdin,
    env,
    raise: io.raise,
    json,
    signal: io.signal,
    meta: {},
    warn: (message) => void stderr.write(`warning: ${message}\n`),
    started: io.started ?? Date.now(),
    mode: json ? 'json' : tty ? 'tty' : 'text',
    canPrompt: () => !json && tty,
    colorEnabled(which) {
      if (env.NO_COLOR && !env.FORCE_COLOR) return false;
      if (env.FORCE_COLOR) return !['0', 'false'].includes(env.FORCE_COLOR);
      return (which === 'stdout' ? stdout : stderr).isTTY === true;
    },
    spinner: () => !json && stderr.isTTY === true && !env.CI,
    spinnerIO: () => ({ stderr: stderr as RawTerminal, stdin: stdin as unknown as GuardedStdin, env, raise: io.raise }),
    screen() {
      // A person answering a form is not the CLI working: the clock moves on by that time.
      const away = (ms: number) => void (session.started += ms);
      return { stdout, stderr, stdin, env, color: session.colorEnabled('stdout'), away };
    },
  };
  return session;
}

/** Milliseconds since the run started, less the time spent in forms (meta.latency_ms, the footer). */
export function elapsed(session: Session): number {
  return Math.round(Date.now() - session.started);
}
