// What may come next on a careerforge command line. Commands and flags come from commander's own
// tree (Help.visibleCommands / visibleOptions), so a new command or option completes without a
// change here; the values of enum flags come from the zod schemas that validate them, and saved
// ids from the store. test/completion.test.ts fails if a table below names a flag or command
// the tree no longer has.
import fs from 'node:fs';
import path from 'node:path';
import type { Command, Option } from 'commander';
import { interviewLevelSchema, interviewTypeSchema } from '../../core/interview/schema.js';
import { levelSchema } from '../../core/common-schema.js';
import { quizDifficultySchema } from '../../core/quiz/schema.js';
import { PROFILE_DEFAULT_KEYS, SETTING_KEYS, settingSchemas } from '../../core/config/schema.js';
import { resolveHome } from '../../core/config/settings.js';
import { RECORD_KINDS, listRecords, parseKind, type RecordKind } from '../../core/records/records.js';
import { storeDataSchema } from '../../core/store/schema.js';

/** What completes a value or a positional word: fixed words, or saved ids (of one kind, or of --kind). */
type Values = readonly string[] | { ids: RecordKind | 'any' } | ((program: Command) => string[] | Promise<string[]>);

const KINDS = [...RECORD_KINDS];
/** Commands whose model calls are logged: they carry the call-log switch. */
const loggedCommands = (program: Command) => program.commands.filter((c) => c.options.some((o) => o.long === '--no-log')).map((c) => c.name());

/** Values of enum flags, by "command --flag" ("* --flag" for every command that has it). */
export const FLAG_VALUES: Record<string, Values> = {
  '* --provider': settingSchemas.provider.options,
  'roadmap --level': levelSchema.options,
  'interview --level': interviewLevelSchema.options,
  'interview --type': interviewTypeSchema.options,
  'interview --resume': { ids: 'interviews' },
  'quiz --difficulty': quizDifficultySchema.options,
  'show --format': ['text', 'md', 'json'],
  'show --kind': KINDS,
  'rm --kind': KINDS,
  'rename --kind': KINDS,
  'rate --kind': KINDS.filter((k) => k !== 'bench'),
  'roadmap --replan': { ids: 'roadmaps' },
  'progress --format': ['md', 'ics'],
  'logs --command': loggedCommands,
};

/** Positional words, by "command index" (0 is the first argument after the command). */
export const POSITIONALS: Record<string, Values> = {
  'list 0': KINDS,
  'show 0': { ids: 'any' },
  'rm 0': { ids: 'any' },
  'rename 0': { ids: 'any' },
  'rate 0': { ids: 'any' },
  'rate 1': ['1', '2', '3', '4', '5'],
  'logs 0': ['list', 'on', 'off', 'status', 'path'],
  'prompts 0': ['list', 'show', 'edit', 'path', 'reset'],
  'prompts 1': async () => (await import('../../core/prompts/overrides.js')).shippedPromptNames(),
  'progress 0': ['list', 'show', 'done', 'skip', 'undo', 'export', 'replan'],
  'progress 1': { ids: 'roadmaps' },
  'config 0': ['get', 'set', 'unset', 'list', 'path'],
  'config 1': [...SETTING_KEYS, ...PROFILE_DEFAULT_KEYS],
  'cache 0': ['stats', 'clear'],
  'completion 0': ['bash', 'zsh', 'fish'],
};

const takesValue = (o: Option) => o.required || o.optional;

export async function candidates(program: Command, words: string[], env: NodeJS.ProcessEnv): Promise<string[]> {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  const help = program.createHelp();
  const match = (list: readonly string[]) => [...new Set(list)].filter((v) => v.startsWith(current));
  const flagsOf = (cmd: Command) => help.visibleOptions(cmd).flatMap((o) => [o.long, o.short]).filter((f): f is string => !!f);
  const cmdIndex = before.findIndex((w) => !w.startsWith('-'));
  if (cmdIndex === -1) return match(current.startsWith('-') ? flagsOf(program) : help.visibleCommands(program).map((c) => c.name()));
  const name = before[cmdIndex]!;
  const cmd = program.commands.find((c) => c.name() === name || c.aliases().includes(name));
  if (!cmd || name === 'help') return name === 'help' ? match(help.visibleCommands(program).map((c) => c.name())) : [];
  const option = (flag: string) => cmd.options.find((o) => o.long === flag || o.short === flag);
  const kindFlag = before.indexOf('--kind');
  const ctx: Ctx = { program, env, kind: kindFlag > cmdIndex ? before[kindFlag + 1] : undefined };
  const prev = option(before.at(-1) ?? '');
  if (before.length - 1 > cmdIndex && prev && takesValue(prev)) {
    return match(await resolve(FLAG_VALUES[`${name} ${prev.long}`] ?? FLAG_VALUES[`* ${prev.long}`] ?? [], ctx));
  }
  if (current.startsWith('-')) return match(flagsOf(cmd));
  // Positional words so far (skipping flags and the values they took).
  let index = 0;
  for (let i = cmdIndex + 1; i < before.length; i++) {
    const w = before[i]!;
    if (!w.startsWith('-')) index++;
    else if (!w.includes('=') && option(w) && takesValue(option(w)!)) i++;
  }
  return match(await resolve(POSITIONALS[`${name} ${index}`] ?? [], ctx));
}

interface Ctx {
  program: Command;
  env: NodeJS.ProcessEnv;
  kind?: string;
}

async function resolve(values: Values, ctx: Ctx): Promise<string[]> {
  if (typeof values === 'function') return values(ctx.program);
  if ('ids' in values) return savedIds(ctx.env, values.ids === 'any' ? ctx.kind : values.ids);
  return [...values];
}

/**
 * Saved ids, newest first, and `latest`. Read straight from the file without the store's lock:
 * a TAB must never wait, migrate or set a file aside (conf writes the file by atomic rename, so
 * a read sees a whole version). A missing or broken store completes nothing.
 */
async function savedIds(env: NodeJS.ProcessEnv, kind?: string): Promise<string[]> {
  try {
    const raw = JSON.parse(await fs.promises.readFile(path.join(resolveHome(env), 'store.json'), 'utf8')) as unknown;
    const data = storeDataSchema.parse(raw);
    return [...listRecords(data, kind ? [parseKind(kind)] : RECORD_KINDS).map((r) => r.id), 'latest'];
  } catch {
    return [];
  }
}
