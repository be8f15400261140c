// The defaults a command's input form offers: the newest saved record of that command (the last
// profile used) and the profile defaults in the config file. Read only when a form is about to open.
import { PROFILE_DEFAULT_KEYS, type ProfileDefaultKey, type ProfileDefaults } from '../core/config/schema.js';
import { profileDefaultsFor, resolveHome } from '../core/config/settings.js';
import type * as z from '../core/zod.js';
import { LocalStore } from '../core/store/store.js';
import type { FormDefaults } from '../ui/form-defaults.js';
import type { Session } from './session.js';

export type ProfileCollection = 'roadmaps' | 'skills' | 'interviews' | 'quizzes';

export async function loadFormDefaults(session: Session, collection: ProfileCollection): Promise<FormDefaults> {
  const store = new LocalStore(resolveHome(session.env), session.warn);
  // One after the other: both take the same lock.
  const data = await store.read();
  const stored = await store.readConfig();
  const records: Array<{ created_at: string; input: Record<string, unknown> }> = Object.values(data[collection]);
  const newest = records.sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
  const config = Object.fromEntries(PROFILE_DEFAULT_KEYS.filter((key) => stored[key] !== undefined).map((key) => [key, stored[key]])) as ProfileDefaults;
  return { last: newest?.input, config };
}

/**
 * The config's profile defaults for the fields a command's flags (and --input) leave out, outside
 * the form (profileDefaultsFor: flag > config > default). Where a form can ask, the role is left
 * to it: a missing --role opens the form, which offers the config role as its default.
 */
export async function profileFallback(
  session: Session,
  shape: Readonly<Record<string, z.ZodMiniType>>,
  keys: readonly ProfileDefaultKey[],
  canAsk = session.canPrompt(),
): Promise<Record<string, unknown>> {
  const wanted = keys.filter((key) => !(canAsk && key === 'role'));
  if (wanted.length === 0) return {};
  const config = await new LocalStore(resolveHome(session.env), session.warn).readConfig();
  return profileDefaultsFor(config, wanted, (key, value) => shape[key]?.safeParse(value).success === true);
}
