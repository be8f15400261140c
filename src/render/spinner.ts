// The one live spinner (ora) on the terminal, for model calls and benchmarks. It draws through
// TerminalOut (0 columns is unknown, no DEC modes on TERM=dumb) and leaves stdin to the key guard
// instead of ora's own discarder, which swallowed Ctrl-C, Ctrl-\ and Ctrl-Z.
import { glyphsFor } from './glyphs.js';
import { guardKeys, type GuardSignal, type GuardedStdin } from './key-guard.js';
import { isDumbTerminal, TerminalOut, type RawTerminal } from './terminal-stream.js';

export interface SpinnerIO {
  stderr: RawTerminal;
  stdin: GuardedStdin;
  env: NodeJS.ProcessEnv;
  /** Deliver a signal to this process: Ctrl-C, Ctrl-\ and Ctrl-Z go through it. */
  raise(signal: GuardSignal): void;
}

export interface Spinner {
  text: string;
  /** Take the spinner line off the screen before writing a line of its own. */
  clear(): void;
  stop(): void;
}

export async function startSpinner(text: string, io: SpinnerIO): Promise<Spinner> {
  const { default: ora } = await import('ora');
  const glyphs = glyphsFor(io.env);
  // A dumb terminal cannot redraw a line: ora prints the label once, as a plain line.
  const animated = !isDumbTerminal(io.env);
  const spinner = ora({ text, stream: new TerminalOut(io.stderr, io.env) as unknown as NodeJS.WritableStream, spinner: glyphs.spinner, discardStdin: false, isEnabled: animated });
  spinner.start();
  const guard = animated
    ? guardKeys({
        stdin: io.stdin,
        raise: io.raise,
        beforeSuspend: () => spinner.stop(),
        afterResume: () => void spinner.start(),
      })
    : undefined;
  return {
    get text() {
      return spinner.text;
    },
    set text(value: string) {
      spinner.text = value;
    },
    clear: () => void spinner.clear(),
    stop() {
      guard?.release();
      spinner.stop();
    },
  };
}
