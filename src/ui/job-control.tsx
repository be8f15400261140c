// Job control inside the Ink screens. Ink keeps stdin in raw mode, so the terminal no longer
// turns Ctrl-\ and Ctrl-Z into signals; the spinner's key guard does it for model calls, and this
// does it for the interactive screens (quiz taking, the mock interview): Ctrl-\ restores the
// terminal and quits (SIGQUIT, status 131); Ctrl-Z gives the
// terminal back to the shell and stops (SIGTSTP); after `fg` raw mode comes back and the frame is
// drawn again below the shell's lines, with input working. Ctrl-C stays each screen's own key (it saves what was given).
import React, { createContext, useContext, useEffect } from 'react';
import { render, useInput, useStdout } from 'ink';
import type { Screen } from '../render/streams.js';
import { inkOptions } from './screen.js';

interface JobControl {
  quit(): void;
  suspend(): void;
  /** Draws the frame again in full (set by the screen: it needs Ink's stdout context). */
  redraw?: () => void;
}

const JobControlContext = createContext<JobControl | undefined>(undefined);

/** Reads Ctrl-\ and Ctrl-Z in a screen rendered by renderScreen (inactive anywhere else). */
export function useJobControlKeys(): void {
  const control = useContext(JobControlContext);
  const { write } = useStdout();
  useEffect(() => {
    // Ink's write clears its frame, writes, and draws the whole frame again below.
    if (control) control.redraw = () => write('');
  }, [control, write]);
  useInput(
    (input, key) => {
      if (input.includes('\x1c')) control?.quit();
      else if (key.ctrl && input === 'z') control?.suspend();
    },
    { isActive: control !== undefined },
  );
}

const SHOW_CURSOR = '\x1b[?25h';
const HIDE_CURSOR = '\x1b[?25l';
// What Ink writes to take its last frame off the screen: erase-line and cursor-up codes only.
// eslint-disable-next-line no-control-regex
const ERASE_ONLY = /^(?:\x1b\[(?:\d*[ABGK]|\?25[hl]))+$/;

/** Renders an interactive screen with job control; resolves to what it exits with. */
export async function renderScreen(node: React.ReactElement, screen: Screen): Promise<unknown> {
  const { stdin, raise } = screen;
  const options = inkOptions(screen);
  const out = options.stdout!;
  const setRaw = (mode: boolean) => (stdin.isTTY ? stdin.setRawMode?.(mode) : undefined);
  // After `fg` the frame left before the stop is above the shell's lines: Ink's erase of it would
  // wipe those lines (and more) instead, so that one erase is dropped and the frame drawn anew.
  let dropErase = false;
  const write = out.write.bind(out) as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;
  out.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (dropErase && typeof chunk === 'string' && ERASE_ONLY.test(chunk)) {
      dropErase = false;
      return true;
    }
    return write(chunk, ...rest);
  }) as typeof out.write;
  const control: JobControl = {
    quit() {
      setRaw(false);
      write(`${SHOW_CURSOR}\n`);
      raise?.('SIGQUIT');
    },
    suspend() {
      if (!raise) return;
      setRaw(false);
      write(`${SHOW_CURSOR}\n`);
      // The default action stops the whole process here; execution goes on after `fg`.
      raise('SIGTSTP');
      setRaw(true);
      write(HIDE_CURSOR);
      dropErase = true;
      control.redraw?.();
      dropErase = false;
    },
  };
  const app = render(<JobControlContext.Provider value={control}>{node}</JobControlContext.Provider>, options);
  return app.waitUntilExit();
}
