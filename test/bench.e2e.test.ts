// `careerforge bench` end to end: the built CLI against the fake Ollama with scripted final stats,
// so tokens/s, standard deviations and the roofline share are known exactly.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { BIN, parseEnvelope, readStore, runCli, tempHome } from './support/cli.js';
import { startFakeOllama, type ChatReply, type FakeOllama, type RecordedRequest } from './support/fake-ollama.js';
import { stripVTControlCharacters } from 'node:util';
import { pathWithFakeGpu, pathWithoutGpu } from './support/bench-env.js';
import { runInProcess } from './support/in-process.js';

const MODEL = 'mistral:7b-instruct-v0.3-q4_K_M';
// Warm-up first (deliberately absurd, so including it would show), then three measured runs.
const PP_NS = [9e6, 1e9, 0.5e9, 0.8e9]; // 512 tokens -> 512, 1024, 640 t/s: mean 725.33, sd 266.45
const TG_NS = [9e6, 2e9, 1.6e9, 1.28e9]; // 128 tokens -> 64, 80, 100 t/s: mean 81.33, sd 18.04

let fake: FakeOllama;
beforeEach(async () => {
  fake = await startFakeOllama();
});
afterEach(async () => {
  await fake.close();
});

function generates(): RecordedRequest[] {
  return fake.requests.filter((r) => r.path === '/api/generate' && r.body?.prompt);
}

/** Scripted stats by request kind: num_predict 1 is a pp test, anything else generation. */
function scriptStats(scale = 1, failTgAt?: number): void {
  const seen = { pp: 0, tg: 0 };
  fake.onChat((req): ChatReply => {
    const n = req.body.options?.num_predict as number;
    if (n === 1) {
      const d = PP_NS[seen.pp++ % PP_NS.length]!;
      return { content: 'x', stats: { prompt_eval_count: 512, prompt_eval_duration: d * scale, eval_count: 1, eval_duration: 1e6 } };
    }
    if (failTgAt !== undefined && seen.tg === failTgAt) return { fault: 'midstream-error', error: 'CUDA error: out of memory' };
    const d = TG_NS[seen.tg++ % TG_NS.length]!;
    return { content: 'word '.repeat(8), stats: { prompt_eval_count: 16, prompt_eval_duration: 1e7, eval_count: n, eval_duration: d * scale } };
  });
}

const GPU = { PATH: pathWithFakeGpu() };

describe('careerforge bench', () => {
  it('reports exact mean ± sd tokens/s, the GPU and the roofline share, and sends varied prompts with one num_ctx', async () => {
    scriptStats();
    const r = await runCli(['bench', '-r', '3', '--no-load', '--json'], { host: fake.host, env: GPU });
    expect(r.exitCode, r.stderr).toBe(0);
    const { data, meta } = parseEnvelope(r.stdout);
    const run = data.run;
    expect(run.ollama_version).toBe('0.5.1');
    expect(run.gpu).toEqual({ available: true, gpus: [{ name: 'NVIDIA GeForce RTX 3060', memory_mib: 12288, driver: '550.54.14' }] });
    const [m] = run.models;
    expect(m).toMatchObject({ model: MODEL, family: 'llama', parameter_size: '7.2B', quantization_level: 'Q4_K_M', size_bytes: 4_372_812_000 });
    const [pp, tg] = m.tests;
    expect(pp).toMatchObject({ test: 'pp512', kind: 'pp', repetitions: 3, samples: [512, 1024, 640], prompt_tokens: 512 });
    expect(pp.tps).toBeCloseTo(725.333, 3);
    expect(pp.tps_std).toBeCloseTo(266.4533, 3);
    expect(tg).toMatchObject({ test: 'tg128', kind: 'tg', samples: [64, 80, 100], gen_tokens: 128 });
    expect(tg.tps).toBeCloseTo(81.3333, 3);
    expect(tg.tps_std).toBeCloseTo(18.0370, 3);
    expect(tg.ttft_ms).toBeGreaterThan(0);
    expect(tg.latency_ms).toBeGreaterThanOrEqual(tg.ttft_ms);
    // 360 GB/s / 4,372,812,000 bytes = 82.33 tokens/s; 81.33 of it is 98.8%.
    expect(m.roofline.source).toBe('built-in table (RTX 3060)');
    expect(m.roofline.ceiling_tps).toBeCloseTo(82.327, 2);
    expect(m.roofline.share).toBeCloseTo(0.98793, 4);
    expect(meta).toMatchObject({ model: MODEL, id: run.id, num_ctx: 8192 });

    const sent = generates();
    expect(sent).toHaveLength(8); // 2 tests x (1 warm-up + 3)
    expect(new Set(sent.map((s) => s.body.prompt)).size).toBe(8);
    expect(new Set(sent.map((s) => s.body.options.num_ctx))).toEqual(new Set([8192]));
    expect(sent.filter((s) => s.body.options.num_predict === 1)).toHaveLength(4);
    expect(sent.filter((s) => s.body.options.num_predict === 128)).toHaveLength(4);
    expect(sent.every((s) => s.body.raw === true && s.body.stream === true)).toBe(true);
    expect(readStore(r.home).bench[run.id]).toMatchObject({ complete: true, models: [{ model: MODEL }] });
  });

  it('without nvidia-smi says so and goes on; --bandwidth still gives the roofline', async () => {
    scriptStats();
    const r = await runCli(['bench', '-r', '3', '-p', '0', '--no-load', '--bandwidth', '360', '--json'], { host: fake.host, env: { PATH: pathWithoutGpu() } });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/no GPU information: nvidia-smi not found/);
    const run = parseEnvelope(r.stdout).data.run;
    expect(run.gpu.available).toBe(false);
    expect(run.models[0].tests.map((t: { test: string }) => t.test)).toEqual(['tg128']);
    expect(run.models[0].roofline).toMatchObject({ source: '--bandwidth', bandwidth_gbs: 360 });
    expect(run.models[0].roofline.share).toBeCloseTo(0.98793, 4);
  });

  it('prints a llama-bench table when piped, with no escape codes', async () => {
    scriptStats();
    const r = await runCli(['bench', '-r', '3', '--no-load'], { host: fake.host, env: GPU });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout).toMatch(/^\| model\s+\| size\s+\| params \| quant\s+\| test\s+\|\s+t\/s \|/m);
    expect(r.stdout).toContain(`| ${MODEL} | 4.07 GiB | 7.2B   | Q4_K_M | pp512 | 725.33 ± 266.45 |`);
    expect(r.stdout).toMatch(/\| tg128 \|\s+81\.33 ± 18\.04 \|/);
    expect(r.stdout).toContain('GPU: NVIDIA GeForce RTX 3060, 12288 MiB, driver 550.54.14');
    expect(r.stdout).toMatch(/roofline 82\.3 tokens\/s \(360 GB\/s from built-in table \(RTX 3060\) \/ 4372812000 bytes\); tg measured 81\.33 tokens\/s = 98\.8% of it/);
  });

  it('on a 120-column terminal the table fits: no always-empty per-stream column, no row wrapped', async () => {
    scriptStats();
    const r = await runInProcess(['bench', '-r', '3', '--no-load'], { host: fake.host, env: GPU, tty: { columns: 120 } });
    expect(r.exitCode, r.stderr).toBe(0);
    const lines = stripVTControlCharacters(r.stdout).split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(120);
    const table = lines.filter((l) => l.startsWith('|'));
    // Header, rule, pp512 and tg128: each one whole line.
    expect(table).toHaveLength(4);
    for (const row of table) expect(row).toMatch(/^\|.*\|$/);
    expect(table[0]).toMatch(/^\| model\s+\| size\s+\| params \| quant\s+\| test\s+\|\s+t\/s \| TTFT ms \| latency ms \|$/);
    expect(r.stdout).not.toContain('per stream');
    // With --parallel the column has values, and is shown.
    scriptStats();
    const parallel = await runInProcess(['bench', '-r', '3', '--no-load', '--parallel', '2', '--n-prompt', '0'], { host: fake.host, env: GPU, tty: { columns: 160 } });
    expect(parallel.exitCode, parallel.stderr).toBe(0);
    expect(parallel.stdout).toContain('per stream t/s');
  });

  it('--csv gives one row per test and --md a Markdown report', async () => {
    scriptStats();
    const csv = await runCli(['bench', '-r', '3', '--no-load', '--csv'], { host: fake.host, env: GPU });
    expect(csv.exitCode, csv.stderr).toBe(0);
    const [header, ...rows] = csv.stdout.trimEnd().split('\n');
    const cols = header!.split(',');
    expect(rows).toHaveLength(2);
    const pp = Object.fromEntries(cols.map((c, i) => [c, rows[0]!.split(',')[i]]));
    expect(pp).toMatchObject({ model: MODEL, test: 'pp512', gpu: 'NVIDIA GeForce RTX 3060', samples: '512;1024;640', size_bytes: '4372812000' });
    // Rounded to what they are worth: 1 decimal for tokens/s, none for ms, 3 for a share.
    expect(pp).toMatchObject({ tps: '725.3', tps_std: '266.5', per_stream_tps: '', prompt_tokens: '512' });
    expect(pp.ttft_ms).toMatch(/^\d+$/);
    expect(pp.latency_ms).toMatch(/^\d+$/);
    const tg = Object.fromEntries(cols.map((c, i) => [c, rows[1]!.split(',')[i]]));
    expect(tg).toMatchObject({ tps: '81.3', tps_std: '18', samples: '64;80;100', roofline_tps: '82.3', roofline_share: '0.988' });

    scriptStats();
    const md = await runCli(['bench', '-r', '3', '--no-load', '--md'], { host: fake.host, home: csv.home, env: GPU });
    expect(md.exitCode, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^# careerforge bench\n\n- Ollama 0\.5\.1 at /);
    expect(md.stdout).toMatch(/\| pp512 \| 725\.33 ± 266\.45 \|/);
    expect(Object.keys(readStore(md.home).bench)).toHaveLength(2);
  });

  it('--compare shows the change against the previous run of the same model', async () => {
    scriptStats();
    const first = await runCli(['bench', '-r', '3', '--no-load', '--json'], { host: fake.host, env: GPU });
    expect(first.exitCode, first.stderr).toBe(0);
    scriptStats(0.5); // half the time: twice the speed
    const second = await runCli(['bench', '-r', '3', '--no-load', '--compare', '--json'], { host: fake.host, home: first.home, env: GPU });
    expect(second.exitCode, second.stderr).toBe(0);
    const { changes } = parseEnvelope(second.stdout).data;
    const previousId = parseEnvelope(first.stdout).data.run.id;
    expect(changes).toHaveLength(2);
    expect(changes[1]).toMatchObject({ model: MODEL, test: 'tg128', previous_id: previousId });
    expect(changes[1].previous_tps).toBeCloseTo(81.3333, 3);
    expect(changes[1].tps).toBeCloseTo(162.6667, 3);
    expect(changes[1].delta_pct).toBeCloseTo(100, 6);

    scriptStats();
    const text = await runCli(['bench', '-r', '3', '--no-load', '--compare'], { host: fake.host, home: first.home, env: GPU });
    expect(text.stdout).toMatch(/tg128: 81\.33 t\/s vs 162\.67 .*: -81\.33 t\/s \(-50\.0%\)/);
  });

  it('measures cold versus warm load, the concurrency sweep, pp+tg, and the GPU/CPU split from /api/ps', async () => {
    scriptStats();
    fake.setLoaded([{ name: MODEL, size: 6_000_000_000, size_vram: 3_000_000_000 }]);
    const r = await runCli(['bench', '-r', '2', '-p', '64', '-n', '16', '--pg', '--parallel', '1,2', '--json'], { host: fake.host, env: GPU });
    expect(r.exitCode, r.stderr).toBe(0);
    const m = parseEnvelope(r.stdout).data.run.models[0];
    expect(m.processor).toBe('50% GPU / 50% CPU');
    expect(m.gpu_share).toBe(0.5);
    expect(m.load.cold_ms).toBeGreaterThan(0);
    expect(m.load.warm_ms).toBeGreaterThan(0);
    expect(m.tests.map((t: { test: string }) => t.test)).toEqual(['pp64', 'tg16', 'pp64+tg16', 'tg16 x2']);
    const pg = m.tests[2];
    // The tg script cycles on (tg16 took its runs 0-2): pp+tg is (16 + 16) tokens over prompt + eval time.
    expect(m.tests[1].samples).toEqual([8, 10]);
    expect(pg.samples[0]).toBeCloseTo(32 / (0.01 + 0.009), 6);
    expect(pg.samples[1]).toBeCloseTo(32 / (0.01 + 2), 6);
    const sweep = m.tests[3];
    expect(sweep.parallel).toBe(2);
    expect(sweep.per_stream_tps).toBeGreaterThan(0);
    expect(sweep.tps).toBeGreaterThan(0);
    // The sweep ends in advice: the streams that pay off, or 1 when they only queue.
    const better = sweep.tps >= m.tests[1].tps * 1.2;
    expect(m.concurrency_advice).toMatchObject({ concurrency: better ? 2 : 1, single_tps: m.tests[1].tps });
    const unloads = fake.requests.filter((q) => q.path === '/api/generate' && !q.body?.prompt && q.body?.keep_alive === 0);
    expect(unloads).toHaveLength(1);
  });

  it('an unknown model suggests the pull and sends nothing to any model', async () => {
    const r = await runCli(['bench', '-m', `${MODEL},nosuch:1b`, '--json'], { host: fake.host, env: GPU });
    expect(r.exitCode).toBe(1);
    expect(parseEnvelope(r.stdout).error).toEqual({ code: 'MODEL_NOT_FOUND', message: expect.stringContaining('`ollama pull nosuch:1b`') });
    expect(r.stderr).toMatch(/^careerforge: Model nosuch:1b is not pulled/m);
    expect(fake.requests.filter((q) => q.path === '/api/generate')).toHaveLength(0);
  });

  it.each([
    [['-r', '0'], /--repetitions: expected whole numbers from 1 to 100, got "0"/],
    [['-p', '12x'], /--n-prompt: expected whole numbers/],
    [['--parallel', '0'], /--parallel: expected whole numbers from 1 to 64/],
    [['--bandwidth', 'fast'], /--bandwidth: expected GB\/s/],
    [['-p', '0', '-n', '0'], /nothing to measure/],
    [['--csv', '--md'], /choose one of --json, --csv and --md/],
    [['-m', 'bad name!'], /--models: "bad name!" is not an Ollama model name/],
  ])('bad flags %j: exit 2, one line, nothing sent', async (args, message) => {
    const r = await runCli(['bench', ...args], { host: fake.host, env: GPU });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(fake.requests).toHaveLength(0);
  });

  it('a failure midway reports what finished, saves it, and exits 1 with the error', async () => {
    scriptStats(1, 2); // the second measured tg run dies mid-stream
    const home = tempHome();
    const r = await runCli(['bench', '-r', '3', '--no-load', '--json'], { host: fake.host, home, env: GPU });
    expect(r.exitCode).toBe(1);
    const env = parseEnvelope(r.stdout);
    expect(env.error).toEqual({ code: 'STREAM_ERROR', message: `Ollama failed while running ${MODEL}: CUDA error: out of memory` });
    expect(env.data.run.complete).toBe(false);
    expect(env.data.run.models[0].tests.map((t: { test: string }) => t.test)).toEqual(['pp512']);
    const saved = Object.values(readStore(home).bench) as Array<{ complete: boolean; error: { code: string } }>;
    expect(saved).toMatchObject([{ complete: false, error: { code: 'STREAM_ERROR' } }]);

    scriptStats(1, 2);
    const text = await runCli(['bench', '-r', '3', '--no-load'], { host: fake.host, home, env: GPU });
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toMatch(/\| pp512 \| 725\.33 ± 266\.45 \|/);
    expect(text.stdout).toContain('Incomplete run: Ollama failed while running');
    expect(text.stderr).toMatch(/careerforge: Ollama failed while running .*CUDA error: out of memory/);
  });

  it('Ctrl-C midway shows what finished, saves nothing and exits 130', async () => {
    const seen = { pp: 0 };
    fake.onChat((req): ChatReply => {
      if (req.body.options?.num_predict !== 1) return { fault: 'stall' };
      const d = PP_NS[seen.pp++]!;
      return { content: 'x', stats: { prompt_eval_count: 512, prompt_eval_duration: d, eval_count: 1, eval_duration: 1e6 } };
    });
    const home = tempHome();
    const child = execa('node', [BIN, 'bench', '-r', '3', '--no-load'], {
      reject: false, timeout: 20_000, stripFinalNewline: false,
      env: { CAREERFORGE_HOME: home, OLLAMA_HOST: fake.host, CI: '1', ...GPU },
    });
    while (!generates().some((q) => q.body.options?.num_predict === 128)) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const r = await child;
    expect(r.exitCode).toBe(130);
    expect(String(r.stdout)).toMatch(/\| pp512 \| 725\.33 ± 266\.45 \|/);
    expect(String(r.stdout)).not.toContain('Saved as');
    expect(String(r.stderr)).toMatch(/careerforge: Interrupted: nothing was saved\./);
    expect(readStore(home)?.bench ?? {}).toEqual({});
  });
});
