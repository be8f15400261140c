// One timed generate call against Ollama: the server's counters from the final line plus the
// client's own clock (time to first chunk, end to end), and the filler text that keeps every
// prompt different so Ollama's prompt cache cannot answer from a previous run.
import type { LlmHandle, OllamaClientHandle } from '../llm/client.js';
import { modelMissing } from '../llm/client.js';
import { CareerForgeError } from '../errors.js';
import { seededRandom } from '../random.js';

export interface Sample {
  prompt_eval_count: number;
  prompt_eval_duration: number;
  eval_count: number;
  eval_duration: number;
  ttft_ms: number;
  latency_ms: number;
}

// Short common words: each is about one token for the usual tokenizers, so N words ~ N tokens.
const WORDS = (
  'time year people way day man thing woman life child world school state family student group country problem hand part ' +
  'place case week company system program question work government number night point home water room mother area money ' +
  'story fact month lot right study book eye job word business issue side kind head house service friend father power hour ' +
  'game line end member law car city name team minute idea kid body back parent face others level office door health art ' +
  'war history party result change morning reason research girl guy moment air teacher force education river stone light'
).split(' ');

/** About `tokens` tokens of random words, led by a nonce so no two prompts share a cached prefix. */
export function fillerText(tokens: number, seed: number): string {
  const random = seededRandom(seed);
  const words = [`[${seed.toString(36)}]`];
  for (let i = 0; i < Math.max(1, tokens - 4); i++) words.push(WORDS[Math.floor(random() * WORDS.length)] ?? 'word');
  return words.join(' ');
}

export interface GenerateSpec {
  model: string;
  prompt: string;
  numPredict: number;
  numCtx: number;
  seed?: number;
  temperature: number;
}

export async function timedGenerate(handle: OllamaClientHandle, spec: GenerateSpec): Promise<Sample> {
  const t0 = performance.now();
  let ttft: number | undefined;
  try {
    const stream = await handle.ollama.generate({
      model: spec.model,
      prompt: spec.prompt,
      // Raw: no chat template around the filler, so the prompt count is close to the size asked for.
      raw: true,
      stream: true,
      options: {
        num_ctx: spec.numCtx,
        num_predict: spec.numPredict,
        temperature: spec.temperature,
        ...(spec.seed === undefined ? {} : { seed: spec.seed }),
      },
    });
    for await (const part of stream) {
      ttft ??= performance.now() - t0;
      if (part.done) {
        return {
          prompt_eval_count: part.prompt_eval_count ?? 0,
          prompt_eval_duration: part.prompt_eval_duration ?? 0,
          eval_count: part.eval_count ?? 0,
          eval_duration: part.eval_duration ?? 0,
          ttft_ms: ttft,
          latency_ms: performance.now() - t0,
        };
      }
    }
  } catch (error) {
    throw classify(handle, spec.model, error);
  }
  throw new CareerForgeError('STREAM_INCOMPLETE', `Ollama ended the ${spec.model} stream before its final line: check the server log`);
}

/** An empty prompt only loads (or, with keep_alive 0, unloads) the model; returns client milliseconds. */
export async function loadCall(handle: OllamaClientHandle, model: string, numCtx: number, unload: boolean): Promise<number> {
  const t0 = performance.now();
  try {
    await handle.ollama.generate({ model, prompt: '', stream: false, options: { num_ctx: numCtx }, ...(unload ? { keep_alive: 0 } : {}) });
  } catch (error) {
    throw classify(handle, model, error);
  }
  return performance.now() - t0;
}

export function classify(handle: LlmHandle, model: string, error: unknown): CareerForgeError {
  const err = error as { name?: string; status_code?: number };
  // The shared classifier names the configured model; a benchmark names the one it was running.
  if (err?.name === 'ResponseError' && err.status_code === 404) return modelMissing(model);
  const classified = handle.classify(error);
  // ollama-js throws a plain Error for an {"error": ...} line in the middle of a stream.
  if (classified.code === 'INTERNAL' && err?.name === 'Error') {
    return new CareerForgeError('STREAM_ERROR', `Ollama failed while running ${model}: ${(error as Error).message}`);
  }
  return classified;
}
