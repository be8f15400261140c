// Render options for the live Ink screens (forms, the quiz, the mock interview): Ink draws on
// TerminalOut, so a 0x0 pty counts as 80 columns and no height ever makes Ink clear the screen
// and the scrollback; finished parts of a long screen go in <Static>, written once. Ctrl-C
// arrives as input in raw mode and each screen handles it.
import type { RenderOptions } from 'ink';
import { TerminalOut } from '../render/terminal-stream.js';

export function liveOptions(stdout: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): RenderOptions {
  return { stdout: new TerminalOut(stdout, env) as unknown as NodeJS.WriteStream, exitOnCtrlC: false };
}
