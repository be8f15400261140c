// `careerforge config get|set|unset|list|path`: the config store layer of the settings order.
import { createRunContext } from '../core/context.js';
import { UsageError } from '../core/errors.js';
import { SETTING_DEFAULTS, SETTING_ENV, SETTING_KEYS, type SettingKey } from '../core/schemas/config.js';
import { parseSetting, resolveHome } from '../core/settings.js';
import { LocalStore } from '../core/store.js';
import { successEnvelope, writeJson } from '../render/json.js';
import { rawSettings, type GlobalFlags, type Session } from './shared.js';

function keyOf(raw: string): SettingKey {
  const key = raw.replace(/-/g, '_') as SettingKey;
  if (!SETTING_KEYS.includes(key)) throw new UsageError(`unknown config key "${raw}": one of ${SETTING_KEYS.join(', ')}`);
  return key;
}

function out(session: Session, data: unknown, text: string): void {
  if (session.json) writeJson(successEnvelope(data, session.meta));
  else process.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
}

export async function configCommand(action: string, args: string[], flags: GlobalFlags, session: Session): Promise<void> {
  const store = new LocalStore(resolveHome(session.env), session.warn);
  switch (action) {
    case 'path':
      return out(session, { home: store.home, config: store.path('config'), store: store.path('store') }, store.home);
    case 'get': {
      const key = keyOf(need(args[0], 'config get KEY'));
      const ctx = await createRunContext(rawSettings(flags), session.env, session.signal, session.warn);
      const value = ctx.settings[key as keyof typeof ctx.settings];
      return out(session, { key, value: value ?? null, source: ctx.settings.sources[key] ?? 'unset' }, value === undefined ? '' : String(value));
    }
    case 'set': {
      const key = keyOf(need(args[0], 'config set KEY VALUE'));
      const value = parseSetting(key, need(args[1], 'config set KEY VALUE'), `config ${key}`);
      await store.updateConfig((config) => void Object.assign(config, { [key]: value }));
      return out(session, { key, value }, `${key} = ${value}`);
    }
    case 'unset': {
      const key = keyOf(need(args[0], 'config unset KEY'));
      await store.updateConfig((config) => void delete config[key]);
      return out(session, { key }, `${key} unset`);
    }
    case 'list': {
      const ctx = await createRunContext(rawSettings(flags), session.env, session.signal, session.warn);
      const rows = SETTING_KEYS.map((key) => ({
        key,
        value: ctx.settings[key as keyof typeof ctx.settings] ?? null,
        source: ctx.settings.sources[key] ?? 'unset',
        env: SETTING_ENV[key],
        default: (SETTING_DEFAULTS as Record<string, unknown>)[key] ?? null,
      }));
      const text = rows.map((r) => `${r.key.padEnd(12)} ${String(r.value ?? '-').padEnd(34)} (${r.source}; env ${r.env})`).join('\n');
      return out(session, { settings: rows }, text);
    }
    default:
      throw new UsageError(`unknown config action "${action}": use get, set, unset, list or path`);
  }
}

function need(value: string | undefined, usage: string): string {
  if (value === undefined) throw new UsageError(`usage: careerforge ${usage}`);
  return value;
}
