// The openai provider's handle. The `openai` package is imported on first use, never at start-up:
// Ollama runs do not pay for it. It gets our fetch (fetch.ts), no retries of its own (ours count
// and back off the same on both providers), no logging, and nothing from the process environment:
// the base URL and key come from settings and CAREERFORGE_API_KEY only.
import type OpenAI from 'openai';
import type { Settings } from '../../config/settings.js';
import type { ChatRequest, LlmHandle, ModelEntry } from '../provider.js';
import type { TransportState } from '../transport.js';
import { chatBody, openaiChat } from './chat.js';
import { classifyOpenAI, errorBody, errorMessage, ROLES_MUST_ALTERNATE } from './errors.js';
import { createOpenAIFetch } from './fetch.js';

export function createOpenAIHandle(
  settings: Settings,
  signal: AbortSignal,
  apiKey?: string,
  state: TransportState = { timedOut: false, lastActivity: 0 },
): LlmHandle {
  let client: Promise<OpenAI> | undefined;
  const sdk = () =>
    (client ??= import('openai').then(
      ({ default: OpenAIClient }) =>
        new OpenAIClient({
          baseURL: settings.host,
          // The package insists on a key; without one no Authorization header is sent at all.
          apiKey: apiKey || 'unused',
          ...(apiKey ? {} : { defaultHeaders: { Authorization: null } }),
          organization: null,
          project: null,
          webhookSecret: null,
          fetch: createOpenAIFetch(signal, settings.timeout * 1000, state),
          maxRetries: 0,
          // Our idle watchdog (--timeout) fires first; this is only the package's outer bound.
          timeout: settings.timeout * 2000,
          logLevel: 'off',
        }),
    ));
  const classify = (error: unknown) => classifyOpenAI(error, { host: settings.host, model: settings.model, timeout: settings.timeout, signal, state });
  const onGone = () => (state.timedOut || signal.aborted ? classify(new Error('aborted')) : undefined);
  // Learned once per run: after the first "roles must alternate" every call folds.
  let fold = settings.fold_system === true;
  let listed: Promise<Array<{ id: string; owned_by?: string; max_model_len?: number; meta?: { n_ctx?: number } }>> | undefined;
  const list = () => (listed ??= sdk().then(async (c) => (await c.models.list()).data as never));

  const chat = async (req: ChatRequest) => {
    const c = await sdk();
    try {
      return await openaiChat(c, chatBody(settings, req, fold), onGone);
    } catch (error) {
      const refusesSystem = (error as { status?: number }).status === 400 && ROLES_MUST_ALTERNATE.test(errorMessage(errorBody(error)));
      if (fold || !refusesSystem || !req.messages.some((m) => m.role === 'system')) throw error;
      fold = true;
      const events = await openaiChat(c, chatBody(settings, req, fold), onGone);
      return (async function* () {
        yield {
          type: 'warning' as const,
          message: `the chat template of ${settings.model} refuses a system message; it now goes inside the first user turn (set \`careerforge config set fold_system true\` to skip the refused request)`,
        };
        yield* events;
      })();
    }
  };

  return {
    provider: 'openai',
    label: 'the OpenAI-compatible server',
    host: settings.host,
    model: settings.model,
    settings,
    signal,
    classify,
    chat,
    models: async (): Promise<ModelEntry[]> =>
      (await list()).map((m) => {
        const context = m.max_model_len ?? m.meta?.n_ctx;
        return { name: m.id, ...(context ? { detail: `context ${context}` } : {}) };
      }),
    server: async () => serverName((await list())[0]?.owned_by),
  };
}

/** Who serves the API, from /v1/models' owned_by: each engine writes its own name there. */
export function serverName(ownedBy: string | undefined): string {
  switch (ownedBy) {
    case 'vllm':
      return 'vLLM';
    case 'llamacpp':
      return 'llama.cpp server';
    case 'organization_owner':
      return 'LM Studio';
    default:
      return ownedBy ? `OpenAI-compatible server (${ownedBy})` : 'OpenAI-compatible server';
  }
}
