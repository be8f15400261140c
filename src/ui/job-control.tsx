// Job control inside the Ink screens. Ink keeps stdin in raw mode, so the terminal no longer
// turns Ctrl-\ and Ctrl-Z into signals; the spinner's key guard does it for model calls, and this
// does it for the interactive screens (quiz taking, the mock interview): Ctrl-\ restores the
// terminal and quits (SIGQUIT, status 131); Ctrl-Z takes the frame off the screen, gives the
// terminal back to the shell and stops (SIGTSTP); after `fg` raw mode comes back and the frame is
// drawn again, with input working. Ctrl-C stays each screen's own key (it saves what was given).
import React, { createContext, useContext } from 'react';
import { render, useInput, type Instance } from 'ink';
import type { Screen } from '../render/streams.js';
import { inkOptions } from './screen.js';

interface JobControl {
  quit(): void;
  suspend(): void;
}

const JobControlContext = createContext<JobControl | undefined>(undefined);

/** Reads Ctrl-\ and Ctrl-Z in a screen rendered by renderScreen (inactive anywhere else). */
export function useJobControlKeys(): void {
  const control = useContext(JobControlContext);
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

/** Renders an interactive screen with job control; resolves to what it exits with. */
export async function renderScreen(node: React.ReactElement, screen: Screen): Promise<unknown> {
  const { stdin, raise } = screen;
  const options = inkOptions(screen);
  const out = options.stdout!;
  const setRaw = (mode: boolean) => (stdin.isTTY ? stdin.setRawMode?.(mode) : undefined);
  // The instance exists only once rendered; the controls run later, on a key.
  const mounted: { app?: Instance } = {};
  const control: JobControl = {
    quit() {
      setRaw(false);
      out.write(`${SHOW_CURSOR}\n`);
      raise?.('SIGQUIT');
    },
    suspend() {
      if (!raise) return;
      mounted.app?.clear();
      setRaw(false);
      out.write(SHOW_CURSOR);
      // The default action stops the whole process here; execution goes on after `fg`.
      raise('SIGTSTP');
      setRaw(true);
      out.write(HIDE_CURSOR);
      mounted.app?.rerender(wrapped());
    },
  };
  const wrapped = () => <JobControlContext.Provider value={control}>{node}</JobControlContext.Provider>;
  mounted.app = render(wrapped(), options);
  return mounted.app.waitUntilExit();
}
