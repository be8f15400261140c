// Ink draws on the session's streams, never on process.stdout by default, and colours through
// the shared chalk instance, so the session's colour decision is applied before it mounts.
import type { RenderOptions } from 'ink';
import { applyColorPolicy } from '../render/color.js';
import type { Screen } from '../render/streams.js';

/** Render options for an interactive screen: Ctrl-C arrives as input in raw mode and is handled by the screen. */
export function inkOptions(screen: Screen, opts: { exitOnCtrlC?: boolean } = {}): RenderOptions {
  applyColorPolicy(screen.color);
  return {
    stdout: screen.stdout as NodeJS.WriteStream,
    stderr: screen.stderr as NodeJS.WriteStream,
    stdin: screen.stdin as NodeJS.ReadStream,
    exitOnCtrlC: opts.exitOnCtrlC ?? false,
  };
}
