// generateStructured in-process against the fake server: the events front ends consume, stats
// summed over attempts, the repair and "be concise" turns, and cancellation.
import { describe, expect, it } from 'vitest';
import { createOllama } from '../../src/core/llm/client.js';
import { InterruptedError } from '../../src/core/errors.js';
import { drive, type GenEvent } from '../../src/core/events.js';
import { generateStructured } from '../../src/core/llm/generate.js';
import { renderPrompt } from '../../src/core/llm/prompts.js';
import { resolveSettings } from '../../src/core/config/settings.js';
import * as z from '../../src/core/zod.js';
import { jsonReply } from '../support/fixtures.js';
import { useFake, waitFor } from '../support/spine.js';

const fake = useFake();
const schema = z.object({ answer: z.string(), n: z.int() });

function run(opts: { retries?: number; signal?: AbortSignal } = {}) {
  const settings = resolveSettings({ host: fake().url, retries: opts.retries ?? 2 }, {}, {});
  const handle = createOllama(settings, opts.signal ?? new AbortController().signal);
  const events: GenEvent[] = [];
  const gen = generateStructured(handle, {
    task: 'demo',
    schema,
    system: 'sys',
    prompt: 'give me JSON',
    numPredict: 128,
    check: (v) => (v.n > 0 ? [] : [`n is ${v.n} but must be positive`]),
  });
  return { events, result: drive(gen, (e) => events.push(e)) };
}

describe('generateStructured', () => {
  it('streams token events and returns the value with the server stats', async () => {
    fake().reply(jsonReply({ answer: 'hi', n: 1 }, { chunks: 4, stats: { prompt_eval_count: 30, eval_count: 4, eval_duration: 2e9 } }));
    const { events, result } = run();
    const { value, attempts, stats } = await result;
    expect(value).toEqual({ answer: 'hi', n: 1 });
    expect(attempts).toBe(1);
    expect(stats).toMatchObject({ prompt_tokens: 30, completion_tokens: 4, eval_duration_ns: 2e9 });
    expect(events.map((e) => e.type)).toEqual(['started', 'tokens', 'tokens', 'tokens', 'tokens', 'call-done']);
    expect(events[0]).toEqual({ type: 'started', task: 'demo', attempt: 1, maxAttempts: 3, model: 'mistral:7b-instruct-v0.3-q4_K_M' });
  });

  it('counts the tokens of failed attempts too, and sends the repair turn', async () => {
    fake().reply(
      jsonReply({ answer: 'hi', n: 0 }, { stats: { prompt_eval_count: 10, eval_count: 5 } }),
      jsonReply({ answer: 'hi', n: 2 }, { stats: { prompt_eval_count: 20, eval_count: 6 } }),
    );
    const { events, result } = run();
    const { attempts, stats } = await result;
    expect(attempts).toBe(2);
    expect(stats.prompt_tokens + stats.completion_tokens).toBe(41);
    const failed = events.find((e) => e.type === 'attempt-failed');
    expect(failed).toMatchObject({ attempt: 1, code: 'INVALID_OUTPUT', problems: ['n is 0 but must be positive'] });
    const repair = fake().chatRequests()[1]!.body.messages;
    expect(repair[2]).toEqual({ role: 'assistant', content: JSON.stringify({ answer: 'hi', n: 0 }) });
    expect(repair[3]).toEqual({ role: 'user', content: renderPrompt('repair', { problems: '- n is 0 but must be positive' }) });
  });

  it('asks again, more concisely, after a truncated answer', async () => {
    fake().reply({ content: '{"answer": "lo', doneReason: 'length' }, jsonReply({ answer: 'ok', n: 1 }));
    const { result } = run();
    expect((await result).attempts).toBe(2);
    const [first, second] = fake().chatRequests();
    expect(second!.body.messages).toHaveLength(2);
    expect(second!.body.messages[1].content).toBe(`${first!.body.messages[1].content}\n\n${renderPrompt('concise', {})}`);
  });

  it('stops at once on abort, without retrying', async () => {
    fake().onChat(() => ({ fault: 'stall' }));
    const controller = new AbortController();
    const { result } = run({ signal: controller.signal });
    const outcome = result.catch((error: unknown) => error);
    await waitFor(() => fake().chatRequests().length === 1);
    controller.abort();
    expect(await outcome).toBeInstanceOf(InterruptedError);
    expect(fake().chatRequests()).toHaveLength(1);
  });
});
