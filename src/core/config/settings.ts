// Settings resolve here and only here, in one documented order:
//   flag > environment variable > config store (`careerforge config set`) > default.
// Each resolved value remembers where it came from, for `config list` and error messages.
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { parseOllamaHost } from '../llm/host.js';
import { parseBaseUrl } from '../llm/openai/base-url.js';
import type { ProviderKind } from '../llm/provider.js';
import { describeIssues } from '../zod.js';
import {
  OPENAI_DEFAULT_HOST,
  OPENAI_HOST_ENV,
  profileDefaultSchemas,
  SETTING_DEFAULTS,
  SETTING_ENV,
  SETTING_KEYS,
  settingSchemas,
  type ProfileDefaultKey,
  type SettingKey,
  type StoredConfig,
} from './schema.js';

export type SettingSource = 'flag' | 'env' | 'config' | 'default';

export interface Settings {
  provider: ProviderKind;
  host: string;
  model: string;
  num_ctx: number;
  num_predict?: number;
  timeout: number;
  retries: number;
  temperature: number;
  seed?: number;
  fold_system?: boolean;
  /** Independent calls of one command that may run at once (--concurrency). */
  concurrency: number;
  /** Desired retention of quiz cards (spaced repetition, src/core/review/). */
  retention: number;
  sources: Partial<Record<SettingKey, SettingSource>>;
}

export type RawSettings = Partial<Record<SettingKey, string | number | boolean | undefined>>;

const numeric = new Set<SettingKey>(['num_ctx', 'num_predict', 'timeout', 'retries', 'temperature', 'seed', 'concurrency', 'retention']);

const BOOLEAN_WORDS: Record<string, boolean> = { true: true, false: false, '1': true, '0': false, yes: true, no: false, on: true, off: false };

/**
 * Parse one raw value (a flag or env string, or a stored value) into its typed form. `host` is an
 * Ollama host (OLLAMA_HOST rules) or, on the openai provider, a base URL ending in /v1.
 */
export function parseSetting(key: SettingKey, raw: string | number | boolean, source: string, provider: ProviderKind = 'ollama'): string | number | boolean {
  let value: string | number | boolean = raw;
  if (numeric.has(key) && typeof raw === 'string') {
    if (raw.trim() === '' || Number.isNaN(Number(raw))) throw new UsageError(`${source}: expected a number, got "${raw}"`);
    value = Number(raw);
  }
  if (key === 'fold_system' && typeof raw === 'string') {
    value = BOOLEAN_WORDS[raw.trim().toLowerCase()] ?? raw;
    if (typeof value !== 'boolean') throw new UsageError(`${source}: expected true or false, got "${raw}"`);
  }
  if (key === 'provider' && typeof raw === 'string') value = raw.trim().toLowerCase();
  if (key === 'host') value = provider === 'openai' ? parseBaseUrl(String(value), source) : parseOllamaHost(String(value), source);
  const parsed = settingSchemas[key].safeParse(value);
  if (!parsed.success) throw new UsageError(describeIssues(parsed.error.issues, source)[0] ?? `${source} is invalid`);
  return parsed.data;
}

/** Parse a profile default for `config set` (role, level, hours_per_week, months, topic). */
export function parseProfileDefault(key: ProfileDefaultKey, raw: string, source: string): string | number {
  let value: string | number = raw;
  if (key === 'hours_per_week' || key === 'months') {
    if (!/^\s*-?\d+(\.\d+)?\s*$/.test(raw)) throw new UsageError(`${source}: expected a number, got "${raw}"`);
    value = Number(raw);
  }
  const parsed = profileDefaultSchemas[key].safeParse(value);
  if (!parsed.success) throw new UsageError(describeIssues(parsed.error.issues, source)[0] ?? `${source} is invalid`);
  return parsed.data;
}

/**
 * The profile defaults (`config set role|level|hours_per_week|months|topic`) that fill a command's
 * input where its flags (and --input) say nothing: the same order as every setting, flag > env >
 * config > default, with no environment variable for these. Only the keys the command takes, and
 * only values its own input schema accepts (a hand-edited config never fails a run).
 */
export function profileDefaultsFor(
  config: StoredConfig,
  keys: readonly ProfileDefaultKey[],
  accepts: (key: ProfileDefaultKey, value: unknown) => boolean,
): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => config[key] !== undefined && accepts(key, config[key])).map((key) => [key, config[key]]));
}

export function resolveSettings(flags: RawSettings, env: NodeJS.ProcessEnv, config: StoredConfig): Settings {
  const out: Record<string, unknown> = {};
  const sources: Settings['sources'] = {};
  for (const key of SETTING_KEYS) {
    const flagName = `--${key.replace(/_/g, '-')}`;
    // `provider` resolves first; on openai, host is a base URL with its own variable and default.
    const provider = (out.provider ?? 'ollama') as ProviderKind;
    const openaiHost = key === 'host' && provider === 'openai';
    const envName = openaiHost ? OPENAI_HOST_ENV : SETTING_ENV[key];
    const candidates: Array<[SettingSource, string | number | boolean | undefined, string]> = [
      ['flag', flags[key], flagName],
      ['env', env[envName], envName],
      ['config', config[key], `config ${key}`],
      ['default', openaiHost ? OPENAI_DEFAULT_HOST : (SETTING_DEFAULTS as Record<string, string | number>)[key], `default ${key}`],
    ];
    for (const [source, raw, label] of candidates) {
      if (raw === undefined || (source === 'env' && raw === '')) continue;
      out[key] = parseSetting(key, raw, label, provider);
      sources[key] = source;
      break;
    }
  }
  return { ...(out as Omit<Settings, 'sources'>), sources };
}

/**
 * The one directory that holds all state. CAREERFORGE_HOME overrides it (every test sets it);
 * otherwise the OS config dir, where conf would place a project called careerforge.
 */
export function resolveHome(env: NodeJS.ProcessEnv): string {
  const override = env.CAREERFORGE_HOME?.trim();
  if (override) return path.resolve(override);
  if (os.platform() === 'darwin') return path.join(os.homedir(), 'Library', 'Preferences', 'careerforge');
  if (os.platform() === 'win32') {
    return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'careerforge', 'Config');
  }
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'careerforge');
}
