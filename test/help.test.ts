// Every command's help, as `careerforge help NAME` prints it: the command's own flags first (under
// "Options:"), then the shared model options under their own heading, then examples.
import { Command, type Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { commands } from '../src/commands/index.js';
import { generatorCommand } from '../src/commands/global-options.js';
import type { Session } from '../src/commands/session.js';
import { runInProcess } from './support/in-process.js';

const root = new Command('careerforge');
for (const register of commands) register(root, {} as Session);
const visible = root.commands.filter((c) => !(c as unknown as { _hidden: boolean })._hidden);
const longs = (cmd: Command) => (cmd.options as readonly Option[]).map((o) => o.long!);
/** The options a generator shares with the others (model, --cache, dry run and call log, --json). */
const SHARED = new Set(longs(generatorCommand(new Command('x'), 'x')));
const MODEL = ['--provider', '--host', '--model', '--num-ctx', '--timeout', '--temperature'];

/** The lines of one help section: from its heading to the next blank line. */
function section(help: string, heading: string): string[] {
  const lines = help.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

const flagsIn = (lines: string[]) => lines.map((l) => /^ {2}(?:-\w, )?(--[\w-]+)/.exec(l)?.[1]).filter(Boolean);

describe('help', () => {
  it('covers every command', () => {
    expect(visible.map((c) => c.name())).toEqual(expect.arrayContaining(['roadmap', 'skills', 'interview', 'quiz', 'health', 'config', 'list', 'completion']));
  });

  for (const cmd of visible) {
    it(`careerforge help ${cmd.name()}: own flags, then model options, then examples`, async () => {
      const r = await runInProcess(['help', cmd.name()]);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      const help = r.stdout;
      expect(help).toMatch(new RegExp(`^Usage: careerforge ${cmd.name()} `));
      const own = longs(cmd).filter((flag) => !SHARED.has(flag));
      const options = flagsIn(section(help, 'Options:'));
      // The command's own flags lead the list, in their order, before anything shared.
      expect(options.slice(0, own.length)).toEqual(own);
      expect(options.at(-1)).toBe('--help');
      const model = flagsIn(section(help, 'Model options:'));
      if (longs(cmd).includes('--model')) {
        expect(model).toEqual(expect.arrayContaining(MODEL));
        expect(help.indexOf('\nOptions:\n')).toBeLessThan(help.indexOf('\nModel options:\n'));
        for (const flag of MODEL) expect(options).not.toContain(flag);
      } else {
        expect(model).toEqual([]);
      }
      const examples = section(help, 'Examples:');
      expect(examples.length, help).toBeGreaterThan(0);
      expect(examples.every((line) => line.startsWith('  ') && line.includes(`careerforge ${cmd.name()}`))).toBe(true);
      expect(help.lastIndexOf('\nExamples:\n')).toBeGreaterThan(help.indexOf('\nOptions:\n'));
    });
  }

  it('prints the same from --help', async () => {
    const [a, b] = await Promise.all([runInProcess(['help', 'skills']), runInProcess(['skills', '--help'])]);
    expect(b.exitCode).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });
});
