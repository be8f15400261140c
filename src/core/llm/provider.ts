// The provider seam: what structured generation, health, bench and eval need from a model server,
// whatever its wire. Ollama's native API (ollama-chat.ts) and OpenAI-compatible servers (vLLM,
// llama.cpp's server, LM Studio: openai/) each implement it; core code above this line never
// knows which one it talks to. A provider turns its wire into one stream of chat events, and its
// failures into the same typed errors and exit codes.
import type { CareerForgeError } from '../errors.js';
import type { CallStats } from '../events.js';
import type { Settings } from '../config/settings.js';
import type { CacheSession } from '../cache/session.js';
import type { CallHooks } from './hooks.js';

export const PROVIDERS = ['ollama', 'openai'] as const;
export type ProviderKind = (typeof PROVIDERS)[number];

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  /** What is being generated ("roadmap", "month 3 of 12"): names the schema on wires that want a name. */
  task: string;
  messages: ChatMessage[];
  /** The JSON schema the answer must follow (Ollama `format`, OpenAI `response_format.json_schema`). */
  schema: Record<string, unknown>;
  /** Cap on generated tokens (Ollama num_predict, OpenAI max_tokens). */
  numPredict: number;
}

/**
 * One streamed chat, as every provider reports it: text deltas, notices, then exactly one `done`.
 * A stream that fails (an error after HTTP 200, no end marker) throws an AttemptError instead of
 * yielding `done`; any other failure throws something `classify` understands.
 */
export type ChatEvent =
  | { type: 'delta'; text: string }
  | { type: 'warning'; message: string }
  | {
      type: 'done';
      /** "stop", or "length" when the answer hit numPredict (truncation, never a result). */
      reason: string;
      stats: CallStats;
    };

export interface ModelEntry {
  name: string;
  size?: number;
  /** What the server says about it, for health ("Q4_K_M", "max_model_len 32768"). */
  detail?: string;
}

export interface LlmHandle {
  readonly provider: ProviderKind;
  host: string;
  model: string;
  settings: Settings;
  signal: AbortSignal;
  /** Send one chat; resolves once the server accepted it (HTTP errors reject here, so they can be retried). */
  chat(req: ChatRequest): Promise<AsyncIterable<ChatEvent>>;
  /** The models the server offers. */
  models(): Promise<ModelEntry[]>;
  /** Who answers: "Ollama 0.5.1", "vLLM", "llama.cpp server". */
  server(): Promise<string>;
  /** Map anything the wire or the client library threw to a CareerForgeError. */
  classify(error: unknown): CareerForgeError;
  /** How the server itself is named in messages: "Ollama", "the OpenAI-compatible server". */
  readonly label: string;
  /** The response cache, when the command uses one (see core/cache). */
  cache?: CacheSession;
  /** Call log and --dry-run (see hooks.ts); absent when nothing records calls. */
  hooks?: CallHooks;
  /** This handle bound to another signal too (a pool job's: see pool.ts); set by createLlm. */
  fork?(signal: AbortSignal): LlmHandle;
}
