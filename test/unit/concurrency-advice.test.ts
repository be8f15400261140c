// bench --parallel's advice: which --concurrency (and OLLAMA_NUM_PARALLEL) the measured server rewards.
import { describe, expect, it } from 'vitest';
import { concurrencyAdvice } from '../../src/core/bench/concurrency-advice.js';
import type { TestResult } from '../../src/core/bench/types.js';

const tg = (parallel: number, tps: number): TestResult => ({
  model: 'm', test: parallel > 1 ? `tg128 x${parallel}` : 'tg128', kind: 'tg', n_prompt: 0, n_gen: 128, parallel, repetitions: 3,
  samples: [tps], tps, tps_std: 0, ttft_ms: 0, ttft_std: 0, latency_ms: 0, latency_std: 0, prompt_tokens: 0, gen_tokens: 128,
});

describe('concurrencyAdvice', () => {
  it('picks the smallest stream count within 10% of the best aggregate', () => {
    const advice = concurrencyAdvice('m', [tg(1, 50), tg(2, 92), tg(4, 160), tg(8, 170)]);
    expect(advice).toMatchObject({ concurrency: 4, tps: 160, single_tps: 50 });
    expect(advice!.message).toContain('OLLAMA_NUM_PARALLEL=4');
    expect(advice!.message).toContain('--concurrency 4');
  });

  it('says to keep 1 when parallel streams only queue (one slot)', () => {
    const advice = concurrencyAdvice('m', [tg(1, 50), tg(2, 51), tg(4, 49)]);
    expect(advice).toMatchObject({ concurrency: 1 });
    expect(advice!.message).toMatch(/does not reward parallel requests.*keep --concurrency 1/);
  });

  it('gives no advice without a sweep', () => {
    expect(concurrencyAdvice('m', [tg(1, 50)])).toBeUndefined();
    expect(concurrencyAdvice('m', [])).toBeUndefined();
  });
});
