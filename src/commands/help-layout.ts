// The layout of every command's help: the command's own flags first, under "Options:", then the
// options it shares with other commands under their own headings ("Model options:", "Call log
// options:"), then examples. Shared options are registered before a command's own (the spec
// files chain them first), so ownOptionsFirst() reorders them once every command is registered.
import type { Command, Option } from 'commander';

/** Shared options, by the heading they are listed under. */
const sharedHeading = new WeakMap<Option, string>();
const GROUP_ORDER = ['Options:', 'Model options:', 'Dry run and call log:'];

/** Add shared options through `add`, listed in help under `heading`. */
export function shared(cmd: Command, heading: string, add: (cmd: Command) => Command): Command {
  const before = cmd.options.length;
  add(cmd);
  for (const option of cmd.options.slice(before) as Option[]) {
    sharedHeading.set(option, heading);
    // "Options:" is commander's default group: leave it unset, as for the command's own options.
    if (heading !== 'Options:') option.helpGroup(heading);
  }
  return cmd;
}

/** The command's own options first, then the shared ones group by group (a stable sort). */
export function ownOptionsFirst(cmd: Command): void {
  const rank = (option: Option) => {
    const heading = sharedHeading.get(option);
    return heading === undefined ? 0 : 1 + GROUP_ORDER.indexOf(heading);
  };
  (cmd.options as Option[]).sort((a, b) => rank(a) - rank(b));
}

/** An "Examples:" section for the end of a command's help (`.addHelpText('after', ...)`). */
export function examplesText(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  ${line}`).join('\n')}`;
}
