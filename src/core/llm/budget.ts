// Token budgets. num_predict has to fit in num_ctx beside the prompt (Ollama truncates a prompt
// that does not fit, silently), so every generator sizes its answer here.
import type { OllamaHandle } from './client.js';
import { UsageError } from '../errors.js';

// JSON-heavy English prompts run at about 3.5 characters per token on Mistral's tokenizer.
const CHARS_PER_TOKEN = 3.5;
// Slack for the chat template's own tokens around the messages.
const TEMPLATE_TOKENS = 64;

export function estimateTokens(...texts: string[]): number {
  return Math.ceil(texts.reduce((n, t) => n + t.length, 0) / CHARS_PER_TOKEN);
}

export interface RoomOptions {
  /** Below this many tokens of room the answer cannot fit: a usage error. */
  minimum?: number;
  /** Ends the error's "no room for the answer ...": "to this prompt", "with this CV and job description". */
  what?: string;
  /** The num_ctx to suggest. */
  suggest?: number;
}

/** Room left for the answer once the prompt is in the context window. */
export function roomFor(handle: OllamaHandle, texts: string[], { minimum = 256, what = 'to this prompt', suggest = 8192 }: RoomOptions = {}): number {
  const room = handle.settings.num_ctx - estimateTokens(...texts) - TEMPLATE_TOKENS;
  if (room < minimum) {
    throw new UsageError(`num_ctx=${handle.settings.num_ctx} leaves no room for the answer ${what}: raise --num-ctx (${suggest} or more)`);
  }
  return room;
}

/** num_predict for one call: what the answer needs, within the room and the user's --num-predict cap. */
export function answerBudget(handle: OllamaHandle, want: number, texts: string[], room?: RoomOptions): number {
  return Math.min(roomFor(handle, texts, room), handle.settings.num_predict ?? want);
}
