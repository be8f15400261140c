// What every command needs from core, resolved once: the home directory, the store, the
// settings (flag > env > config > default) and the Ollama client bound to the command's signal.
import { createOllama, type OllamaHandle } from './llm/client.js';
import { resolveHome, resolveSettings, type RawSettings, type Settings } from './config/settings.js';
import { LocalStore, type Warn } from './store/store.js';

export interface RunContext {
  home: string;
  store: LocalStore;
  settings: Settings;
  signal: AbortSignal;
  warn: Warn;
  ollama(): OllamaHandle;
}

export async function createRunContext(flags: RawSettings, env: NodeJS.ProcessEnv, signal: AbortSignal, warn: Warn): Promise<RunContext> {
  const home = resolveHome(env);
  const store = new LocalStore(home, warn);
  const settings = resolveSettings(flags, env, await store.readConfig());
  let handle: OllamaHandle | undefined;
  return { home, store, settings, signal, warn, ollama: () => (handle ??= createOllama(settings, signal)) };
}
