// What every command needs from core, resolved once: the home directory, the store, the
// settings (flag > env > config > default) and the model-server client bound to the command's signal.
import { createLlm, type LlmHandle } from './llm/client.js';
import { resolveHome, resolveSettings, type RawSettings, type Settings } from './config/settings.js';
import { LocalStore, type StoreOptions, type Warn } from './store/store.js';
import type { CallHooks } from './llm/hooks.js';
import { usePromptOverrides } from './llm/prompts.js';
import { loadOverrides } from './prompts/overrides.js';

export interface RunContext {
  home: string;
  store: LocalStore;
  settings: Settings;
  signal: AbortSignal;
  warn: Warn;
  /** The configured provider's client (Ollama or OpenAI-compatible), made on first use. */
  llm(): LlmHandle;
  /** The same handle under its old name, for commands written before --provider. */
  ollama(): LlmHandle;
}

/**
 * `cache`: answer identical requests from the response cache (--cache; batch unless --no-cache).
 * `hooks`: the call log or --dry-run (core/llm/hooks.ts). `storeOptions`: the store's test seams.
 */
export async function createRunContext(flags: RawSettings & { cache?: boolean }, env: NodeJS.ProcessEnv, signal: AbortSignal, warn: Warn, hooks?: CallHooks, storeOptions?: StoreOptions): Promise<RunContext> {
  const home = resolveHome(env);
  const store = new LocalStore(home, warn, storeOptions);
  const settings = resolveSettings(flags, env, await store.readConfig());
  // The user's prompt copies, checked before anything is sent (a bad placeholder is exit 2).
  usePromptOverrides(loadOverrides(home, warn));
  let handle: LlmHandle | undefined;
  // The response cache loads only when asked for: most runs never need its modules.
  const withCache = flags.cache ? (await import('./cache/attach.js')).attachCache({ env, home, warn }) : (h: LlmHandle) => h;
  // The API key is read from the environment only: never a flag (shell history), never the config file.
  const llm = () => (handle ??= withCache(createLlm(settings, signal, env.CAREERFORGE_API_KEY?.trim() || undefined, hooks)));
  return { home, store, settings, signal, warn, llm, ollama: llm };
}
