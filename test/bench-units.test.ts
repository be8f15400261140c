// The pure parts of bench and setup: statistics, the GPU bandwidth table and roofline, the test
// plan, history comparison, the Modelfile -> create request mapping and the pull progress bar.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithHistory } from '../src/core/bench/history.js';
import { fillerText } from '../src/core/bench/request.js';
import { lookupBandwidth, roofline } from '../src/core/bench/roofline.js';
import { planTests, runContextSize } from '../src/core/bench/runner.js';
import { rate, summarize } from '../src/core/bench/stats.js';
import type { BenchPlan, BenchRun } from '../src/core/bench/types.js';
import { createSpec } from '../src/core/ollama-admin/modelfile.js';
import { progressBar } from '../src/render/setup-progress.js';
import { ROOT } from './support/cli.js';

const plan: BenchPlan = { models: ['m'], nPrompt: [128, 512], nGen: [64], pg: true, repetitions: 5, parallel: [1, 4], load: true };

describe('bench statistics', () => {
  it('mean and sample standard deviation (n - 1)', () => {
    expect(summarize([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, std: Math.sqrt(32 / 7), n: 8 });
    expect(summarize([42])).toEqual({ mean: 42, std: 0, n: 1 });
    expect(summarize([])).toEqual({ mean: 0, std: 0, n: 0 });
  });

  it('tokens/s from a count and nanoseconds, 0 without a duration', () => {
    expect(rate(128, 1_600_000_000)).toBe(80);
    expect(rate(5, 0)).toBe(0);
  });
});

describe('roofline', () => {
  it('matches the longest GPU name and whole words only', () => {
    expect(lookupBandwidth('NVIDIA GeForce RTX 3060')).toEqual({ key: 'RTX 3060', gbs: 360 });
    expect(lookupBandwidth('NVIDIA GeForce RTX 3060 Ti')).toEqual({ key: 'RTX 3060 Ti', gbs: 448 });
    expect(lookupBandwidth('NVIDIA L40S')?.key).toBe('L40S');
    expect(lookupBandwidth('NVIDIA H200')?.gbs).toBe(4800);
    expect(lookupBandwidth('Some Unknown Card')).toBeUndefined();
  });

  it('caps mistral 7B Q4_K_M on an RTX 3060 near 82 tokens/s', () => {
    const r = roofline(360, 'table', 4_372_812_000, 61.7);
    expect(r.ceiling_tps).toBeCloseTo(82.33, 2);
    expect(r.share).toBeCloseTo(61.7 / 82.327, 4);
    expect(roofline(360, 'table', 4_372_812_000).share).toBeUndefined();
  });
});

describe('bench plan', () => {
  it('orders pp, tg, pp+tg, then the concurrency sweep; 0 sizes skip', () => {
    expect(planTests(plan).map((t) => t.test)).toEqual(['pp128', 'pp512', 'tg64', 'pp128+tg64', 'pp512+tg64', 'tg64 x4']);
    expect(planTests({ ...plan, nPrompt: [0], pg: false, parallel: [1] }).map((t) => t.test)).toEqual(['tg64']);
  });

  it('one num_ctx for the run, raised only when the largest test needs it', () => {
    expect(runContextSize(plan, 8192)).toBe(8192);
    // 16000 prompt tokens + 25% headroom + 64 generated + 64, rounded up to a multiple of 256.
    expect(runContextSize({ ...plan, nPrompt: [16000] }, 8192)).toBe(20224);
  });

  it('filler is about the asked size, reproducible per seed, different across seeds', () => {
    const a = fillerText(512, 7);
    expect(a.split(' ')).toHaveLength(509);
    expect(fillerText(512, 7)).toBe(a);
    expect(fillerText(512, 8)).not.toBe(a);
  });
});

describe('bench history', () => {
  const run = (id: string, at: string, tps: number): BenchRun => ({
    id, created_at: at, host: 'h', num_ctx: 8192, repetitions: 5, gpu: { available: false, reason: 'x' }, complete: true,
    models: [{ model: 'm', tests: [{ model: 'm', test: 'tg128', kind: 'tg', n_prompt: 0, n_gen: 128, parallel: 1, repetitions: 5, samples: [tps], tps, tps_std: 0, ttft_ms: 1, ttft_std: 0, latency_ms: 1, latency_std: 0, prompt_tokens: 16, gen_tokens: 128 }] }],
  });

  it('compares with the newest earlier run of the same model', () => {
    const history = [run('b1', '2026-01-01T00:00:00Z', 50), run('b2', '2026-02-01T00:00:00Z', 80)];
    const [change] = compareWithHistory(run('b3', '2026-03-01T00:00:00Z', 60), history);
    expect(change).toMatchObject({ previous_id: 'b2', previous_tps: 80, tps: 60, delta_tps: -20, delta_pct: -25 });
    expect(compareWithHistory(run('b1', '2026-01-01T00:00:00Z', 50), [])).toEqual([]);
  });
});

describe('setup helpers', () => {
  it('turns the repo Modelfile into a typed create request', () => {
    const spec = createSpec(fs.readFileSync(path.join(ROOT, 'Modelfile'), 'utf8'));
    expect(spec.from).toBe('mistral:7b-instruct-v0.3-q4_K_M');
    expect(spec.parameters).toEqual({ num_ctx: 8192, temperature: 0.4, top_p: 0.9, repeat_penalty: 1.1, stop: ['[INST]', '[/INST]', '</s>'] });
    expect(spec.system).toMatch(/^You are careerforge/);
    expect(spec.template).toBeUndefined();
    expect(() => createSpec('PARAMETER num_ctx 10')).toThrow(/no FROM instruction/);
  });

  it('draws the pull bar from completed/total', () => {
    expect(progressBar(0, 4e9)).toBe(`[${'-'.repeat(30)}]   0% 0.00/4.00 GB`);
    expect(progressBar(1e9, 4e9)).toBe(`[${'#'.repeat(8)}${'-'.repeat(22)}]  25% 1.00/4.00 GB`);
    expect(progressBar(5e9, 4e9)).toBe(`[${'#'.repeat(30)}] 100% 5.00/4.00 GB`);
  });
});
