// How long a busy server asked us to wait. vLLM behind a gateway, LiteLLM and LM Studio's proxies
// answer 429/503 with `Retry-After` (seconds or an HTTP date, RFC 9110 10.2.3) and some with OpenAI's
// `retry-after-ms`; honouring it beats guessing with backoff, which either hammers a rate limiter or
// waits longer than needed. Only the openai package keeps the headers of a failed request (ollama-js
// drops them, and Ollama sends none), so this reads `error.headers` and returns undefined otherwise.

/** The longest wait we honour; a longer request is clamped, so one line never stalls a batch for minutes. */
export const MAX_RETRY_AFTER_MS = 60_000;

type HeaderBag = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Milliseconds from the error's Retry-After (or retry-after-ms) header, clamped to 0..MAX_RETRY_AFTER_MS. */
export function retryAfterMs(error: unknown, now: number = Date.now()): number | undefined {
  const headers = (error as { headers?: HeaderBag } | null)?.headers;
  if (!headers || typeof headers !== 'object') return undefined;
  const clamp = (ms: number) => Math.min(Math.max(0, Math.round(ms)), MAX_RETRY_AFTER_MS);
  const ms = header(headers, 'retry-after-ms');
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) return clamp(Number(ms));
  const value = header(headers, 'retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return clamp(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : clamp(at - now);
}
