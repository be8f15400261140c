// The OpenAI-compatible fake against the captures in test/fixtures/openai-wire: the same keys in
// the same order, the same SSE framing and end markers, the same error bodies, for each engine.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';
import { startFakeOpenAI, type FakeOpenAI, type Flavor } from './support/fake-openai.js';

const WIRE = path.join(ROOT, 'test/fixtures/openai-wire');
const fixture = (name: string) => fs.readFileSync(path.join(WIRE, name), 'utf8');
/** The body of a captured .http file (after the blank line). */
const httpBody = (name: string) => fixture(name).split(/\r?\n\r?\n/).slice(1).join('\n\n');
const sseEvents = (text: string) => text.split('\n\n').filter((e) => e.trim() !== '');
const dataOf = (event: string) => event.replace(/^data: /, '');

/** The shape of a JSON value: keys in order, recursively; leaves become their type. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shape(value[0])] : [];
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => [k, shape(v)]);
  return value === null ? 'null' : typeof value;
}

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function chat(flavor: Flavor, body: Record<string, unknown>, init: { reply?: Parameters<FakeOpenAI['reply']>[0] } = {}) {
  fake = await startFakeOpenAI({ flavor, models: [{ id: 'toy', context: 512 }] });
  if (init.reply) fake.reply(init.reply);
  const res = await fetch(`${fake.url}/chat/completions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'toy', messages: [{ role: 'user', content: 'hi' }], ...body }),
  });
  return { res, text: await res.text() };
}

describe('llama-server wire', () => {
  it('streams without a usage chunk: role chunk, deltas, a delta:{} finish chunk carrying timings, [DONE]', async () => {
    const { res, text } = await chat('llamacpp', { stream: true }, { reply: { content: 'I t d', finishReason: 'length' } });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    const real = sseEvents(httpBody('llamacpp-02a-stream.no-usage.length.captured.http'));
    const ours = sseEvents(text);
    expect(ours.at(-1)).toBe('data: [DONE]');
    expect(shape(JSON.parse(dataOf(ours[0]!)))).toEqual(shape(JSON.parse(dataOf(real[0]!))));
    expect(shape(JSON.parse(dataOf(ours[1]!)))).toEqual(shape(JSON.parse(dataOf(real[1]!))));
    expect(shape(JSON.parse(dataOf(ours.at(-2)!)))).toEqual(shape(JSON.parse(dataOf(real.at(-2)!))));
    expect(text).not.toContain('\r');
  });

  it('streams with include_usage: the finish chunk, then a choices:[] chunk with usage and timings', async () => {
    const { text } = await chat('llamacpp', { stream: true, stream_options: { include_usage: true } }, { reply: { content: 'I t d', finishReason: 'length' } });
    const real = sseEvents(fixture('llamacpp-02b-stream.include_usage.length.captured.sse'));
    const ours = sseEvents(text);
    expect(shape(JSON.parse(dataOf(ours.at(-3)!)))).toEqual(shape(JSON.parse(dataOf(real.at(-3)!))));
    // The captured usage chunk had cached prompt tokens; the shape is the same with 0.
    expect(shape(JSON.parse(dataOf(ours.at(-2)!)))).toEqual(shape(JSON.parse(dataOf(real.at(-2)!))));
  });

  it('answers stream:false with the chat.completion body in its own field order', async () => {
    const { res, text } = await chat('llamacpp', {}, { reply: { content: 'I t d', finishReason: 'length' } });
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(shape(JSON.parse(text))).toEqual(shape(JSON.parse(httpBody('llamacpp-01a-chat-completion.length.captured.http'))));
  });

  it('lists models the llama-server way and answers 401 and unknown paths with its middleware bodies', async () => {
    fake = await startFakeOpenAI({ flavor: 'llamacpp', models: [{ id: 'toy', context: 512 }], apiKey: 'k' });
    const auth = { Authorization: 'Bearer k' };
    const models = await (await fetch(`${fake.url}/models`, { headers: auth })).json();
    expect(shape(models)).toEqual(shape(JSON.parse(httpBody('llamacpp-06-models.captured.http'))));
    const denied = await fetch(`${fake.url}/models`);
    expect(denied.status).toBe(401);
    expect(await denied.text()).toBe(httpBody('llamacpp-05h-error-bad-api-key.401.captured.http'));
    const lost = await fetch(`${fake.url.replace(/\/v1$/, '')}/nowhere`, { headers: auth });
    expect(lost.status).toBe(404);
    expect(await lost.text()).toBe(httpBody('llamacpp-05i-error-unknown-path.404.captured.http'));
  });

  it('closes a stream after a data:{"error"} event without [DONE], and can send the old error: field', async () => {
    const { text } = await chat('llamacpp', { stream: true }, { reply: { fault: 'midstream-error', error: 'boom' } });
    expect(sseEvents(text).at(-1)).toBe('data: {"error":{"code":500,"message":"boom","type":"server_error"}}');
    const old = await chat('llamacpp', { stream: true }, { reply: { fault: 'midstream-error', error: 'boom', style: 'old-field' } });
    expect(sseEvents(old.text).slice(-2)).toEqual(['error: {"code":500,"message":"boom","type":"server_error"}', 'data: [DONE]']);
  });
});

describe('vLLM wire', () => {
  it('streams like vLLM: role chunk with content "", finish_reason and stop_reason on the last delta, then usage and [DONE]', async () => {
    const { text } = await chat('vllm', { stream: true, stream_options: { include_usage: true } }, { reply: { content: 'Hello there.' } });
    const ours = sseEvents(text);
    const head = sseEvents(fixture('vllm-02a-stream-head.v0.15.partial.verbatim.sse'));
    const tail = sseEvents(fixture('vllm-02b-stream-tail.stop.partial.verbatim.sse'));
    expect(shape(JSON.parse(dataOf(ours[0]!)))).toEqual(shape(JSON.parse(dataOf(head[0]!))));
    expect(JSON.parse(dataOf(ours[0]!)).choices[0].delta).toEqual({ role: 'assistant', content: '' });
    expect(shape(JSON.parse(dataOf(ours.at(-3)!)))).toEqual(shape(JSON.parse(dataOf(tail.at(-2)!))));
    expect(JSON.parse(dataOf(ours.at(-2)!))).toMatchObject({ choices: [], usage: { prompt_tokens: 1, completion_tokens: 3, total_tokens: 4 } });
    expect(ours.at(-1)).toBe('data: [DONE]');
  });

  it('answers stream:false with every null field, as vLLM 0.23 does', async () => {
    const { text } = await chat('vllm', {}, { reply: { content: 'x' } });
    const real = JSON.parse(fixture('vllm-01b-chat-completion.v0.23.0.verbatim.json'));
    delete real.choices[0].routed_experts; // a MoE-only extra
    delete real.prompt_text;
    expect(shape(JSON.parse(text))).toEqual(shape(real));
  });

  it('lists models with max_model_len, refuses unknown models with 404, and a misplaced schema with an empty 500', async () => {
    fake = await startFakeOpenAI({ flavor: 'vllm', models: [{ id: 'Qwen/Qwen2.5-7B-Instruct', context: 32768 }] });
    const models = await (await fetch(`${fake.url}/models`)).json();
    expect(shape(models)).toEqual(shape(JSON.parse(fixture('vllm-06-models.verbatim.json'))));
    const post = (body: object) => fetch(`${fake!.url}/chat/completions`, { method: 'POST', body: JSON.stringify({ messages: [{ role: 'user', content: 'x' }], ...body }) });
    const missing = await post({ model: 'nope' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { message: 'The model `nope` does not exist.', type: 'NotFoundError', param: 'model', code: 404 } });
    const misplaced = await post({ model: 'Qwen/Qwen2.5-7B-Instruct', response_format: { type: 'json_schema', schema: {} } });
    expect(misplaced.status).toBe(500);
    expect(await misplaced.text()).toBe(fixture('vllm-05d-error-bad-response_format.500.verbatim.json'));
  });

  it('still sends [DONE] after a mid-stream error event, and ends a cut stream with neither', async () => {
    const { text } = await chat('vllm', { stream: true }, { reply: { fault: 'midstream-error', error: 'boom' } });
    expect(sseEvents(text).slice(-2)).toEqual(['data: {"error":{"message":"boom","type":"InternalServerError","param":null,"code":500}}', 'data: [DONE]']);
    const cut = await chat('vllm', { stream: true }, { reply: { fault: 'cut', content: 'par' } });
    expect(cut.text).not.toContain('[DONE]');
    expect(cut.text).not.toContain('"finish_reason":"');
  });
});
