// `careerforge completion bash|zsh|fish`: the scripts parse in their shells, and completing in bash
// and fish (the script sourced, the function called as the shell would) runs the built CLI's
// hidden `__complete` and offers commands, flags, enum values and saved ids. The tables of values
// are checked against commander's tree, so a renamed flag or command fails here, not at a TAB.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commands } from '../src/commands/index.js';
import { FLAG_VALUES, POSITIONALS } from '../src/commands/completion/candidates.js';
import { BIN, parseEnvelope, tempHome } from './support/cli.js';
import { runInProcess } from './support/in-process.js';
import { jsonReply } from './support/fixtures.js';
import { makeSkillsReport } from './support/skills-fixtures.js';
import { useFake } from './support/spine.js';

const fake = useFake();

/** A PATH where `careerforge` is the built CLI, as after `npm install -g`. */
function shimPath(): string {
  const dir = tempHome();
  fs.writeFileSync(path.join(dir, 'careerforge'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`, { mode: 0o755 });
  return `${dir}:${process.env.PATH}`;
}

async function script(shell: string): Promise<string> {
  const r = await runInProcess(['completion', shell]);
  expect(r.exitCode, r.stderr).toBe(0);
  const file = path.join(tempHome(), `careerforge.${shell}`);
  fs.writeFileSync(file, r.stdout);
  return file;
}

/** What bash offers for TAB after `line` (split into COMP_WORDS; a trailing space starts an empty word). */
function bashComplete(file: string, line: string, home: string): string[] {
  const words = line.split(' ');
  const program = `source "$1"; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _careerforge; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const out = execFileSync('bash', ['-c', program, 'bash', file], { env: { ...process.env, PATH: shimPath(), CAREERFORGE_HOME: home }, encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

async function savedSkillsId(home: string): Promise<string> {
  fake().reply(jsonReply(makeSkillsReport()));
  const r = await runInProcess(['skills', '--role', 'Backend Developer', '--skills', 'SQL', '--json'], { host: fake().host, home });
  expect(r.exitCode, r.stderr).toBe(0);
  return parseEnvelope(r.stdout).meta.id as string;
}

describe('completion scripts', () => {
  it('parse in bash -n, zsh -n and fish --no-execute', async () => {
    for (const [shell, flag] of [['bash', '-n'], ['zsh', '-n'], ['fish', '--no-execute']] as const) {
      const file = await script(shell);
      expect(fs.readFileSync(file, 'utf8')).toContain('__complete');
      // execFileSync throws on a non-zero exit, with the shell's complaint in the message.
      execFileSync(shell, [flag, file], { encoding: 'utf8' });
    }
  });

  it('an unknown shell is a usage error', async () => {
    const r = await runInProcess(['completion', 'ksh']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('careerforge: unknown shell "ksh": use bash, zsh or fish\n');
    expect(r.stdout).toBe('');
  });
});

describe('completing in bash', () => {
  it('offers commands, flags, enum values, actions and saved ids', async () => {
    const home = tempHome();
    const id = await savedSkillsId(home);
    const file = await script('bash');
    expect(bashComplete(file, 'careerforge ro', home)).toEqual(['roadmap']);
    expect(bashComplete(file, 'careerforge ', home)).toEqual(expect.arrayContaining(['roadmap', 'skills', 'completion', 'show']));
    expect(bashComplete(file, 'careerforge ', home)).not.toContain('__complete');
    expect(bashComplete(file, 'careerforge roadmap --hou', home)).toEqual(['--hours-per-week']);
    expect(bashComplete(file, 'careerforge roadmap --level ', home)).toEqual(['beginner', 'intermediate', 'advanced']);
    expect(bashComplete(file, 'careerforge interview --role Dev --type s', home)).toEqual(['system-design']);
    expect(bashComplete(file, 'careerforge logs --command ', home)).toEqual(['roadmap', 'interview', 'quiz', 'skills', 'batch', 'health', 'progress']);
    expect(bashComplete(file, 'careerforge config set num', home)).toEqual(['num_ctx', 'num_predict']);
    expect(bashComplete(file, 'careerforge completion ', home)).toEqual(['bash', 'zsh', 'fish']);
    expect(bashComplete(file, 'careerforge prompts show road', home)).toEqual(expect.arrayContaining(['roadmap', 'roadmap-month']));
    // The saved id, by its start, and only among the kind asked for.
    expect(bashComplete(file, 'careerforge show ', home)).toEqual([id, 'latest']);
    expect(bashComplete(file, `careerforge show ${id.slice(0, 3)}`, home)).toEqual([id]);
    expect(bashComplete(file, 'careerforge rm --kind skills ', home)).toEqual([id, 'latest']);
    expect(bashComplete(file, 'careerforge rm --kind roadmaps ', home)).toEqual(['latest']);
    expect(bashComplete(file, 'careerforge progress show ', home)).toEqual(['latest']);
    expect(bashComplete(file, 'careerforge progress re', home)).toEqual(['replan']);
    expect(bashComplete(file, 'careerforge rate ', home)).toEqual([id, 'latest']);
    expect(bashComplete(file, `careerforge rate ${id} `, home)).toEqual(['1', '2', '3', '4', '5']);
  }, 120_000); // twenty completions, each a start of the CLI: slow on a loaded 2-core machine

  it('falls back to file names where the CLI has nothing to offer (--resume FILE)', async () => {
    const home = tempHome();
    const file = await script('bash');
    fs.writeFileSync(path.join(home, 'my-cv.pdf'), 'x');
    expect(bashComplete(file, `careerforge skills --resume ${home}/my-`, home)).toEqual([`${home}/my-cv.pdf`]);
  });

  it('completes nothing (and never fails) from an unreadable store', async () => {
    const home = tempHome();
    fs.writeFileSync(path.join(home, 'store.json'), '{ not json');
    const r = await runInProcess(['__complete', '--', 'show', ''], { home });
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(fs.readFileSync(path.join(home, 'store.json'), 'utf8')).toBe('{ not json');
  });
});

describe('completing in fish', () => {
  it('offers the same words through complete -C', async () => {
    const home = tempHome();
    const id = await savedSkillsId(home);
    const file = await script('fish');
    const complete = (line: string) =>
      execFileSync('fish', ['--no-config', '-c', `source ${file}; complete -C ${JSON.stringify(line)}`], {
        env: { ...process.env, PATH: shimPath(), CAREERFORGE_HOME: home },
        encoding: 'utf8',
      }).split('\n').filter(Boolean).map((l) => l.split('\t')[0]);
    expect(complete('careerforge quiz --difficulty ')).toEqual(['easy', 'hard', 'medium']);
    expect(complete('careerforge show ')).toEqual(expect.arrayContaining([id, 'latest']));
  });
});

describe('the value tables', () => {
  it('name only commands, flags and positional slots that the command tree has', () => {
    const program = new Command('careerforge');
    for (const register of commands) register(program, {} as never);
    const byName = (name: string) => program.commands.find((c) => c.name() === name);
    for (const key of Object.keys(FLAG_VALUES)) {
      const [name, flag] = key.split(' ') as [string, string];
      const owners = name === '*' ? program.commands.filter((c) => c.options.some((o) => o.long === flag)) : [byName(name)];
      expect(owners.length, key).toBeGreaterThan(0);
      for (const cmd of owners) expect(cmd?.options.find((o) => o.long === flag)?.required || cmd?.options.find((o) => o.long === flag)?.optional, key).toBe(true);
    }
    for (const key of Object.keys(POSITIONALS)) {
      const [name, index] = key.split(' ') as [string, string];
      const args = byName(name)?.registeredArguments ?? [];
      expect(args.length > Number(index) || args.at(-1)?.variadic, key).toBe(true);
    }
  });
});
