// While a model call runs with a spinner on the terminal, stdin is in raw mode (so keys typed
// meanwhile neither echo over the spinner nor pile up for the next screen), which also means the
// terminal no longer turns Ctrl-C, Ctrl-\ and Ctrl-Z into signals. This guard reads every key,
// drops it, and does what the terminal would have done: Ctrl-C raises SIGINT (the one interrupt
// path in src/cli.ts; a second press forces the exit there), Ctrl-\ restores the terminal and
// raises SIGQUIT, Ctrl-Z restores the terminal, stops the process (SIGTSTP, as the shell expects)
// and takes raw mode back after `fg`.

/** The part of a TTY read stream the guard uses. */
export interface GuardedStdin {
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?(mode: boolean): unknown;
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  off(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  pause(): unknown;
  resume(): unknown;
  read(): unknown;
  readableLength?: number;
}

export type GuardSignal = 'SIGINT' | 'SIGQUIT' | 'SIGTSTP';

export interface KeyGuardOptions {
  stdin: GuardedStdin;
  /** Deliver a signal to this process (process.kill(process.pid, ...) in the CLI). */
  raise(signal: GuardSignal): void;
  /** Put the screen in a state fit for the shell (show the cursor, clear the spinner line). */
  beforeSuspend?(): void;
  /** Redraw after `fg`. */
  afterResume?(): void;
}

export interface KeyGuard {
  /** Give the terminal back as it was, dropping whatever was typed meanwhile. */
  release(): void;
}

const CTRL_C = 0x03;
const CTRL_BACKSLASH = 0x1c;
const CTRL_Z = 0x1a;

export function guardKeys(opts: KeyGuardOptions): KeyGuard {
  const { stdin } = opts;
  if (stdin.isTTY !== true || typeof stdin.setRawMode !== 'function') return { release() {} };
  const wasRaw = stdin.isRaw === true;
  let active = true;
  const setRaw = (mode: boolean) => stdin.setRawMode?.(mode);

  const onData = (chunk: Buffer | string) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    for (const byte of bytes) {
      if (!active) return;
      if (byte === CTRL_C) opts.raise('SIGINT');
      else if (byte === CTRL_BACKSLASH) {
        release();
        opts.raise('SIGQUIT');
      } else if (byte === CTRL_Z) {
        opts.beforeSuspend?.();
        setRaw(false);
        // The default action stops the whole process here; execution goes on after `fg`.
        opts.raise('SIGTSTP');
        if (!active) return;
        setRaw(true);
        opts.afterResume?.();
      }
      // Any other byte is type-ahead: dropped.
    }
  };

  function release(): void {
    if (!active) return;
    active = false;
    stdin.off('data', onData);
    stdin.pause();
    // Keys already read from the terminal but not yet handed out would reach the next screen.
    if ((stdin.readableLength ?? 0) > 0) stdin.read();
    setRaw(wasRaw);
  }

  setRaw(true);
  stdin.on('data', onData);
  stdin.resume();
  return { release };
}
