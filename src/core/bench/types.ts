// The shapes a benchmark run produces: what is printed, saved to history and compared.
import type { ConcurrencyAdvice } from './concurrency-advice.js';
import type { GpuInfo } from './gpu-info.js';
import type { Roofline } from './roofline.js';

export interface BenchPlan {
  models: string[];
  nPrompt: number[];
  nGen: number[];
  /** Also run prompt + generation in one request (llama-bench's pg test). */
  pg: boolean;
  repetitions: number;
  parallel: number[];
  load: boolean;
  bandwidthGbs?: number;
}

export interface TestResult {
  model: string;
  /** llama-bench naming: pp512, tg128, pp512+tg128; "x4" marks four simultaneous streams. */
  test: string;
  kind: 'pp' | 'tg' | 'pg';
  n_prompt: number;
  n_gen: number;
  parallel: number;
  repetitions: number;
  /** Tokens/s per repetition from the server's counts and durations (aggregate over streams when parallel > 1). */
  samples: number[];
  tps: number;
  tps_std: number;
  per_stream_tps?: number;
  per_stream_std?: number;
  /** Client-measured, milliseconds. */
  ttft_ms: number;
  ttft_std: number;
  latency_ms: number;
  latency_std: number;
  /** Mean token counts the server reported (the prompt filler only approximates n_prompt). */
  prompt_tokens: number;
  gen_tokens: number;
}

export interface ModelBench {
  model: string;
  family?: string;
  parameter_size?: string;
  quantization_level?: string;
  size_bytes?: number;
  gpu_share?: number;
  processor?: string;
  load?: { cold_ms: number; warm_ms: number };
  roofline?: Roofline;
  tests: TestResult[];
  /** From a --parallel sweep: the concurrency the server rewards (concurrency-advice.ts). */
  concurrency_advice?: ConcurrencyAdvice;
}

export interface BenchRun {
  id: string;
  created_at: string;
  host: string;
  ollama_version?: string;
  num_ctx: number;
  repetitions: number;
  gpu: GpuInfo;
  models: ModelBench[];
  complete: boolean;
  error?: { code: string; message: string };
}

export type BenchEvent =
  | { type: 'progress'; model: string; label: string; done: number; total: number }
  | { type: 'test-done'; result: TestResult }
  | { type: 'warning'; message: string };
