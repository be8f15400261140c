// Usage mistakes that commander lets through on its own: a flag given without its value (which
// would swallow the next flag), and `help` for a command that does not exist.
import { Command, type Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { commands } from '../src/commands/index.js';
import type { Session } from '../src/commands/session.js';
import { parseEnvelope } from './support/cli.js';
import { runInProcess } from './support/in-process.js';

/** The real command tree, registrations only (no action runs). */
function program(): Command {
  const root = new Command('careerforge');
  for (const register of commands) register(root, {} as Session);
  return root;
}

/** Positional arguments a command needs before its options are even looked at. */
const POSITIONAL: Record<string, string[]> = {
  show: ['abc'],
  rm: ['abc'],
  rename: ['abc', 'New title'],
  rate: ['abc', '3'],
  config: ['list'],
  cache: ['stats'],
  completion: ['bash'],
  batch: ['roadmap'],
};

describe('an option given without its value', () => {
  it('is refused instead of taking the next flag as its value (roadmap --role --json)', async () => {
    const r = await runInProcess(['roadmap', '--role', '--json']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('careerforge: --role needs a value\n');
    const env = parseEnvelope(r.stdout);
    expect(env.error).toEqual({ code: 'USAGE', message: '--role needs a value' });
  });

  it('is refused when the next word is one of the command\'s short flags', async () => {
    const r = await runInProcess(['skills', '--role', '-h']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('careerforge: --role needs a value\n');
    expect(r.stdout).toBe('');
  });

  it('is refused for the --flag=--other form too', async () => {
    const r = await runInProcess(['roadmap', '--role=--json']);
    expect(r.stderr).toBe('careerforge: --role needs a value\n');
    expect(r.exitCode).toBe(2);
  });

  it('still accepts a negative number, which the option\'s own range check refuses', async () => {
    const r = await runInProcess(['roadmap', '--role', 'Dev', '--months', '-3']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).not.toContain('needs a value');
    expect(r.stderr).toBe('careerforge: --months: must be at least 1\n');
  });

  it('still accepts "-" (stdin) and a value that starts with a single dash', async () => {
    const r = await runInProcess(['roadmap', '--role', '-NET dev', '--dry-run']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });

  const root = program();
  for (const cmd of root.commands) {
    // `--resume [id]`-style options never take a word that starts with '-': commander leaves it a flag.
    const valued = (cmd.options as readonly Option[]).filter((o) => o.required);
    it(`is refused for every valued option of ${cmd.name()} (${valued.length})`, async () => {
      for (const option of valued) {
        // batch's --input and --out are mandatory, and commander checks that before anything else.
        const mandatory = cmd.name() === 'batch' ? ['--input', '--out'].filter((f) => f !== option.long) : [];
        const input = mandatory.flatMap((f) => [f, 'lines.jsonl']);
        const r = await runInProcess([cmd.name(), ...(POSITIONAL[cmd.name()] ?? []), ...input, option.long!, '--json']);
        expect(r.stderr, `${cmd.name()} ${option.long}`).toBe(`careerforge: ${option.long} needs a value\n`);
        expect(r.exitCode).toBe(2);
      }
    });
  }
});

describe('unknown commands', () => {
  it('careerforge help nope', async () => {
    const r = await runInProcess(['help', 'nope']);
    expect(r.stderr).toBe("careerforge: unknown command 'nope'\n");
    expect(r.stdout).toBe('');
    expect(r.exitCode).toBe(2);
  });

  it('careerforge nope', async () => {
    const r = await runInProcess(['nope']);
    expect(r.stderr).toBe("careerforge: unknown command 'nope'\n");
    expect(r.stdout).toBe('');
    expect(r.exitCode).toBe(2);
  });

  it('keeps commander\'s suggestion for a near miss', async () => {
    const r = await runInProcess(['roadmp']);
    expect(r.stderr).toBe("careerforge: unknown command 'roadmp' (Did you mean roadmap?)\n");
    expect(r.exitCode).toBe(2);
  });

  it('help for a real command still shows its help', async () => {
    const r = await runInProcess(['help', 'roadmap']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Usage: careerforge roadmap');
  });
});
