// `careerforge config get|set|unset|list|path`: the config store layer of the settings order.
import { createRunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import {
  OPENAI_DEFAULT_HOST, OPENAI_HOST_ENV, PROFILE_DEFAULT_KEYS, SETTING_DEFAULTS, SETTING_ENV, SETTING_KEYS, type ProfileDefaultKey, type SettingKey,
} from '../../core/config/schema.js';
import { parseProfileDefault, parseSetting, resolveHome } from '../../core/config/settings.js';
import { LocalStore } from '../../core/store/store.js';
import { emitLine } from '../emit.js';
import type { Session } from '../session.js';
import { rawSettings, type GlobalFlags } from '../shared.js';
import type { ProviderKind } from '../../core/llm/provider.js';

const ALL_KEYS: readonly string[] = [...SETTING_KEYS, ...PROFILE_DEFAULT_KEYS];

function keyOf(raw: string): SettingKey | ProfileDefaultKey {
  const key = raw.replace(/-/g, '_') as SettingKey | ProfileDefaultKey;
  if (!ALL_KEYS.includes(key)) throw new UsageError(`unknown config key "${raw}": one of ${ALL_KEYS.join(', ')}`);
  return key;
}

// Profile defaults only feed the input forms: they live in the config file and nowhere else.
const isProfileKey = (key: string): key is ProfileDefaultKey => (PROFILE_DEFAULT_KEYS as readonly string[]).includes(key);

const out = emitLine;

export async function configCommand(action: string, args: string[], flags: GlobalFlags, session: Session): Promise<void> {
  const store = new LocalStore(resolveHome(session.env), session.warn);
  switch (action) {
    case 'path':
      return out(session, { home: store.home, config: store.path('config'), store: store.path('store') }, store.home);
    case 'get': {
      const key = keyOf(need(args[0], 'config get KEY'));
      if (isProfileKey(key)) {
        const value = (await store.readConfig())[key];
        return out(session, { key, value: value ?? null, source: value === undefined ? 'unset' : 'config' }, value === undefined ? '' : String(value));
      }
      const ctx = await createRunContext(rawSettings(flags), session.env, session.signal, session.warn, session.calls);
      const value = ctx.settings[key as keyof typeof ctx.settings];
      return out(session, { key, value: value ?? null, source: ctx.settings.sources[key] ?? 'unset' }, value === undefined ? '' : String(value));
    }
    case 'set': {
      const key = keyOf(need(args[0], 'config set KEY VALUE'));
      const raw = need(args[1], 'config set KEY VALUE');
      // A stored host is read the way the provider in force reads it (a base URL on openai).
      // Only the provider is resolved: a stored host that no longer parses must not block its own fix.
      const provider = key === 'host' ? await providerInForce(flags, session, store) : undefined;
      const value = isProfileKey(key) ? parseProfileDefault(key, raw, `config ${key}`) : parseSetting(key, raw, `config ${key}`, provider);
      await store.updateConfig((config) => void Object.assign(config, { [key]: value }));
      return out(session, { key, value }, `${key} = ${value}`);
    }
    case 'unset': {
      const key = keyOf(need(args[0], 'config unset KEY'));
      await store.updateConfig((config) => void delete config[key]);
      return out(session, { key }, `${key} unset`);
    }
    case 'list': {
      const ctx = await createRunContext(rawSettings(flags), session.env, session.signal, session.warn, session.calls);
      // On the openai provider the host is a base URL from OPENAI_BASE_URL; OLLAMA_HOST plays no part.
      const openaiHost = (key: SettingKey) => key === 'host' && ctx.settings.provider === 'openai';
      const rows = SETTING_KEYS.map((key) => ({
        key,
        value: ctx.settings[key as keyof typeof ctx.settings] ?? null,
        source: ctx.settings.sources[key] ?? 'unset',
        env: openaiHost(key) ? OPENAI_HOST_ENV : SETTING_ENV[key],
        default: openaiHost(key) ? OPENAI_DEFAULT_HOST : ((SETTING_DEFAULTS as Record<string, unknown>)[key] ?? null),
      }));
      const config = await store.readConfig();
      const profileRows = PROFILE_DEFAULT_KEYS.map((key) => ({
        key,
        value: config[key] ?? null,
        source: config[key] === undefined ? 'unset' : 'config',
        env: null,
        default: null,
      }));
      const all = [...rows, ...profileRows];
      const text = all.map((r) => `${r.key.padEnd(12)} ${String(r.value ?? '-').padEnd(34)} (${r.env ? `${r.source}; env ${r.env}` : r.source})`).join('\n');
      return out(session, { settings: all }, text);
    }
    default:
      throw new UsageError(`unknown config action "${action}": use get, set, unset, list or path`);
  }
}

/** The provider setting alone (flag > env > config > default), without resolving the others. */
async function providerInForce(flags: GlobalFlags, session: Session, store: LocalStore): Promise<ProviderKind> {
  const env = session.env[SETTING_ENV.provider];
  const raw = flags.provider ?? (env === '' ? undefined : env) ?? (await store.readConfig()).provider ?? SETTING_DEFAULTS.provider;
  return parseSetting('provider', raw, 'provider') as ProviderKind;
}

function need(value: string | undefined, usage: string): string {
  if (value === undefined) throw new UsageError(`usage: careerforge ${usage}`);
  return value;
}
