// Settings resolve here and only here, in one documented order:
//   flag > environment variable > config store (`careerforge config set`) > default.
// Each resolved value remembers where it came from, for `config list` and error messages.
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { parseOllamaHost } from '../llm/host.js';
import { describeIssues } from '../zod.js';
import {
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
  host: string;
  model: string;
  num_ctx: number;
  num_predict?: number;
  timeout: number;
  retries: number;
  temperature: number;
  seed?: number;
  sources: Partial<Record<SettingKey, SettingSource>>;
}

export type RawSettings = Partial<Record<SettingKey, string | number | undefined>>;

const numeric = new Set<SettingKey>(['num_ctx', 'num_predict', 'timeout', 'retries', 'temperature', 'seed']);

/** Parse one raw value (a flag or env string, or a stored value) into its typed form. */
export function parseSetting(key: SettingKey, raw: string | number, source: string): string | number {
  let value: string | number = raw;
  if (numeric.has(key) && typeof raw === 'string') {
    if (raw.trim() === '' || Number.isNaN(Number(raw))) throw new UsageError(`${source}: expected a number, got "${raw}"`);
    value = Number(raw);
  }
  if (key === 'host') value = parseOllamaHost(String(value), source);
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

export function resolveSettings(flags: RawSettings, env: NodeJS.ProcessEnv, config: StoredConfig): Settings {
  const out: Record<string, unknown> = {};
  const sources: Settings['sources'] = {};
  for (const key of SETTING_KEYS) {
    const flagName = `--${key.replace(/_/g, '-')}`;
    const candidates: Array<[SettingSource, string | number | undefined, string]> = [
      ['flag', flags[key], flagName],
      ['env', env[SETTING_ENV[key]], SETTING_ENV[key]],
      ['config', config[key], `config ${key}`],
      ['default', (SETTING_DEFAULTS as Record<string, string | number>)[key], `default ${key}`],
    ];
    for (const [source, raw, label] of candidates) {
      if (raw === undefined || (source === 'env' && raw === '')) continue;
      out[key] = parseSetting(key, raw, label);
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
