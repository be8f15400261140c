// Proves the fake Ollama speaks the wire format of test/fixtures/ollama-wire, judged by the real
// `ollama` client and raw fetch, so tests built on it exercise the CLI against realistic bytes.
import { readFileSync } from 'node:fs';
import { Ollama } from 'ollama';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama } from './support/fake-ollama.js';

const WIRE = new URL('./fixtures/ollama-wire/', import.meta.url);
 
const example = (file: string): any => JSON.parse(readFileSync(new URL(file, WIRE), 'utf8'));
const keys = (o: object): string[] => Object.keys(o);
const MODEL = 'mistral:7b-instruct-v0.3-q4_K_M';
const STATS = ['total_duration', 'load_duration', 'prompt_eval_count', 'prompt_eval_duration', 'eval_count', 'eval_duration'];

let fake: FakeOllama;
let ollama: Ollama;
beforeEach(async () => {
  fake = await startFakeOllama();
  ollama = new Ollama({ host: fake.url });
});
afterEach(() => fake.close());

async function post(path: string, body: unknown) {
  const res = await fetch(`${fake.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
  const text = await res.text();
   
  const lines: any[] = text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return { status: res.status, type: res.headers.get('content-type'), text, lines };
}
const chat = (extra: object = {}) => ({ model: MODEL, messages: [{ role: 'user', content: 'Hello there, coach!' }], ...extra });

describe('chat wire format', () => {
  it('streams NDJSON whose lines have the example keys, in order, with integer durations', async () => {
    fake.reply({ content: 'The answer is forty-two.', chunks: 3, doneReason: null });
    const { status, type, lines } = await post('/api/chat', chat());
    expect(status).toBe(200);
    expect(type).toBe('application/x-ndjson');
    const chunk = example('chat-stream-chunk.json');
    const final = example('chat-stream-final.json');
    expect(lines).toHaveLength(4);
    for (const line of lines.slice(0, 3)) {
      expect(keys(line)).toEqual(keys(chunk));
      expect(keys(line.message)).toEqual(keys(chunk.message));
      expect(typeof line.created_at).toBe('string');
    }
    expect(lines.slice(0, 3).map((l) => l.message.content).join('')).toBe('The answer is forty-two.');
    const last = lines[3];
    expect(keys(last)).toEqual(keys(final));
    expect(keys(last.message)).toEqual(keys(final.message));
    for (const k of STATS) expect(Number.isInteger(last[k]), k).toBe(true);
    expect(last.eval_count).toBe(3);
    expect(last.prompt_eval_count).toBe(Math.ceil('Hello there, coach!'.length / 4));
    const times: string[] = lines.map((l) => l.created_at);
    for (const t of times) expect(t).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$/);
    // Go trims trailing zeros, so compare as microseconds, not as strings.
    const micros = times.map((t) => Date.parse(`${t.slice(0, 19)}Z`) * 1000 + Number((/\.(\d+)/.exec(t)?.[1] ?? '').padEnd(6, '0').slice(0, 6)));
    expect([...micros].sort((a, b) => a - b), times.join(' ')).toEqual(micros);
  });

  it('puts done_reason before done like chat-structured-output.json, and honours stats overrides', async () => {
    fake.reply({ content: '{"age": 22}', stats: { eval_count: 12 } }, { content: 'x', omitStats: true, doneReason: 'length' });
    const a = await post('/api/chat', chat({ format: { type: 'object' } }));
    expect(keys(a.lines.at(-1))).toEqual(keys(example('chat-structured-output.json')));
    expect(a.lines.at(-1)).toMatchObject({ done_reason: 'stop', done: true, eval_count: 12 });
    const b = await post('/api/chat', chat());
    expect(b.lines.at(-1)).toMatchObject({ done_reason: 'length', done: true });
    for (const k of STATS) expect(b.lines.at(-1)).not.toHaveProperty(k);
  });

  it('answers stream:false with one JSON object like chat-nonstream.json', async () => {
    fake.reply({ content: 'Hello! How are you today?', doneReason: null });
    const res = await post('/api/chat', chat({ stream: false }));
    expect(res.type).toBe('application/json; charset=utf-8');
    expect(keys(res.lines[0])).toEqual(keys(example('chat-nonstream.json')));
    expect(res.lines[0].message.content).toBe('Hello! How are you today?');
    expect(await ollama.chat(chat({ stream: false }))).toMatchObject({ message: { content: '{}' }, done_reason: 'stop' });
  });

  it('loads on empty messages and unloads with keep_alive 0', async () => {
    const load = await post('/api/chat', { model: MODEL, messages: [] });
    expect(load.lines).toEqual([expect.objectContaining({ done_reason: 'load' })]);
    expect(keys(load.lines[0])).toEqual(keys(example('chat-load.json')));
    const unload = await post('/api/chat', { model: MODEL, messages: [], keep_alive: 0 });
    expect(keys(unload.lines[0])).toEqual(keys(example('chat-unload.json')));
    expect(unload.lines[0].done_reason).toBe('unload');
  });

  it('rejects a missing model (400) and an unknown one (404, with :latest appended)', async () => {
    const missing = await post('/api/chat', { messages: [] });
    expect([missing.status, missing.type, missing.text]).toEqual([400, 'application/json; charset=utf-8', '{"error":"model is required"}']);
    const unknown = await post('/api/chat', { model: 'llama3.2', messages: [] });
    expect([unknown.status, unknown.text]).toEqual([404, JSON.stringify(example('error-model-not-found.observed.json'))]);
    // A bare name matches the :latest tag.
    expect((await post('/api/chat', { model: 'careerforge', messages: [] })).status).toBe(200);
  });
});

describe('generate wire format', () => {
  it('streams generate lines with response and a final context', async () => {
    fake.reply({ content: 'The sky is blue', doneReason: null }, { content: '{"age": 22}' });
    const s = await post('/api/generate', { model: MODEL, prompt: 'Why is the sky blue?' });
    expect(keys(s.lines[0])).toEqual(keys(example('generate-stream-chunk.json')));
    expect(keys(s.lines.at(-1))).toEqual(keys(example('generate-stream-final.json')));
    const n = await post('/api/generate', { model: MODEL, prompt: 'age?', stream: false, format: 'json' });
    expect(keys(n.lines[0])).toEqual(keys(example('generate-structured-output.json')));
    expect(n.lines[0].response).toBe('{"age": 22}');
  });
});

describe('management endpoints', () => {
  it('serves tags, ps, version and show with the example keys', async () => {
    fake.setLoaded([{ name: MODEL, size: 5_137_025_024, size_vram: 4_000_000_000 }]);
    const tags = await ollama.list();
    const tagsEx = example('tags.json').models[0];
    expect(tags.models.map((m) => m.name)).toEqual([MODEL, 'careerforge:latest']);
    expect(keys(tags.models[0]!)).toEqual(keys(tagsEx));
    expect(keys(tags.models[0]!.details)).toEqual(keys(tagsEx.details));
    expect(tags.models[0]).toMatchObject({ size: 4_372_812_000, details: { parameter_size: '7.2B', quantization_level: 'Q4_K_M' } });
    const ps = await ollama.ps();
    const psEx = example('ps-mistral.json').models[0];
    expect(keys(ps.models[0]!)).toEqual(keys(psEx));
    expect(keys(ps.models[0]!.details)).toEqual(keys(psEx.details));
    expect(ps.models[0]).toMatchObject({ size_vram: 4_000_000_000, size: 5_137_025_024 });
    expect(await ollama.version()).toEqual(example('version.json'));
    // show-llava.json5 is JSON5: take its two-space-indented (top-level) and details keys by pattern.
    const json5 = readFileSync(new URL('show-llava.json5', WIRE), 'utf8');
    const show = await ollama.show({ model: MODEL });
    expect(keys(show)).toEqual([...json5.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]));
    expect(keys(show.details)).toEqual([...json5.matchAll(/^ {4}(\w+):/gm)].map((m) => m[1]));
    // ollama-js types model_info as a Map, but on the wire (and at runtime) it is a plain object.
    expect((show.model_info as unknown as Record<string, unknown>)['general.parameter_count']).toBe(7_200_000_000);
    await expect(ollama.show({ model: 'nope' })).rejects.toMatchObject({ status_code: 404, message: "model 'nope:latest' not found" });
  });

  it('streams pull progress with rising completed, then lists the model', async () => {
    const lines = [];
    for await (const p of await ollama.pull({ model: 'qwen2.5:0.5b', stream: true })) lines.push(p);
    const allowed = new Set(['status', 'digest', 'total', 'completed']);
    for (const l of lines) for (const k of keys(l)) expect(allowed.has(k), k).toBe(true);
    const completed = lines.map((l) => l.completed).filter((c) => c !== undefined);
    expect(completed.length).toBeGreaterThanOrEqual(3);
    expect(completed).toEqual([...completed].sort((a, b) => a - b));
    expect(lines[0]).toEqual({ status: 'pulling manifest' });
    expect(lines.at(-1)).toEqual({ status: 'success' });
    expect((await ollama.list()).models.map((m) => m.name)).toContain('qwen2.5:0.5b');
  });

  it('creates and deletes models, answers /, and 404s unknown paths like Go', async () => {
    expect(await ollama.create({ model: 'coach', from: MODEL, system: 'Be kind.' })).toEqual({ status: 'success' });
    expect((await ollama.list()).models.map((m) => m.name)).toContain('coach:latest');
    await ollama.delete({ model: 'coach' });
    expect((await ollama.list()).models.map((m) => m.name)).not.toContain('coach:latest');
    await expect(ollama.delete({ model: 'coach' })).rejects.toMatchObject({ status_code: 404 });
    const root = await fetch(`${fake.url}/`, { method: 'HEAD' });
    expect([root.status, await (await fetch(fake.url)).text()]).toEqual([200, 'Ollama is running']);
    const nf = await fetch(`${fake.url}/api/nope`);
    expect([nf.status, nf.headers.get('content-type'), await nf.text()]).toEqual([404, 'text/plain', '404 page not found']);
  });

  it('fails the next request to a path once with failNext', async () => {
    fake.failNext('/api/tags', 500, 'boom');
    await expect(ollama.list()).rejects.toMatchObject({ name: 'ResponseError', status_code: 500, error: 'boom' });
    expect((await ollama.list()).models).toHaveLength(2);
  });
});

describe('faults through ollama-js', () => {
  const drain = async (extra: object = {}) => {
    let text = '';
    for await (const part of await ollama.chat({ ...chat(), ...extra, stream: true })) text += part.message.content;
    return text;
  };

  it('midstream-error throws the server message from the iterator', async () => {
    fake.reply({ fault: 'midstream-error', error: 'an error was encountered while running the model' });
    await expect(drain()).rejects.toThrow(new Error('an error was encountered while running the model'));
    const raw = await (fake.reply({ fault: 'midstream-error', content: 'abc' }), post('/api/chat', chat()));
    expect(raw.status).toBe(200);
    expect(raw.lines.at(-1)).toEqual({ error: 'an error was encountered while running the model' });
  });

  it('cut ends the stream without done, which ollama-js rejects', async () => {
    fake.reply({ fault: 'cut', content: 'repeat repeat repeat' });
    await expect(drain()).rejects.toThrow('Did not receive done or success response in stream.');
  });

  it('status faults surface as ResponseError with the status code', async () => {
    fake.reply({ fault: 'status', status: 404, error: "model 'x' not found" });
    fake.reply({ fault: 'status', status: 503, error: 'server busy, please try again.  maximum pending requests exceeded' });
    await expect(drain()).rejects.toMatchObject({ name: 'ResponseError', status_code: 404, message: "model 'x' not found" });
    await expect(ollama.chat({ ...chat(), stream: false })).rejects.toMatchObject({ status_code: 503 });
  });

  it('stall hangs until the client aborts, and close() still returns', async () => {
    const aborting = new Ollama({
      host: fake.url,
      // ollama-js only passes a signal for streams; abort every request itself after ~100 ms.
      fetch: (input, init) => {
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 100);
        return fetch(input, { ...init, signal: controller.signal });
      },
    });
    fake.reply({ fault: 'stall' }, { fault: 'stall', content: 'partial' });
    await expect(aborting.chat({ ...chat(), stream: false })).rejects.toMatchObject({ name: 'AbortError' });
    const started = Date.now();
    const streamed: string[] = [];
    const run = async () => {
      for await (const p of await aborting.chat({ ...chat(), stream: true })) streamed.push(p.message.content);
    };
    await expect(run()).rejects.toMatchObject({ name: 'AbortError' });
    expect(streamed).toEqual(['partial']);
    expect(Date.now() - started).toBeLessThan(1000);
    // A stall left open by a client that never aborts must not block close().
    fake.reply({ fault: 'stall' });
    void ollama.chat({ ...chat(), stream: false }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 20));
    await fake.close();
  });

  it('stall with afterMs resumes and finishes normally', async () => {
    fake.reply({ fault: 'stall', content: 'slow start', afterMs: 30 });
    expect(await drain()).toBe('slow start');
  });

  it('destroy gives fetch failed; a closed server gives ECONNREFUSED', async () => {
    fake.reply({ fault: 'destroy' });
    await expect(ollama.chat({ ...chat(), stream: false })).rejects.toThrow(new TypeError('fetch failed'));
    await fake.close();
    const err = await ollama.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect(err).toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNREFUSED' } });
  });
});

describe('request recording and scripting', () => {
  it('records model, messages, format and options, and uses queue, then handler, then default', async () => {
    const schema = { type: 'object', properties: { steps: { type: 'array' } } };
    fake.reply({ content: 'first' });
    fake.onChat((req, index) => ({ content: `handler ${index} ${req.body.model}` }));
    const ask = (content: string) =>
      ollama.chat({ model: MODEL, messages: [{ role: 'user', content }], format: schema, options: { num_ctx: 8192 }, stream: false });
    expect((await ask('a')).message.content).toBe('first');
    expect((await ask('b')).message.content).toBe(`handler 1 ${MODEL}`);
    await ollama.list();
    const recorded = fake.chatRequests();
    expect(recorded).toHaveLength(2);
    expect(recorded[1]!.body).toMatchObject({ model: MODEL, messages: [{ role: 'user', content: 'b' }], format: schema, options: { num_ctx: 8192 } });
    expect(recorded[0]!.headers['user-agent']).toMatch(/^ollama-js\//);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/chat', 'POST /api/chat', 'GET /api/tags']);
  });

  it('spaces chunks by chunkDelayMs', async () => {
    fake.reply({ content: 'abcdef', chunks: 3, chunkDelayMs: 25 });
    const started = Date.now();
    expect(await (async () => {
      let s = '';
      for await (const p of await ollama.generate({ model: MODEL, prompt: 'go', stream: true })) s += p.response;
      return s;
    })()).toBe('abcdef');
    expect(Date.now() - started).toBeGreaterThanOrEqual(70);
  });
});
