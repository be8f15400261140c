// Gives a model handle its response cache for the run. The model's digest (from /api/tags) joins
// the key, so re-pulling a model under the same name never serves answers of the old build.
import type { OllamaClientHandle, OllamaHandle } from '../llm/client.js';
import type { Warn } from '../store/store.js';
import { resolveCacheConfig } from './config.js';
import { createCacheSession } from './session.js';

export function attachCache(opts: { env: NodeJS.ProcessEnv; home: string; warn: Warn }): (handle: OllamaHandle) => OllamaHandle {
  const config = resolveCacheConfig(opts.env);
  return (handle) => {
    if (config.where.kind === 'off') return handle;
    handle.cache = createCacheSession({ config, home: opts.home, warn: opts.warn, digestOf: () => ollamaDigest(handle) });
    return handle;
  };
}

export async function ollamaDigest(llm: OllamaHandle): Promise<string | undefined> {
  // OpenAI-compatible servers report no digest; provider, host and model still key the cache.
  if (llm.provider !== 'ollama') return undefined;
  const handle = llm as OllamaClientHandle;
  const wanted = handle.model.includes(':') ? handle.model : `${handle.model}:latest`;
  const { models } = await handle.ollama.list();
  return models.find((m) => m.name === wanted || m.model === wanted)?.digest || undefined;
}
