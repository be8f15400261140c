// `careerforge prompts list | show NAME | edit NAME | path [NAME] | reset NAME`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { resolveHome } from '../../core/config/settings.js';
import { CareerForgeError, UsageError } from '../../core/errors.js';
import {
  checkOverride, describeTemplate, requirePromptName, scanPlaceholders, shippedPromptNames, shippedPromptPath, userPromptDir, userPromptPath,
} from '../../core/prompts/overrides.js';
import { emitPlain } from '../emit-plain.js';
import type { Session } from '../shared.js';

export interface PromptsFlags {
  shipped?: boolean;
  json?: boolean;
}

const ACTIONS = ['list', 'show', 'edit', 'path', 'reset'];

export async function promptsCommand(action: string | undefined, nameArg: string | undefined, flags: PromptsFlags, session: Session): Promise<void> {
  const home = resolveHome(session.env);
  const verb = action ?? 'list';
  if (!ACTIONS.includes(verb)) throw new UsageError(`unknown prompts action "${verb}": use ${ACTIONS.join(', ')}`);
  if (flags.shipped && verb !== 'show') throw new UsageError('--shipped applies to `prompts show` only');
  const need = () => {
    if (nameArg === undefined) throw new UsageError(`usage: careerforge prompts ${verb} NAME (one of ${shippedPromptNames().join(', ')})`);
    return requirePromptName(nameArg);
  };
  const source = (name: string) => (fs.existsSync(userPromptPath(home, name)) ? 'user' : 'shipped');
  const fileOf = (name: string) => (source(name) === 'user' ? userPromptPath(home, name) : shippedPromptPath(name));
  switch (verb) {
    case 'list': {
      if (nameArg !== undefined) throw new UsageError(`unexpected argument "${nameArg}": usage: careerforge prompts list`);
      const prompts = shippedPromptNames().map((name) => {
        const shipped = fs.readFileSync(shippedPromptPath(name), 'utf8');
        return {
          name,
          source: source(name),
          path: fileOf(name),
          placeholders: [...new Set(scanPlaceholders(shipped).placeholders.map((p) => p.name))],
          description: describeTemplate(shipped).replace(/\s*Placeholders?:.*$|\s*No placeholders\.$/s, ''),
        };
      });
      const width = Math.max(...prompts.map((p) => p.name.length));
      return emitPlain(session, { prompts, dir: userPromptDir(home) }, () =>
        prompts.map((p) => `${p.name.padEnd(width)}  ${p.source === 'user' ? 'yours  ' : 'shipped'}  ${p.description}`).join('\n') + `\nYour copies: ${userPromptDir(home)}\n`);
    }
    case 'show': {
      const name = need();
      const file = flags.shipped ? shippedPromptPath(name) : fileOf(name);
      const text = fs.readFileSync(file, 'utf8');
      return emitPlain(session, { name, source: flags.shipped ? 'shipped' : source(name), path: file, text }, () => text);
    }
    case 'path': {
      const file = nameArg === undefined ? userPromptDir(home) : userPromptPath(home, requirePromptName(nameArg));
      return emitPlain(session, { path: file }, () => `${file}\n`);
    }
    case 'reset': {
      const name = need();
      const file = userPromptPath(home, name);
      const had = fs.existsSync(file);
      fs.rmSync(file, { force: true });
      return emitPlain(session, { name, reset: had }, () => (had ? `Removed your copy of ${name}; the shipped template is used again.\n` : `${name} has no copy of yours; the shipped template is in use.\n`));
    }
    case 'edit':
      return edit(home, need(), session);
  }
}

async function edit(home: string, name: string, session: Session): Promise<void> {
  const editor = session.env.VISUAL?.trim() || session.env.EDITOR?.trim();
  if (!editor) throw new UsageError('set $VISUAL or $EDITOR to the editor to use, e.g. EDITOR=nano careerforge prompts edit ' + name);
  const file = userPromptPath(home, name);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(userPromptDir(home), { recursive: true });
    fs.copyFileSync(shippedPromptPath(name), file);
  }
  // As git does: the editor setting is a shell command line ("code --wait"), the file its argument.
  const result = os.platform() === 'win32'
    ? spawnSync(`${editor} "${file}"`, { shell: true, stdio: 'inherit' })
    : spawnSync('sh', ['-c', `${editor} "$@"`, editor, file], { stdio: 'inherit' });
  if (result.error) throw new CareerForgeError('INTERNAL', `cannot run the editor "${editor}": ${result.error.message}`);
  if (result.status !== 0) throw new CareerForgeError('INTERNAL', `the editor "${editor}" exited with ${result.status ?? result.signal}; your copy is at ${file}`);
  const text = fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  const problems = checkOverride(file, text, fs.readFileSync(shippedPromptPath(name), 'utf8'));
  if (problems.length) {
    for (const problem of problems.slice(1)) session.warn(problem);
    throw new UsageError(`${problems[0]}; fix it with \`careerforge prompts edit ${name}\` or drop your copy with \`careerforge prompts reset ${name}\``, 'INVALID_INPUT');
  }
  emitPlain(session, { name, path: file }, () => `Saved your copy of ${name} (${file}); it is used from now on.\n`);
}
