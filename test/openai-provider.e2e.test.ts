// What only the openai provider has: API keys and their refusals, base URLs, model names the server
// checks, fenced answers through a chat template, llama.cpp's old error field, Mistral templates that
// refuse a system message, and `config list` naming OPENAI_BASE_URL (not OLLAMA_HOST) for the host.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEnvelope, runCli } from './support/cli.js';
import { validReply } from './support/answer-by-schema.js';
import { startFakeOpenAI, type FakeOpenAI, type Flavor } from './support/fake-openai.js';
import { ollamaShaped } from './support/provider-rig.js';
import { expectFailure } from './support/spine.js';

const ARGS = ['roadmap', '--role', 'Backend Developer', '--months', '2', '--json'];
let fake: FakeOpenAI;

async function start(flavor: Flavor, apiKey?: string): Promise<void> {
  fake = await startFakeOpenAI({ flavor, ...(apiKey ? { apiKey } : {}) });
  fake.onChat((req, i) => ({ content: (validReply(ollamaShaped(req), i) as { content: string }).content }));
}
const run = (args: string[], env: Record<string, string | undefined> = {}, host = fake.url) =>
  runCli([...args, '--provider', 'openai', '--host', host], { env });

afterEach(async () => {
  await fake?.close();
});

describe.each(['vllm', 'llamacpp'] as const)('on %s', (flavor) => {
  beforeEach(() => start(flavor, 'sk-right'));

  it('names the key variable when the server refuses the key (401), without retrying', async () => {
    for (const env of [{}, { CAREERFORGE_API_KEY: 'sk-wrong' }]) {
      const before = fake.chatRequests().length;
      const r = await run(ARGS, env);
      const { message } = expectFailure(r, 1, 'OLLAMA_ERROR');
      const said = flavor === 'vllm' ? 'Unauthorized' : 'Invalid API Key';
      expect(message).toBe(`The server at ${fake.url} refused the request (401: ${said}): set CAREERFORGE_API_KEY to the server's API key`);
      expect(fake.chatRequests().length - before).toBe(1);
      expect(r.stderr).not.toContain('sk-wrong');
    }
    // No key: no Authorization header at all, rather than a placeholder.
    expect(fake.chatRequests()[0]!.headers.authorization).toBeUndefined();
    expect(fake.chatRequests()[1]!.headers.authorization).toBe('Bearer sk-wrong');
  });

  it('says --host must be the base URL when the path is wrong (404)', async () => {
    const r = await run(ARGS, { CAREERFORGE_API_KEY: 'sk-right' }, fake.url.replace(/\/v1$/, '/api'));
    const { message } = expectFailure(r, 1, 'OLLAMA_ERROR');
    expect(message).toMatch(/^The server at http:\/\/127\.0\.0\.1:\d+\/api answered 404: .+: --host must be the base URL, usually ending in \/v1$/);
  });

  it('waits as long as a 429 says in Retry-After before trying again, then succeeds', async () => {
    fake.failNext('/v1/chat/completions', 429, 'Rate limit reached', { 'Retry-After': '1' });
    const r = await run(ARGS, { CAREERFORGE_API_KEY: 'sk-right' });
    expect(r.exitCode, r.stderr).toBe(0);
    const [first, second] = fake.chatRequests();
    // Our own backoff would have come back after 250 ms; the server asked for a second.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('takes a JSON answer out of a ```json fence in the first attempt', async () => {
    fake.onChat((req, i) => ({ content: (validReply(ollamaShaped(req), i) as { content: string }).content, fence: true }));
    const r = await run(ARGS, { CAREERFORGE_API_KEY: 'sk-right' });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(parseEnvelope(r.stdout).meta.attempts).toBe(1);
  });

  it('sends response_format json_schema with a name, strict, streaming with include_usage', async () => {
    const r = await run(ARGS, { CAREERFORGE_API_KEY: 'sk-right' });
    expect(r.exitCode, r.stderr).toBe(0);
    const body = fake.chatRequests()[0]!.body;
    expect(body).toMatchObject({ stream: true, stream_options: { include_usage: true }, response_format: { type: 'json_schema', json_schema: { strict: true } } });
    expect(body.response_format.json_schema.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(Object.keys(body.response_format.json_schema.schema.properties)).toContain('roadmap');
  });
});

describe('vLLM specifics', () => {
  beforeEach(() => start('vllm'));

  it('says which models the server has when --model is not one of them (404 MODEL_NOT_FOUND)', async () => {
    const r = await run([...ARGS, '--model', 'Qwen/Qwen2.5-7B-Instruct']);
    const { message } = expectFailure(r, 1, 'MODEL_NOT_FOUND');
    expect(message).toBe(
      `Model Qwen/Qwen2.5-7B-Instruct is not served by the server at ${fake.url} (404: The model \`Qwen/Qwen2.5-7B-Instruct\` does not exist.): pass --model with a name from \`careerforge health\``,
    );
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('folds the system prompt into the first user turn after "roles must alternate" (400), once per run', async () => {
    const handler = (req: { body: any }, i: number) => ({ content: (validReply(ollamaShaped(req as never), i) as { content: string }).content });
    fake.onChat((req, i) =>
      req.body.messages.some((m: { role: string }) => m.role === 'system')
        ? { fault: 'status', status: 400, body: { error: { message: 'Conversation roles must alternate user/assistant/user/assistant/... Conversation roles must alternate user/assistant/user/assistant/...', type: 'BadRequestError', param: null, code: 400 } } }
        : handler(req, i),
    );
    const r = await run(ARGS);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^warning: the chat template of mistral:7b-instruct-v0\.3-q4_K_M refuses a system message; it now goes inside the first user turn/m);
    const roles = fake.chatRequests().map((q) => q.body.messages.map((m: { role: string }) => m.role).join(','));
    // One refused request, then every call (outline and months) folded.
    expect(roles[0]).toBe('system,user');
    expect(roles.slice(1).every((r2) => !r2.includes('system'))).toBe(true);
  });
});

describe('llama-server specifics', () => {
  beforeEach(() => start('llamacpp'));

  it('reads the old `error:` SSE field of builds before b6500 as a mid-stream error', async () => {
    fake.onChat(() => ({ fault: 'midstream-error', error: 'the request exceeds the available context size', style: 'old-field' }));
    const r = await run([...ARGS, '--retries', '0']);
    const { message } = expectFailure(r, 1, 'STREAM_ERROR');
    expect(message).toBe('The server reported an error mid-stream: the request exceeds the available context size (in 1 attempt): check the server log');
  });

  it('tells a context overflow (400 exceed_context_size_error) apart, naming the server options', async () => {
    fake.onChat(() => ({
      fault: 'status', status: 400,
      body: { error: { code: 400, message: 'request (6053 tokens) exceeds the available context size (512 tokens), try increasing it', type: 'exceed_context_size_error', n_prompt_tokens: 6053, n_ctx: 512 } },
    }));
    const r = await run(ARGS);
    const { message } = expectFailure(r, 1, 'OLLAMA_ERROR');
    expect(message).toContain('does not fit the context');
    expect(message).toContain('llama-server -c');
  });
});

describe('config list on the openai provider', () => {
  it('names OPENAI_BASE_URL and its default for the host, and ignores OLLAMA_HOST', async () => {
    const r = await runCli(['config', 'list', '--json'], { env: { CAREERFORGE_PROVIDER: 'openai', OLLAMA_HOST: '10.0.0.9:11434' } });
    expect(r.exitCode, r.stderr).toBe(0);
    const host = parseEnvelope(r.stdout).data.settings.find((s: { key: string }) => s.key === 'host');
    expect(host).toEqual({ key: 'host', value: 'http://127.0.0.1:8000/v1', source: 'default', env: 'OPENAI_BASE_URL', default: 'http://127.0.0.1:8000/v1' });
    const text = await runCli(['config', 'list'], { env: { CAREERFORGE_PROVIDER: 'openai', OPENAI_BASE_URL: 'gpu-box:8000/v1' } });
    expect(text.stdout).toMatch(/^host +http:\/\/gpu-box:8000\/v1 +\(env; env OPENAI_BASE_URL\)$/m);
    expect(text.stdout).not.toContain('OLLAMA_HOST');
  });

  it('stores a host as a base URL when the provider is openai', async () => {
    const r = await runCli(['config', 'set', 'host', 'gpu-box:8000', '--json'], { env: { CAREERFORGE_PROVIDER: 'openai' } });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(parseEnvelope(r.stdout).data).toEqual({ key: 'host', value: 'http://gpu-box:8000/v1' });
  });
});
