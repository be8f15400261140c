// `careerforge health` end to end: every check passing, and each prerequisite failing, with the
// checks that depend on it skipped, the exit code and the fix the user is told.
import { describe, expect, it } from 'vitest';
import { parseEnvelope, runCli } from './support/cli.js';
import { jsonReply } from './support/fixtures.js';
import { closedPort, DEFAULT_MODEL, ENVELOPE_SUCCESS_KEYS, expectFailure, useFake } from './support/spine.js';

const fake = useFake();
const SIZE = 4_372_812_000;
const ping = () => jsonReply({ ok: true, word: 'ready' }, { stats: { prompt_eval_count: 40, eval_count: 8 } });

function checks(data: any): Array<[string, string]> {
  return data.checks.map((c: { name: string; status: string }) => [c.name, c.status]);
}

describe('health', () => {
  it('passes every check and reports a fully GPU-loaded model', async () => {
    fake().onChat(() => ping());
    fake().setLoaded([{ name: DEFAULT_MODEL, size: SIZE, size_vram: SIZE }]);
    const r = await runCli(['health', '--json'], { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const env = parseEnvelope(r.stdout);
    expect(Object.keys(env)).toEqual(ENVELOPE_SUCCESS_KEYS);
    expect(env.data.ok).toBe(true);
    expect(checks(env.data)).toEqual([['server', 'pass'], ['model', 'pass'], ['round_trip', 'pass'], ['loaded', 'pass']]);
    for (const check of env.data.checks) {
      expect(Object.keys(check)).toEqual(['name', 'status', 'ms', 'detail']);
      expect(Number.isInteger(check.ms) && check.ms >= 0).toBe(true);
    }
    expect(env.data.checks[0].detail).toBe(`Ollama 0.5.1 at ${fake().url}`);
    expect(env.data.checks[3].detail).toMatch(/^loaded, 100% GPU \(4\.4 GB VRAM of 4\.4 GB\)$/);
    expect(env.data.gpu_share).toBe(1);
    expect(env.data.round_trip.tokens_used).toBe(48);
    // 8 tokens in the fake's default 8 x 20 ms of eval_duration: 50 tokens/s, from the server's counters.
    expect(env.data.round_trip.tokens_per_sec).toBe(50);
    expect(env.data.checks[2].detail).toBe('structured JSON reply, 50 tokens/s');
    expect(env.meta.model).toBe(DEFAULT_MODEL);
    expect(env.meta.tokens_used).toBe(48);
    // The round trip is a real structured call: schema in `format`, the same num_ctx as any other.
    const [req] = fake().chatRequests();
    expect(Object.keys(req!.body.format.properties)).toEqual(['ok', 'word']);
    expect(req!.body.options.num_ctx).toBe(8192);
  });

  it('reports a partial GPU load as percentages, in plain text when piped', async () => {
    fake().onChat(() => ping());
    fake().setLoaded([{ name: DEFAULT_MODEL, size: SIZE, size_vram: Math.round(SIZE * 0.6) }]);
    const r = await runCli(['health'], { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^PASS {2}Server {5}Ollama 0\.5\.1 at http:\/\/127\.0\.0\.1:\d+ \(\d+ ms\)$/);
    expect(lines[3]).toMatch(/^PASS {2}Loaded {5}loaded, 60% GPU \/ 40% CPU \(2\.6 GB VRAM of 4\.4 GB\) \(\d+ ms\)$/);
    expect(lines[4]).toBe('All checks passed.');
  });

  it('fails on a server that is down and skips the rest (exit 1)', async () => {
    const port = await closedPort();
    const r = await runCli(['health', '--json'], { host: `127.0.0.1:${port}` });
    const { message } = expectFailure(r, 1, 'CHECK_FAILED');
    // The problem once, its fix once.
    expect(message).toBe(`health check "server" failed: Cannot reach Ollama at http://127.0.0.1:${port} (fix: start it with \`ollama serve\` or set OLLAMA_HOST)`);
    const env = parseEnvelope(r.stdout);
    expect(checks(env.data)).toEqual([['server', 'fail'], ['model', 'skip'], ['round_trip', 'skip'], ['loaded', 'skip']]);
    expect(env.data.checks.slice(1).map((c: { detail: string }) => c.detail)).toEqual(['server unreachable', 'server unreachable', 'server unreachable']);
    expect(env.data.ok).toBe(false);
  });

  it('text mode shows the failure once and its fix once; the last line only names the failed check', async () => {
    const port = await closedPort();
    const r = await runCli(['health'], { host: `127.0.0.1:${port}` });
    expect(r.exitCode).toBe(1);
    expect(r.stdout.replace(/ \(\d+ ms\)/g, '')).toBe(
      [
        `FAIL  Server     Cannot reach Ollama at http://127.0.0.1:${port}`,
        '      fix: start it with `ollama serve` or set OLLAMA_HOST',
        'SKIP  Model      server unreachable',
        'SKIP  Round trip server unreachable',
        'SKIP  Loaded     server unreachable',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('careerforge: health check "server" failed\n');
  });

  it('fails when the model is not pulled, with `ollama pull` as the fix', async () => {
    fake().setModels([{ name: 'llama3.2:3b' }]);
    const r = await runCli(['health', '--json'], { host: fake().host });
    const { message } = expectFailure(r, 1, 'CHECK_FAILED');
    expect(message).toContain(`(fix: ollama pull ${DEFAULT_MODEL})`);
    const env = parseEnvelope(r.stdout);
    expect(checks(env.data)).toEqual([['server', 'pass'], ['model', 'fail'], ['round_trip', 'skip'], ['loaded', 'skip']]);
    expect(env.data.checks[1].fix).toBe(`ollama pull ${DEFAULT_MODEL}`);
    expect(fake().chatRequests()).toHaveLength(0);
  });

  it('prints the failed report and the fix in text mode too, each once', async () => {
    fake().setModels([]);
    const r = await runCli(['health'], { host: fake().host });
    expect(r.exitCode).toBe(1);
    expect(r.stdout.replace(/ \(\d+ ms\)/g, '').split('\n').slice(1)).toEqual([
      `FAIL  Model      ${DEFAULT_MODEL} is not pulled`,
      `      fix: ollama pull ${DEFAULT_MODEL}`,
      'SKIP  Round trip model not pulled',
      'SKIP  Loaded     model not pulled',
      '',
    ]);
    expect(r.stderr).toBe('careerforge: health check "model" failed\n');
  });

  it('names every failed check in the last line when several fail', async () => {
    fake().onChat(() => jsonReply({ ok: false, word: 'nope' }));
    const r = await runCli(['health', '--retries', '0'], { host: fake().host });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('careerforge: health checks "round_trip", "loaded" failed\n');
    expect(r.stdout.match(/^FAIL/gm)).toHaveLength(2);
  });

  it('fails the round trip when every answer is invalid (ok: false)', async () => {
    fake().onChat(() => jsonReply({ ok: false, word: 'nope' }));
    fake().setLoaded([{ name: DEFAULT_MODEL, size: SIZE, size_vram: SIZE }]);
    const r = await runCli(['health', '--json', '--retries', '1'], { host: fake().host });
    const { message } = expectFailure(r, 1, 'CHECK_FAILED');
    expect(message).toMatch(/^health check "round_trip" failed: The model's answer was still invalid in all 2 attempts: "ok" must be true/);
    const env = parseEnvelope(r.stdout);
    expect(checks(env.data)).toEqual([['server', 'pass'], ['model', 'pass'], ['round_trip', 'fail'], ['loaded', 'pass']]);
    expect(fake().chatRequests()).toHaveLength(2);
  });

  it('fails "loaded" when the model is not in /api/ps', async () => {
    fake().onChat(() => ping());
    const r = await runCli(['health', '--json'], { host: fake().host });
    const { message } = expectFailure(r, 1, 'CHECK_FAILED');
    expect(message).toContain(`health check "loaded" failed: ${DEFAULT_MODEL} is not loaded`);
  });
});
