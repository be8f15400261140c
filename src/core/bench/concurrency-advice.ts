// What `bench --parallel` tells the user to set: the smallest number of simultaneous streams whose
// aggregate tokens/s is within 10% of the best measured, when that beats one stream by at least
// 20%; otherwise the server does not reward parallel requests (Ollama's OLLAMA_NUM_PARALLEL is 1 by
// default, so extra streams just queue) and --concurrency should stay 1.
import type { TestResult } from './types.js';

export interface ConcurrencyAdvice {
  concurrency: number;
  /** Aggregate tokens/s at that concurrency and with one stream. */
  tps: number;
  single_tps: number;
  message: string;
}

export function concurrencyAdvice(model: string, tests: readonly TestResult[]): ConcurrencyAdvice | undefined {
  const tg = tests.filter((t) => t.kind === 'tg');
  const single = tg.find((t) => t.parallel === 1);
  const parallel = tg.filter((t) => t.parallel > 1 && t.n_gen === single?.n_gen);
  if (!single || parallel.length === 0 || !(single.tps > 0)) return undefined;
  const best = Math.max(single.tps, ...parallel.map((t) => t.tps));
  const pick = [single, ...parallel].sort((a, b) => a.parallel - b.parallel).find((t) => t.tps >= best * 0.9)!;
  if (pick.parallel === 1 || pick.tps < single.tps * 1.2) {
    const top = parallel.reduce((a, b) => (b.tps > a.tps ? b : a));
    return {
      concurrency: 1,
      tps: single.tps,
      single_tps: single.tps,
      message: `${model}: ${top.parallel} streams gave ${top.tps.toFixed(1)} t/s against ${single.tps.toFixed(1)} with one: the server does not reward parallel requests (is OLLAMA_NUM_PARALLEL 1?); keep --concurrency 1`,
    };
  }
  const gain = pick.tps / single.tps;
  return {
    concurrency: pick.parallel,
    tps: pick.tps,
    single_tps: single.tps,
    message: `${model}: ${pick.parallel} streams give ${pick.tps.toFixed(1)} t/s, ${gain.toFixed(2)}x one stream: set OLLAMA_NUM_PARALLEL=${pick.parallel} on the server and --concurrency ${pick.parallel} (or careerforge config set concurrency ${pick.parallel})`,
  };
}
