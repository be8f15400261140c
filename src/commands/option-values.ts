// A flag given without its value swallows the next word: commander hands `roadmap --role --json`
// the role "--json". Commander cannot tell a missing value from a value that starts with '-', so
// the line is drawn here: a value that starts with `--` or is one of the command's own flags
// (`-h`, `-V`) is a forgotten value and a usage error. Anything else that starts with '-' passes:
// a negative number is refused by the option's own range check ("must be at least 1"), and "-" means
// stdin. A role that really starts with "--" cannot be given as a flag; --input JSON takes it.
import type { Command, Option } from 'commander';
import { UsageError } from '../core/errors.js';

function flagsOf(cmd: Command): Set<string> {
  const flags = new Set<string>();
  for (let c: Command | null = cmd; c; c = c.parent) {
    for (const option of c.options as readonly Option[]) for (const flag of [option.short, option.long]) if (flag) flags.add(flag);
    flags.add('-h').add('--help');
  }
  return flags;
}

const looksLikeFlag = (value: string, flags: Set<string>) => value.startsWith('--') || flags.has(value.split('=')[0]!);

/** Throw `--role needs a value` when an option that takes a value got what looks like another flag. */
export function refuseFlagValues(cmd: Command): void {
  const flags = flagsOf(cmd);
  for (let c: Command | null = cmd; c; c = c.parent) {
    for (const option of c.options as readonly Option[]) {
      if (!option.required && !option.optional) continue;
      const key = option.attributeName();
      if (c.getOptionValueSource(key) !== 'cli') continue;
      const value: unknown = c.getOptionValue(key);
      const values = Array.isArray(value) ? value : [value];
      if (values.some((v) => typeof v === 'string' && looksLikeFlag(v, flags))) {
        throw new UsageError(`${option.long ?? option.short} needs a value`);
      }
    }
  }
}
