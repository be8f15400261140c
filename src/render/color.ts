// Colour for the text renderers. Whether a stream gets colour is the session's decision
// (NO_COLOR, FORCE_COLOR, TTY); chalk only supplies the escape codes at the depth it detected.
import chalk, { Chalk, type ChalkInstance } from 'chalk';

export function colorFor(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? chalk.level || 1 : 0 });
}

/** Applied before Ink renders, since Ink colours through the shared chalk instance. */
export function applyColorPolicy(enabled: boolean): void {
  if (!enabled) chalk.level = 0;
}
