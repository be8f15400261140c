// Colour for the plain-text renderers. chalk honours FORCE_COLOR but not NO_COLOR by itself
// (https://no-color.org): NO_COLOR wins unless FORCE_COLOR is set explicitly.
import chalk, { Chalk, type ChalkInstance } from 'chalk';

export function colorFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): ChalkInstance {
  if (env.NO_COLOR && !env.FORCE_COLOR) return new Chalk({ level: 0 });
  if (env.FORCE_COLOR) return chalk;
  return new Chalk({ level: stream.isTTY ? chalk.level || 1 : 0 });
}

/** Applied before Ink renders, since Ink colours through the shared chalk instance. */
export function applyColorPolicy(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NO_COLOR && !env.FORCE_COLOR) chalk.level = 0;
}
