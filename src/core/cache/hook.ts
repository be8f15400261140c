// The thin seam between structured generation and the response cache: generate.ts asks
// `cachedAnswer` before its first attempt and calls `rememberAnswer` with a validated value.
// Only answers that passed the schema and the semantic checks are stored, and a stored answer is
// checked again on the way out, so a cached reply can never be less valid than a fresh one.
import type { OllamaHandle } from '../llm/client.js';
import type * as z from '../zod.js';
import type { CacheRequest } from './key.js';

export interface SentRequest {
  messages: ReadonlyArray<{ role: string; content: string }>;
  format: unknown;
  options: Record<string, unknown>;
}

interface Checked<T> {
  task: string;
  schema: z.ZodMiniType<T>;
  check?: (value: T) => string[];
}

async function requestOf(handle: OllamaHandle, sent: SentRequest): Promise<CacheRequest> {
  const provider = (handle.settings as { provider?: string }).provider ?? 'ollama';
  const digest = await handle.cache?.digest();
  return {
    provider,
    model: handle.model,
    ...(digest ? { digest } : {}),
    host: handle.host,
    messages: sent.messages.map((m) => ({ role: m.role, content: m.content })),
    schema: sent.format,
    options: sent.options,
  };
}

export async function cachedAnswer<T>(handle: OllamaHandle, req: Checked<T>, sent: SentRequest): Promise<T | undefined> {
  const cache = handle.cache;
  if (!cache) return undefined;
  return cache.lookup(await requestOf(handle, sent), (value) => {
    const parsed = req.schema.safeParse(value);
    if (!parsed.success || (req.check?.(parsed.data) ?? []).length > 0) return undefined;
    return parsed.data;
  });
}

export async function rememberAnswer(handle: OllamaHandle, task: string, sent: SentRequest, value: unknown): Promise<void> {
  if (!handle.cache) return;
  await handle.cache.save(await requestOf(handle, sent), task, value);
}
