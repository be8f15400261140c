// `careerforge setup` end to end against the fake Ollama: pull with progress, create the coach
// model from the repo Modelfile, health check; a second run pulls nothing and still succeeds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEnvelope, runCli } from './support/cli.js';
import { startFakeOllama, type FakeOllama } from './support/fake-ollama.js';
import { jsonReply } from './support/fixtures.js';

const MODEL = 'mistral:7b-instruct-v0.3-q4_K_M';

let fake: FakeOllama;
beforeEach(async () => {
  fake = await startFakeOllama({ models: [], loaded: [{ name: MODEL, size: 4_372_812_000, size_vram: 4_372_812_000 }] });
  fake.onChat(() => jsonReply({ ok: true, word: 'ready' }));
});
afterEach(async () => {
  await fake.close();
});

const posts = (path: string) => fake.requests.filter((r) => r.method === 'POST' && r.path === path);

describe('careerforge setup', () => {
  it('pulls the missing model with progress, creates careerforge from the Modelfile, ends healthy; a second run pulls nothing', async () => {
    const first = await runCli(['setup'], { host: fake.host });
    expect(first.exitCode, first.stderr).toBe(0);
    // ollama-js 0.6 still names the model in the deprecated `name` field for pulls.
    expect(posts('/api/pull').map((r) => r.body.model ?? r.body.name)).toEqual([MODEL]);
    // Piped stderr: one plain line per pull status, the bar reaching 100%, no escape codes.
    expect(first.stderr).toContain(`pull: pulling ${MODEL}`);
    expect(first.stderr).toMatch(/\[#{30}\] 100% 4\.37\/4\.37 GB/);
    expect(first.stderr).toMatch(/ {2}success\n/);
    expect(first.stderr).not.toContain('\u001b[');
    expect(first.stdout).toMatch(new RegExp(`^Pulled ${MODEL}\\.\\nCreated careerforge:latest from ${MODEL}\\.\\n`));
    expect(first.stdout).toContain('All checks passed.');

    const [create] = posts('/api/create');
    expect(create!.body).toMatchObject({
      model: 'careerforge',
      from: MODEL,
      parameters: { num_ctx: 8192, temperature: 0.4, top_p: 0.9, repeat_penalty: 1.1, stop: ['[INST]', '[/INST]', '</s>'] },
    });
    expect(create!.body.system).toMatch(/^You are careerforge, a pragmatic senior engineering mentor/);

    const second = await runCli(['setup', '--json'], { host: fake.host, home: first.home });
    expect(second.exitCode, second.stderr).toBe(0);
    expect(posts('/api/pull')).toHaveLength(1); // nothing pulled the second time
    expect(posts('/api/create')).toHaveLength(2); // create is idempotent and cheap: rerun it
    expect(second.stderr).toBe('');
    const { data } = parseEnvelope(second.stdout);
    expect(data).toMatchObject({ present: [MODEL], pulled: [], created: { model: 'careerforge:latest', from: MODEL }, health: { ok: true } });
  });

  it('--model X pulls X alone and builds careerforge FROM X, without Mistral\'s stop tokens', async () => {
    fake.setLoaded([{ name: 'llama3.2:3b', size: 2_019_393_189, size_vram: 2_019_393_189 }]);
    const r = await runCli(['setup', '--model', 'llama3.2:3b'], { host: fake.host });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(posts('/api/pull').map((p) => p.body.model ?? p.body.name)).toEqual(['llama3.2:3b']);
    const [create] = posts('/api/create');
    expect(create!.body.model).toBe('careerforge');
    expect(create!.body.from).toBe('llama3.2:3b');
    // Mistral's [INST] stop list would replace llama's own; the portable settings and SYSTEM stay.
    expect(create!.body.parameters).toEqual({ num_ctx: 8192, temperature: 0.4, top_p: 0.9, repeat_penalty: 1.1 });
    expect(create!.body.system).toMatch(/^You are careerforge, a pragmatic senior engineering mentor/);
    expect(r.stdout).toMatch(/^Pulled llama3\.2:3b\.\nCreated careerforge:latest from llama3\.2:3b\.\n/);
  });

  it('--model careerforge builds it FROM the Modelfile base', async () => {
    fake.setLoaded([{ name: 'careerforge:latest', size: 4_372_812_000, size_vram: 4_372_812_000 }]);
    const r = await runCli(['setup', '--model', 'careerforge', '--json'], { host: fake.host });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(posts('/api/pull').map((p) => p.body.model ?? p.body.name)).toEqual([MODEL]);
    expect(posts('/api/create')[0]!.body).toMatchObject({ from: MODEL, parameters: { stop: ['[INST]', '[/INST]', '</s>'] } });
    expect(parseEnvelope(r.stdout).data?.created).toMatchObject({ model: 'careerforge:latest', from: MODEL });
  });

  it('Ollama down: exit 1 with the fix, nothing else attempted', async () => {
    await fake.close();
    const r = await runCli(['setup', '--json'], { host: fake.host });
    expect(r.exitCode).toBe(1);
    expect(parseEnvelope(r.stdout).error?.code).toBe('OLLAMA_UNREACHABLE');
    expect(r.stderr).toMatch(/^careerforge: Cannot reach Ollama at .*ollama serve/m);
  });

  it('a failed pull stops before create and says which model', async () => {
    fake.failNext('/api/pull', 500, 'pull model manifest: file does not exist');
    const r = await runCli(['setup'], { host: fake.host });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`careerforge: pulling ${MODEL} failed: .*file does not exist`));
    expect(posts('/api/create')).toHaveLength(0);
  });

  it('an unhealthy model after setup exits 1 with the failed check and the report in the envelope', async () => {
    fake.setLoaded([]);
    const r = await runCli(['setup', '--json'], { host: fake.host });
    expect(r.exitCode).toBe(1);
    const env = parseEnvelope(r.stdout);
    expect(env.error).toMatchObject({ code: 'CHECK_FAILED', message: expect.stringContaining('health check "loaded" failed') });
    expect(env.data.created.model).toBe('careerforge:latest');
  });
});
