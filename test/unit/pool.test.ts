import { describe, expect, it } from 'vitest';
import { InOrder, mapPool, poolEvents, runPool, type PoolJob } from '../../src/core/llm/pool.js';

const tick = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(new Error('aborted'))), { once: true });
  });

/** A job that yields `start`, waits `ms`, yields `end`, and returns `value`; it records what ran. */
function job(log: string[], name: string, ms: number, value = name): PoolJob<string, string> {
  return async function* (signal) {
    log.push(`start ${name}`);
    yield `${name}:start`;
    try {
      await tick(ms, signal);
    } catch (error) {
      log.push(`aborted ${name}`);
      throw error;
    }
    yield `${name}:end`;
    log.push(`end ${name}`);
    return value;
  };
}

async function collect<E, R>(gen: AsyncGenerator<E, R>): Promise<{ events: E[]; result: R }> {
  const events: E[] = [];
  for (;;) {
    const step = await gen.next();
    if (step.done) return { events, result: step.value };
    events.push(step.value);
  }
}

describe('runPool', () => {
  it('returns results in job order when jobs finish out of order, running at most `concurrency` at once', async () => {
    const log: string[] = [];
    let running = 0;
    let peak = 0;
    const jobs = [40, 10, 30, 5, 20].map((ms, i): PoolJob<string, number> => async function* (signal) {
      running++;
      peak = Math.max(peak, running);
      yield `job ${i}`;
      await tick(ms, signal);
      running--;
      log.push(`done ${i}`);
      return i * 10;
    });
    const { events, result } = await collect(runPool(jobs, { concurrency: 2 }));
    expect(result).toEqual([0, 10, 20, 30, 40]);
    expect(peak).toBe(2);
    // Job 1 (10 ms) finishes before job 0 (40 ms): completion order is not job order.
    expect(log.indexOf('done 1')).toBeLessThan(log.indexOf('done 0'));
    const results = events.filter((e) => e.type === 'result');
    expect(results.map((e) => e.index).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(results[0]).toEqual({ type: 'result', index: 1, value: 10 });
    expect(events.filter((e) => e.type === 'event').map((e) => e.index).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('with concurrency 1 runs the jobs one after the other', async () => {
    const log: string[] = [];
    const { result } = await collect(runPool([job(log, 'a', 10), job(log, 'b', 1), job(log, 'c', 5)], { concurrency: 1 }));
    expect(result).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('aborts the running jobs on the first failure, starts no more, and throws that failure', async () => {
    const log: string[] = [];
    const failing: PoolJob<string, string> = async function* () {
      yield 'x';
      await tick(15);
      throw new Error('month 2 failed');
    };
    const gen = runPool([job(log, 'a', 200), failing, job(log, 'c', 200), job(log, 'd', 1)], { concurrency: 3 });
    const started = Date.now();
    await expect(collect(gen)).rejects.toThrow('month 2 failed');
    expect(Date.now() - started).toBeLessThan(150);
    expect(log).toEqual(['start a', 'start c', 'aborted a', 'aborted c']);
  });

  it('aborts everything when the parent signal aborts (Ctrl-C) and throws the jobs\' interruption', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const jobs = [job(log, 'a', 1000), job(log, 'b', 1000), job(log, 'c', 1000)];
    await expect(collect(runPool(jobs, { concurrency: 2, signal: controller.signal }))).rejects.toThrow('aborted');
    expect(log).toEqual(['start a', 'start b', 'aborted a', 'aborted b']);
  });

  it('starts nothing when the parent signal is already aborted', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    controller.abort(new Error('interrupted before start'));
    await expect(collect(runPool([job(log, 'a', 5)], { concurrency: 2, signal: controller.signal }))).rejects.toThrow('interrupted before start');
    expect(log).toEqual([]);
  });

  it('aborts and waits for running jobs when its consumer stops early', async () => {
    const log: string[] = [];
    const gen = runPool([job(log, 'a', 1000), job(log, 'b', 1000)], { concurrency: 2 });
    await gen.next();
    await gen.return([]);
    expect(log.sort()).toEqual(['aborted a', 'aborted b', 'start a', 'start b']);
  });

  it('returns an empty list for no jobs', async () => {
    expect((await collect(runPool([], { concurrency: 4 }))).result).toEqual([]);
  });
});

describe('poolEvents', () => {
  it('passes events through and yields what onResult makes of each result', async () => {
    const log: string[] = [];
    const { events, result } = await collect(poolEvents([job(log, 'a', 20), job(log, 'b', 5)], { concurrency: 2 }, (i, v) => `result ${i}=${v}`));
    expect(result).toEqual(['a', 'b']);
    expect(events).toContain('a:start');
    expect(events).toContain('b:end');
    expect(events.indexOf('result 1=b')).toBeLessThan(events.indexOf('result 0=a'));
    expect(events.indexOf('b:end')).toBeLessThan(events.indexOf('result 1=b'));
  });
});

describe('mapPool', () => {
  it('maps items in order and reports each result as it arrives', async () => {
    const seen: number[] = [];
    const out = await mapPool([30, 5, 15], async (ms, i, signal) => (await tick(ms, signal), `item ${i}`), {
      concurrency: 3,
      onResult: (i) => void seen.push(i),
    });
    expect(out).toEqual(['item 0', 'item 1', 'item 2']);
    expect(seen).toEqual([1, 2, 0]);
  });

  it('rejects with the first failure and aborts the other workers', async () => {
    const aborted: number[] = [];
    const worker = async (ms: number, i: number, signal: AbortSignal) => {
      if (ms === 0) throw new Error(`item ${i} is bad`);
      await tick(ms, signal).catch((e: unknown) => (aborted.push(i), Promise.reject(e)));
      return i;
    };
    await expect(mapPool([500, 0, 500], worker, { concurrency: 3 })).rejects.toThrow('item 1 is bad');
    expect(aborted.sort()).toEqual([0, 2]);
  });
});

describe('InOrder', () => {
  it('releases each item once it and every item before it arrived', () => {
    const out: string[] = [];
    const order = new InOrder<string>((item, i) => out.push(`${i}:${item}`));
    order.push(2, 'c');
    order.push(1, 'b');
    expect(out).toEqual([]);
    order.push(0, 'a');
    expect(out).toEqual(['0:a', '1:b', '2:c']);
    order.push(3, 'd');
    expect(out).toEqual(['0:a', '1:b', '2:c', '3:d']);
    expect(order.released).toBe(4);
  });
});
