// `careerforge bench`: llama-bench's method applied to a local Ollama model. For each model: read
// its details, time a cold load against a warm one, then run each test once to warm up and
// `repetitions` more times, summarising tokens/s from the server's own counters.
import { concurrencyAdvice } from './concurrency-advice.js';
import { modelMissing, requireOllama, type LlmHandle, type OllamaClientHandle } from '../llm/client.js';
import { normalizeModel } from '../ollama-admin/health.js';
import { gpuInfo } from './gpu-info.js';
import type { OpenAIClientHandle } from '../llm/openai/handle.js';
import { runServerBench } from './server-bench.js';
import { classify, fillerText, loadCall, timedGenerate, type Sample } from './request.js';
import { lookupBandwidth, roofline } from './roofline.js';
import { rate, summarize } from './stats.js';
import type { BenchEvent, BenchPlan, BenchRun, ModelBench, TestResult } from './types.js';
import { probeVersion } from '../llm/ollama-errors.js';

export interface TestSpec {
  test: string;
  kind: TestResult['kind'];
  n_prompt: number;
  n_gen: number;
  parallel: number;
}

/** The tests of one model, in llama-bench's order: pp sizes, tg sizes, pp+tg pairs, then the concurrency sweep. */
export function planTests(plan: BenchPlan): TestSpec[] {
  const specs: TestSpec[] = [];
  for (const p of plan.nPrompt) if (p > 0) specs.push({ test: `pp${p}`, kind: 'pp', n_prompt: p, n_gen: 0, parallel: 1 });
  for (const n of plan.nGen) if (n > 0) specs.push({ test: `tg${n}`, kind: 'tg', n_prompt: 0, n_gen: n, parallel: 1 });
  if (plan.pg) {
    for (const p of plan.nPrompt) for (const n of plan.nGen) if (p > 0 && n > 0) specs.push({ test: `pp${p}+tg${n}`, kind: 'pg', n_prompt: p, n_gen: n, parallel: 1 });
  }
  for (const streams of plan.parallel) {
    if (streams > 1) for (const n of plan.nGen) if (n > 0) specs.push({ test: `tg${n} x${streams}`, kind: 'tg', n_prompt: 0, n_gen: n, parallel: streams });
  }
  return specs;
}

/**
 * One context size for the whole run: changing num_ctx between calls would reload the model. The
 * filler is sized in words, and a tokenizer may split some words, hence the 25% headroom.
 */
export function runContextSize(plan: BenchPlan, configured: number): number {
  const needed = Math.ceil(Math.max(0, ...plan.nPrompt) * 1.25) + Math.max(0, ...plan.nGen) + 64;
  return Math.max(configured, Math.ceil(needed / 256) * 256);
}

export function newRun(id: string, handle: LlmHandle, numCtx: number, repetitions: number): BenchRun {
  return { id, created_at: new Date().toISOString(), host: handle.host, num_ctx: numCtx, repetitions, gpu: { available: false, reason: 'not checked yet' }, models: [], complete: false };
}

/** Fills `run` as it goes, so a caller that catches a failure still holds every finished test. */
export async function* runBench(llm: LlmHandle, plan: BenchPlan, run: BenchRun, env: NodeJS.ProcessEnv): AsyncGenerator<BenchEvent, BenchRun> {
  // OpenAI-compatible servers: the same tests over chat completions (server-bench.ts).
  if (llm.provider === 'openai') return yield* runServerBench(llm as OpenAIClientHandle, plan, run, env);
  const handle = requireOllama(llm, 'bench');
  // A host that is not Ollama is named as such here, before any model is called "not pulled".
  run.ollama_version = await probeVersion(handle.ollama, handle.classify, handle.host);
  const { models: pulled } = await handle.ollama.list().catch((error: unknown) => Promise.reject(handle.classify(error)));
  // Every model must exist before anything is sent: a typo must not cost a half-finished run.
  for (const model of plan.models) {
    if (!pulled.some((m) => normalizeModel(m.name) === normalizeModel(model))) throw modelMissing(model);
  }
  run.gpu = await gpuInfo(env, handle.signal);
  if (!run.gpu.available) yield { type: 'warning', message: `no GPU information: ${run.gpu.reason}; going on` };

  const specs = planTests(plan);
  const total = plan.models.length * (specs.length + (plan.load ? 1 : 0));
  let done = 0;
  let seed = Math.floor(Math.random() * 2 ** 31);
  for (const model of plan.models) {
    const entry: ModelBench = { model, tests: [] };
    run.models.push(entry);
    const info = pulled.find((m) => normalizeModel(m.name) === normalizeModel(model));
    const show = await handle.ollama.show({ model }).catch((error: unknown) => Promise.reject(classify(handle, model, error)));
    Object.assign(entry, {
      family: show.details?.family,
      parameter_size: show.details?.parameter_size,
      quantization_level: show.details?.quantization_level,
      size_bytes: info?.size,
    });

    if (plan.load) {
      yield { type: 'progress', model, label: 'load (cold vs warm)', done, total };
      await loadCall(handle, model, run.num_ctx, true);
      await waitUnloaded(handle, model);
      const cold = await loadCall(handle, model, run.num_ctx, false);
      const warm = await loadCall(handle, model, run.num_ctx, false);
      entry.load = { cold_ms: cold, warm_ms: warm };
      done++;
    }

    for (const spec of specs) {
      const result = yield* runTest(model, spec, plan, () => done, (seedNow) => timedGenerate(handle, request(model, spec, run.num_ctx, handle, seedNow)), () => ++seed, total);
      entry.tests.push(result);
      done++;
      yield { type: 'test-done', result };
    }
    await placement(handle, entry);
    const tg = entry.tests.find((t) => t.kind === 'tg' && t.parallel === 1);
    const bandwidth = plan.bandwidthGbs !== undefined
      ? { gbs: plan.bandwidthGbs, source: '--bandwidth' }
      : bandwidthFromGpu(run);
    if (bandwidth && entry.size_bytes) entry.roofline = roofline(bandwidth.gbs, bandwidth.source, entry.size_bytes, tg?.tps);
    const advice = concurrencyAdvice(model, entry.tests);
    if (advice) entry.concurrency_advice = advice;
  }
  run.complete = true;
  return run;
}


/** One test of one model: a warm-up, then `repetitions` measured runs, summarised; `generate` makes one timed call. */
export async function* runTest(
  model: string,
  spec: TestSpec,
  plan: BenchPlan,
  done: () => number,
  generate: (seed: number) => Promise<Sample>,
  nextSeed: () => number,
  total = 0,
): AsyncGenerator<BenchEvent, TestResult> {
  const samples: Array<{ tps: number; perStream?: number[]; ttft: number; latency: number; prompt: number; gen: number }> = [];
  for (let rep = 0; rep <= plan.repetitions; rep++) {
    yield { type: 'progress', model, label: rep === 0 ? `${spec.test} warm-up` : `${spec.test} ${rep}/${plan.repetitions}`, done: done(), total };
    const streams = rep === 0 ? 1 : spec.parallel;
    const t0 = performance.now();
    const results = await Promise.all(Array.from({ length: streams }, () => generate(nextSeed())));
    if (rep === 0) continue; // the warm-up only primes the model and its caches
    samples.push(measure(spec, results, performance.now() - t0));
  }
  const tps = summarize(samples.map((s) => s.tps));
  const ttft = summarize(samples.map((s) => s.ttft));
  const latency = summarize(samples.map((s) => s.latency));
  const result: TestResult = {
    model, ...spec, repetitions: plan.repetitions, samples: samples.map((s) => s.tps), tps: tps.mean, tps_std: tps.std,
    ttft_ms: ttft.mean, ttft_std: ttft.std, latency_ms: latency.mean, latency_std: latency.std,
    prompt_tokens: summarize(samples.map((s) => s.prompt)).mean, gen_tokens: summarize(samples.map((s) => s.gen)).mean,
  };
  if (spec.parallel > 1) {
    const perStream = summarize(samples.flatMap((s) => s.perStream ?? []));
    Object.assign(result, { per_stream_tps: perStream.mean, per_stream_std: perStream.std });
  }
  if (spec.n_gen > 0 && result.gen_tokens < spec.n_gen) {
    yield { type: 'warning', message: `${model} ${spec.test}: the model stopped after ${result.gen_tokens} of ${spec.n_gen} tokens on average; tokens/s uses the real count` };
  }
  return result;
}

function request(model: string, spec: TestSpec, numCtx: number, handle: OllamaClientHandle, seed: number) {
  // pp asks for a single token: its prompt_eval numbers are the measurement. tg uses a short prompt.
  const prompt = fillerText(spec.kind === 'tg' ? 16 : spec.n_prompt, seed);
  return { model, prompt, numPredict: spec.kind === 'pp' ? 1 : spec.n_gen, numCtx, seed: handle.settings.seed ?? seed, temperature: handle.settings.temperature };
}

export function measure(spec: TestSpec, results: Sample[], wallMs: number) {
  const first = results[0]!;
  const base = {
    ttft: summarize(results.map((r) => r.ttft_ms)).mean,
    latency: summarize(results.map((r) => r.latency_ms)).mean,
    prompt: summarize(results.map((r) => r.prompt_eval_count)).mean,
    gen: summarize(results.map((r) => r.eval_count)).mean,
  };
  if (spec.kind === 'pp') return { ...base, tps: rate(first.prompt_eval_count, first.prompt_eval_duration) };
  if (spec.kind === 'pg') {
    return { ...base, tps: rate(first.prompt_eval_count + first.eval_count, first.prompt_eval_duration + first.eval_duration) };
  }
  if (results.length === 1) return { ...base, tps: rate(first.eval_count, first.eval_duration) };
  // N streams: the server's durations overlap, so the aggregate is all tokens over the client's wall time.
  const tokens = results.reduce((n, r) => n + r.eval_count, 0);
  return { ...base, tps: tokens / (wallMs / 1000), perStream: results.map((r) => rate(r.eval_count, r.eval_duration)) };
}

export function bandwidthFromGpu(run: BenchRun): { gbs: number; source: string } | undefined {
  if (!run.gpu.available) return undefined;
  const name = run.gpu.gpus[0]?.name ?? '';
  const found = lookupBandwidth(name);
  return found ? { gbs: found.gbs, source: `built-in table (${found.key})` } : undefined;
}

/** GPU versus CPU share of the loaded model, from /api/ps. */
async function placement(handle: OllamaClientHandle, entry: ModelBench): Promise<void> {
  const { models } = await handle.ollama.ps().catch((error: unknown) => Promise.reject(handle.classify(error)));
  const loaded = models.find((m) => normalizeModel(m.name) === normalizeModel(entry.model));
  if (!loaded || loaded.size <= 0) return;
  const share = loaded.size_vram / loaded.size;
  entry.gpu_share = Math.round(share * 1000) / 1000;
  entry.processor = share >= 0.999 ? '100% GPU' : share <= 0 ? '100% CPU' : `${Math.round(share * 100)}% GPU / ${100 - Math.round(share * 100)}% CPU`;
}

/** keep_alive 0 schedules the unload; wait (briefly) until /api/ps no longer lists the model. */
async function waitUnloaded(handle: OllamaClientHandle, model: string): Promise<void> {
  const deadline = performance.now() + 1500;
  while (performance.now() < deadline) {
    const { models } = await handle.ollama.ps().catch((error: unknown) => Promise.reject(handle.classify(error)));
    if (!models.some((m) => normalizeModel(m.name) === normalizeModel(model))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
