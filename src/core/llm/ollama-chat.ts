// The Ollama side of the provider seam: one /api/chat call through ollama-js, streamed, turned into
// chat events. Stream faults (an error line after HTTP 200, no done:true) become AttemptErrors here,
// so structured generation treats them the same whichever provider sent them.
import type { ChatResponse, Ollama } from 'ollama';
import { AttemptError, type CareerForgeError } from '../errors.js';
import type { CallStats } from '../events.js';
import type { Settings } from '../config/settings.js';
import type { ChatEvent, ChatRequest } from './provider.js';

const NO_DONE = 'Did not receive done or success response in stream.';

export async function ollamaChat(
  ollama: Ollama,
  settings: Settings,
  classify: (error: unknown) => CareerForgeError,
  req: ChatRequest,
): Promise<AsyncIterable<ChatEvent>> {
  const stream = await ollama.chat({
    model: settings.model,
    messages: req.messages,
    format: req.schema,
    stream: true,
    // num_ctx identical on every call: a different value makes Ollama reload the model.
    options: {
      num_ctx: settings.num_ctx,
      num_predict: req.numPredict,
      temperature: settings.temperature,
      ...(settings.seed === undefined ? {} : { seed: settings.seed }),
    },
  });
  return (async function* events(): AsyncGenerator<ChatEvent> {
    let text = '';
    let final: ChatResponse | undefined;
    try {
      for await (const part of stream) {
        if (part.message?.content) {
          text += part.message.content;
          yield { type: 'delta', text: part.message.content };
        }
        if (part.done) final = part;
      }
    } catch (error) {
      throw streamFailure(classify, error, text);
    }
    if (!final) throw new AttemptError('STREAM_INCOMPLETE', 'the stream ended without done:true', [], text);
    yield { type: 'done', reason: final.done_reason ?? 'stop', stats: statsOf(final) };
  })();
}

function streamFailure(classify: (error: unknown) => CareerForgeError, error: unknown, text: string): CareerForgeError {
  const classified = classify(error);
  if (classified.code === 'TIMEOUT' || classified.code === 'INTERRUPTED') return classified;
  const message = (error as Error)?.message ?? String(error);
  if (message === NO_DONE || (error as Error)?.name === 'TypeError') {
    return new AttemptError('STREAM_INCOMPLETE', 'the stream ended without done:true', [], text);
  }
  return new AttemptError('STREAM_ERROR', `Ollama reported an error mid-stream: ${message}`, [], text);
}

function statsOf(final: ChatResponse): CallStats {
  return {
    prompt_tokens: final.prompt_eval_count ?? 0,
    completion_tokens: final.eval_count ?? 0,
    eval_duration_ns: final.eval_duration ?? 0,
    prompt_eval_duration_ns: final.prompt_eval_duration ?? 0,
    load_duration_ns: final.load_duration ?? 0,
    total_duration_ns: final.total_duration ?? 0,
  };
}
