// Ink draws on the session's streams, never on process.stdout by default, and colours through
// the shared chalk instance, so the session's colour decision is applied before it mounts.
import type { RenderOptions } from 'ink';
import { applyColorPolicy } from '../render/color.js';
import type { Screen } from '../render/streams.js';
import { TerminalOut } from '../render/terminal-stream.js';

/** Render options for an interactive screen: Ctrl-C arrives as input in raw mode and is handled by the screen. */
export function inkOptions(screen: Screen, opts: { exitOnCtrlC?: boolean } = {}): RenderOptions {
  applyColorPolicy(screen.color);
  return {
    // TerminalOut: a 0x0 pty counts as 80 columns and no height makes Ink clear the scrollback.
    stdout: new TerminalOut(screen.stdout as NodeJS.WriteStream, screen.env) as unknown as NodeJS.WriteStream,
    stderr: screen.stderr as NodeJS.WriteStream,
    stdin: screen.stdin as NodeJS.ReadStream,
    exitOnCtrlC: opts.exitOnCtrlC ?? false,
  };
}
