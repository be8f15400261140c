// The JSON objects an OpenAI-compatible server sends, in each engine's own field order (see
// test/fixtures/openai-wire/README.md): llama-server builds order-preserving objects (choices
// first, `timings` last), vLLM serialises pydantic models (id first, every null field in a
// non-stream reply, `stop_reason` only on the finish chunk). Bodies are compact JSON, as both send.
export type Flavor = 'llamacpp' | 'vllm';

export interface Usage { prompt_tokens: number; completion_tokens: number; cached_tokens?: number }
export interface Timings { prompt_n: number; prompt_ms: number; predicted_n: number; predicted_ms: number; cache_n: number }

let serial = 0;
/** llama-server ids are 32 random letters; vLLM's are 16 hex digits (newer) after chatcmpl-. */
export function completionId(flavor: Flavor): string {
  serial++;
  const tail = flavor === 'vllm' ? serial.toString(16).padStart(16, '0') : `FakeLlama${String(serial).padStart(23, '0')}`;
  return `chatcmpl-${tail}`;
}

export const FINGERPRINT: Record<Flavor, string> = { llamacpp: 'b6497-cd08fc3e', vllm: 'vllm-0.23.0-2426ae93' };

export function timingsJson(t: Timings) {
  // The server's own derived fields, in server_slot_stats::to_json order.
  return {
    cache_n: t.cache_n,
    prompt_n: t.prompt_n,
    prompt_ms: t.prompt_ms,
    prompt_per_token_ms: t.prompt_ms / Math.max(1, t.prompt_n),
    prompt_per_second: (1e3 * t.prompt_n) / t.prompt_ms,
    predicted_n: t.predicted_n,
    predicted_ms: t.predicted_ms,
    predicted_per_token_ms: t.predicted_ms / Math.max(1, t.predicted_n),
    predicted_per_second: (1e3 * t.predicted_n) / t.predicted_ms,
  };
}

function usageJson(flavor: Flavor, u: Usage, stream: boolean) {
  const total = u.prompt_tokens + u.completion_tokens;
  if (flavor === 'llamacpp') {
    return { completion_tokens: u.completion_tokens, prompt_tokens: u.prompt_tokens, total_tokens: total, prompt_tokens_details: { cached_tokens: u.cached_tokens ?? 0 } };
  }
  // vLLM's usage chunk is serialised with exclude_none; the non-stream body keeps its nulls.
  const base = { prompt_tokens: u.prompt_tokens, total_tokens: total, completion_tokens: u.completion_tokens };
  return stream ? base : { ...base, prompt_tokens_details: null, completion_tokens_details: null };
}

export interface ChunkParts {
  id: string;
  created: number;
  model: string;
  delta?: Record<string, unknown>;
  finish?: string | null;
  usage?: Usage;
  timings?: Timings;
}

/** One `chat.completion.chunk`; no delta means the `choices:[]` usage chunk. */
export function chunkJson(flavor: Flavor, p: ChunkParts): Record<string, unknown> {
  if (flavor === 'llamacpp') {
    const choices = p.delta ? [{ finish_reason: p.finish ?? null, index: 0, delta: p.delta }] : [];
    return {
      choices,
      created: p.created,
      id: p.id,
      model: p.model,
      system_fingerprint: FINGERPRINT.llamacpp,
      object: 'chat.completion.chunk',
      ...(p.usage ? { usage: usageJson(flavor, p.usage, true) } : {}),
      ...(p.timings ? { timings: timingsJson(p.timings) } : {}),
    };
  }
  const choices = p.delta
    ? [{ index: 0, delta: p.delta, logprobs: null, finish_reason: p.finish ?? null, ...(p.finish ? { stop_reason: null } : {}) }]
    : [];
  return { id: p.id, object: 'chat.completion.chunk', created: p.created, model: p.model, choices, ...(p.usage ? { usage: usageJson(flavor, p.usage, true) } : {}) };
}

/** The non-stream `chat.completion` body. */
export function completionJson(flavor: Flavor, p: { id: string; created: number; model: string; content: string; finish: string; usage: Usage; timings: Timings }) {
  if (flavor === 'llamacpp') {
    return {
      choices: [{ finish_reason: p.finish, index: 0, message: { role: 'assistant', content: p.content } }],
      created: p.created,
      model: p.model,
      system_fingerprint: FINGERPRINT.llamacpp,
      object: 'chat.completion',
      usage: usageJson(flavor, p.usage, false),
      id: p.id,
      timings: timingsJson(p.timings),
    };
  }
  return {
    id: p.id,
    object: 'chat.completion',
    created: p.created,
    model: p.model,
    choices: [{
      index: 0,
      message: { role: 'assistant', content: p.content, refusal: null, annotations: null, audio: null, function_call: null, reasoning: null },
      logprobs: null,
      finish_reason: p.finish,
      stop_reason: null,
      token_ids: null,
    }],
    service_tier: null,
    system_fingerprint: FINGERPRINT.vllm,
    usage: usageJson(flavor, p.usage, false),
    prompt_logprobs: null,
    prompt_token_ids: null,
    kv_transfer_params: null,
  };
}

export interface FakeServedModel { id: string; context: number }

/** GET /v1/models: llama-server answers Ollama-style `models[]` beside the OpenAI list. */
export function modelsJson(flavor: Flavor, models: FakeServedModel[], created: number) {
  if (flavor === 'llamacpp') {
    return {
      models: models.map((m) => ({
        name: m.id, model: m.id, modified_at: '', size: '', digest: '', type: 'model', description: '', tags: [''], capabilities: ['completion'], parameters: '',
        details: { parent_model: '', format: 'gguf', family: '', families: [''], parameter_size: '', quantization_level: '' },
      })),
      object: 'list',
      data: models.map((m) => ({
        id: m.id, aliases: [m.id], tags: [], object: 'model', created, owned_by: 'llamacpp',
        meta: { vocab_type: true, n_vocab: 32768, n_ctx: m.context, n_ctx_train: 32768, n_embd: 4096, n_params: 7248023552, size: 4372812000, ftype: 'Q4_K - Medium' },
      })),
    };
  }
  return {
    object: 'list',
    data: models.map((m) => ({
      id: m.id, object: 'model', created, owned_by: 'vllm', root: m.id, parent: null, max_model_len: m.context,
      permission: [{
        id: 'modelperm-ba83413358dd8c4d', object: 'model_permission', created, allow_create_engine: false, allow_sampling: true, allow_logprobs: true,
        allow_search_indices: false, allow_view: true, allow_fine_tuning: false, organization: '*', group: null, is_blocking: false,
      }],
    })),
  };
}

const LLAMA_TYPES: Record<number, string> = {
  400: 'invalid_request_error', 401: 'authentication_error', 403: 'permission_error', 404: 'not_found_error',
  500: 'server_error', 501: 'not_supported_error', 503: 'unavailable_error',
};
const VLLM_TYPES: Record<number, string> = { 400: 'BadRequestError', 404: 'NotFoundError', 501: 'NotImplementedError', 500: 'InternalServerError', 503: 'ServiceUnavailableError' };

/**
 * An error body as each engine writes it. llama-server: handler errors are `code,message,type`,
 * its middleware (401, unknown path, 503 loading) writes `message,type,code`. vLLM (>= 0.10.1):
 * `message,type,param,code`; its API-key middleware answers the bare `{"error":"Unauthorized"}`.
 */
export function errorJson(flavor: Flavor, status: number, message: string, opts: { middleware?: boolean; param?: string | null } = {}): unknown {
  if (flavor === 'llamacpp') {
    const type = LLAMA_TYPES[status] ?? 'server_error';
    return opts.middleware ? { error: { message, type, code: status } } : { error: { code: status, message, type } };
  }
  if (status === 401) return { error: 'Unauthorized' };
  return { error: { message, type: VLLM_TYPES[status] ?? 'InternalServerError', param: opts.param ?? null, code: status } };
}

/** What each engine says for the common faults, so tests can ask for "a 404" without a body. */
export function defaultError(flavor: Flavor, status: number, model: string): { message: string; middleware?: boolean; param?: string } {
  switch (status) {
    case 401:
      return { message: 'Invalid API Key', middleware: true };
    case 404:
      return flavor === 'vllm' ? { message: `The model \`${model}\` does not exist.`, param: 'model' } : { message: 'File Not Found', middleware: true };
    case 503:
      return flavor === 'llamacpp' ? { message: 'Loading model', middleware: true } : { message: 'The server is overloaded: too many queued requests' };
    case 500:
      // vLLM's 500s often carry an empty message (vllm-05d).
      return { message: flavor === 'vllm' ? '' : 'llama_decode failed: out of memory' };
    default:
      return { message: `fake error ${status}` };
  }
}
