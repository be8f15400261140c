// --concurrency through the built CLI against the GPU-like fake (slots, rates, queue): parallel
// months and batches, results in order, a sub-topic plan before parallel batches, the idle timeout
// not firing on a request queued behind our own, and a failure aborting the other calls.
import { describe, expect, it } from 'vitest';
import { parseEnvelope, runCli } from './support/cli.js';
import { answerFor, lastPrompt, requestKind } from './support/answer-by-request.js';
import { attachGpu } from './support/fake-gpu.js';
import { useFake } from './support/spine.js';

const fake = useFake();
const ROLE = ['roadmap', '--role', 'Backend Developer'];

describe('--concurrency', () => {
  it('runs the months of an outlined plan on the server\'s slots and keeps them in order', async () => {
    const gpu = attachGpu(fake(), { slots: 4, promptRate: 50_000, genRate: 400, loadMs: 0 }, (req) => answerFor(req));
    const r = await runCli([...ROLE, '--months', '12', '--concurrency', '4', '--json'], { host: fake().host, timeoutMs: 60_000 });
    expect(r.exitCode, r.stderr).toBe(0);
    const env = parseEnvelope(r.stdout);
    expect(env.data.roadmap.map((m: { month: number }) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(env.meta).toMatchObject({ strategy: 'outline+months', calls: 13 });
    expect(gpu.peakInFlight).toBe(4);
    expect(gpu.peakActive).toBe(4);
  });

  it('with the default (1) sends one request at a time', async () => {
    const gpu = attachGpu(fake(), { slots: 4, promptRate: 50_000, genRate: 2000, loadMs: 0 }, (req) => answerFor(req));
    const r = await runCli([...ROLE, '--months', '12', '--json'], { host: fake().host, timeoutMs: 60_000 });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(gpu.peakInFlight).toBe(1);
  });

  it('takes CAREERFORGE_CONCURRENCY and rejects a bad value before any request', async () => {
    const gpu = attachGpu(fake(), { slots: 2, promptRate: 50_000, genRate: 400, loadMs: 0 }, (req) => answerFor(req));
    const ok = await runCli([...ROLE, '--months', '12', '--json'], { host: fake().host, env: { CAREERFORGE_CONCURRENCY: '2' }, timeoutMs: 60_000 });
    expect(ok.exitCode, ok.stderr).toBe(0);
    expect(gpu.peakInFlight).toBe(2);
    const bad = await runCli([...ROLE, '--concurrency', '0'], { host: fake().host });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/^careerforge: --concurrency/);
  });

  it('plans sub-topics first, then writes quiz batches in parallel, each on its own sub-topics', async () => {
    const gpu = attachGpu(fake(), { slots: 3, promptRate: 50_000, genRate: 1000, loadMs: 0 }, (req) => answerFor(req));
    const r = await runCli(['quiz', '--topic', 'SQL', '--count', '30', '--concurrency', '3', '--json'], { host: fake().host, timeoutMs: 60_000 });
    expect(r.exitCode, r.stderr).toBe(0);
    const env = parseEnvelope(r.stdout);
    expect(env.data.questions.map((q: { id: string }) => q.id)).toEqual(Array.from({ length: 30 }, (_, i) => `q${i + 1}`));
    expect(env.meta.calls).toBe(4);
    const chats = fake().chatRequests();
    expect(requestKind(chats[0]!)).toBe('subtopics');
    const batches = chats.slice(1).map(lastPrompt);
    // Each batch prompt carries its own ten sub-topics and none of another batch's.
    const mine = batches.map((p) => [...p.matchAll(/Sub-topic (\d+) of 30/g)].map((m) => Number(m[1])));
    expect(mine.map((list) => list.length)).toEqual([10, 10, 10]);
    expect(new Set(mine.flat()).size).toBe(30);
    expect(gpu.peakInFlight).toBe(3);
  });

  it('splits a quiz so every slot gets a batch: 30 questions on 4 slots are 8, 8, 7 and 7', async () => {
    const gpu = attachGpu(fake(), { slots: 4, promptRate: 50_000, genRate: 1000, loadMs: 0 }, (req) => answerFor(req));
    const r = await runCli(['quiz', '--topic', 'SQL', '--count', '30', '--concurrency', '4', '--json'], { host: fake().host, timeoutMs: 60_000 });
    expect(r.exitCode, r.stderr).toBe(0);
    const sizes = fake().chatRequests().slice(1).map((req) => req.body.format.properties.questions.minItems);
    expect(sizes).toEqual([8, 8, 7, 7]);
    expect(parseEnvelope(r.stdout).data.questions).toHaveLength(30);
    expect(gpu.peakInFlight).toBe(4);
  });

  it('does not time out a request that waits in the server\'s queue behind our own', async () => {
    // One slot, four requests at once, each ~0.6 s of generation: the last waits ~1.8 s for a
    // slot with no byte, longer than --timeout 1, while the others keep streaming.
    const gpu = attachGpu(fake(), { slots: 1, promptRate: 50_000, genRate: 800, loadMs: 0 }, (req) => answerFor(req, { wordy: true }));
    const started = Date.now();
    const r = await runCli([...ROLE, '--months', '12', '--concurrency', '4', '--timeout', '1', '--json'], { host: fake().host, timeoutMs: 60_000 });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(gpu.peakInFlight).toBe(4);
    // Each month streams for well over a quarter of a second, so the fourth in the queue waited
    // more than --timeout for its first byte.
    expect((Date.now() - started) / 13).toBeGreaterThan(250);
    expect(parseEnvelope(r.stdout).data.roadmap).toHaveLength(12);
  });

  it('still times out when nothing of ours receives a byte', async () => {
    fake().onChat((req) => (requestKind(req) === 'outline' ? { content: answerFor(req) } : { fault: 'stall' }));
    const r = await runCli([...ROLE, '--months', '12', '--concurrency', '4', '--timeout', '1', '--json'], { host: fake().host, timeoutMs: 30_000 });
    expect(r.exitCode).toBe(1);
    expect(parseEnvelope(r.stdout).error!.code).toBe('TIMEOUT');
  });

  it('aborts the other months when one fails, and saves nothing', async () => {
    const started: number[] = [];
    fake().onChat(async (req) => {
      if (requestKind(req) === 'outline') return { content: answerFor(req) };
      started.push(started.length);
      if (started.length === 2) return { fault: 'status', status: 400, error: 'invalid grammar' };
      return { fault: 'stall' };
    });
    const before = Date.now();
    const r = await runCli([...ROLE, '--months', '12', '--concurrency', '3', '--json'], { host: fake().host, timeoutMs: 30_000 });
    expect(r.exitCode).toBe(1);
    expect(parseEnvelope(r.stdout).error!.code).toBe('OLLAMA_ERROR');
    expect(Date.now() - before).toBeLessThan(20_000); // far below the 300 s idle timeout the stalled months would otherwise wait for
    // Three started at once; after the failure no further month was asked for.
    expect(fake().chatRequests()).toHaveLength(4);
  });
});
