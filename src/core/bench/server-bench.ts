// `careerforge bench --provider openai`: llama-bench's tests against an OpenAI-compatible server
// (vLLM, llama-server, LM Studio). Each call is a plain streamed chat of filler text with
// `max_tokens` (1 for pp); counts come from `usage`, durations from llama-server's `timings` when
// it sends them, otherwise from the client's clock (time to first token for the prompt, first to
// last token for generation), so vLLM's rates include the network and queueing. There is no load
// test (these servers load their model at start) and no GPU placement (they report none).
import { CareerForgeError } from '../errors.js';
import type { OpenAIClientHandle } from '../llm/openai/handle.js';
import { gpuInfo } from './gpu-info.js';
import { fillerText, type Sample } from './request.js';
import { roofline } from './roofline.js';
import { bandwidthFromGpu, planTests, runTest, type TestSpec } from './runner.js';
import type { BenchEvent, BenchPlan, BenchRun, ModelBench } from './types.js';

async function timedChat(handle: OpenAIClientHandle, model: string, spec: TestSpec, seed: number): Promise<Sample> {
  const t0 = performance.now();
  let ttft: number | undefined;
  const content = fillerText(spec.kind === 'tg' ? 16 : spec.n_prompt, seed);
  try {
    const events = await handle.complete({
      model,
      messages: [{ role: 'user', content }],
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: spec.kind === 'pp' ? 1 : spec.n_gen,
      temperature: handle.settings.temperature,
      seed: handle.settings.seed ?? seed,
    });
    for await (const event of events) {
      if (event.type === 'delta') ttft ??= performance.now() - t0;
      if (event.type !== 'done') continue;
      const s = event.stats;
      return {
        prompt_eval_count: s.prompt_tokens,
        prompt_eval_duration: s.prompt_eval_duration_ns,
        eval_count: s.completion_tokens,
        eval_duration: s.eval_duration_ns,
        ttft_ms: ttft ?? performance.now() - t0,
        latency_ms: performance.now() - t0,
      };
    }
  } catch (error) {
    throw handle.classify(error);
  }
  throw new CareerForgeError('STREAM_INCOMPLETE', `The ${model} stream ended without [DONE]: check the server log`);
}

export async function* runServerBench(handle: OpenAIClientHandle, plan: BenchPlan, run: BenchRun, env: NodeJS.ProcessEnv): AsyncGenerator<BenchEvent, BenchRun> {
  const served = await handle.models().catch((error: unknown) => Promise.reject(handle.classify(error)));
  run.server = await handle.server().catch((error: unknown) => Promise.reject(handle.classify(error)));
  // A single-model llama-server answers any name with its own model (see health).
  const anyName = served.length === 1 && run.server === 'llama.cpp server';
  for (const model of plan.models) {
    if (!anyName && !served.some((m) => m.name === model)) {
      const names = served.map((m) => m.name).join(', ') || 'nothing';
      throw new CareerForgeError('MODEL_NOT_FOUND', `Model ${model} is not served by the server at ${handle.host} (it serves: ${names}): pass --models with those names`);
    }
  }
  run.gpu = await gpuInfo(env, handle.signal);
  if (!run.gpu.available) yield { type: 'warning', message: `no GPU information: ${run.gpu.reason}; going on` };
  if (plan.load) yield { type: 'warning', message: `no load test on ${run.server}: it loads its model at start (pass --no-load to skip this note)` };
  const specs = planTests(plan);
  const total = plan.models.length * specs.length;
  let done = 0;
  let seed = Math.floor(Math.random() * 2 ** 31);
  for (const model of plan.models) {
    const entry: ModelBench = { model, tests: [] };
    run.models.push(entry);
    for (const spec of specs) {
      const result = yield* runTest(model, spec, plan, () => done, (s) => timedChat(handle, model, spec, s), () => ++seed, total);
      entry.tests.push(result);
      done++;
      yield { type: 'test-done', result };
    }
    // Without a model size from the server a roofline needs --bandwidth and still lacks bytes: only with both.
    const tg = entry.tests.find((t) => t.kind === 'tg' && t.parallel === 1);
    const bandwidth = plan.bandwidthGbs !== undefined ? { gbs: plan.bandwidthGbs, source: '--bandwidth' } : bandwidthFromGpu(run);
    if (bandwidth && entry.size_bytes) entry.roofline = roofline(bandwidth.gbs, bandwidth.source, entry.size_bytes, tg?.tps);
  }
  run.complete = true;
  return run;
}
