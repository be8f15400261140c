// A GPU-like timing model behind the fake Ollama: N slots (OLLAMA_NUM_PARALLEL), a prompt rate and
// a generation rate, a per-sequence rate that drops as more slots generate at once (the aggregate
// still grows, sub-linearly, as on a real GPU), a per-slot KV cache of the last prompt (only the
// tokens after the longest common prefix are evaluated, llama.cpp picks the idle slot that shares
// the most), one prompt evaluation at a time, and a model load before the first request.
// Requests beyond the slots wait in a queue with no byte sent, as Ollama's do.
import type { ChatReply, FakeOllama, RecordedRequest } from './fake-ollama.js';

export interface GpuOptions {
  slots: number;
  /** Prompt tokens evaluated per second (one evaluation at a time). */
  promptRate: number;
  /** Tokens per second of one sequence generating alone. */
  genRate: number;
  /** Aggregate tokens/s with `n` sequences generating; default genRate * n^0.8. */
  aggregate?: (n: number) => number;
  /** Load time before the first request is served. */
  loadMs: number;
  /** Characters per token, for prompts and answers alike. */
  charsPerToken?: number;
}

export interface GpuCounters {
  calls: number;
  promptSent: number;
  promptEvaluated: number;
  generated: number;
  /** Most requests generating at once. */
  peakActive: number;
  /** Most requests in flight at once (generating, evaluating or queued). */
  peakInFlight: number;
  /** Distinct prompt tokens over all calls: the size of the prefix tree of every prompt. */
  uniquePrompt(): number;
  /**
   * Where the client's time goes (epoch ms, so another process can compare): when the first
   * request arrived, when the last one ended, and how long nothing was in flight in between
   * (time the GPU waited for the client: its work between calls).
   */
  firstArrival: number;
  lastDone: number;
  idleBetweenMs: number;
  reset(): void;
}

interface Sequence {
  remaining: number;
  due: number;
  wake?: () => void;
}

export function defaultAggregate(genRate: number): (n: number) => number {
  return (n) => genRate * Math.max(1, n) ** 0.8;
}

/** Split text into the model's "tokens": fixed-size character runs. */
export function tokenize(text: string, charsPerToken = 4): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += charsPerToken) out.push(text.slice(i, i + charsPerToken));
  return out;
}

/** The prompt as the model reads it: every message in order, with its role. */
export function promptText(req: RecordedRequest): string {
  const messages = (req.body?.messages ?? []) as Array<{ role?: string; content?: string }>;
  return messages.map((m) => `<${m.role ?? ''}>${m.content ?? ''}`).join('\n');
}

function commonPrefix(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

export function attachGpu(fake: FakeOllama, opts: GpuOptions, answer: (req: RecordedRequest, index: number) => string): GpuCounters {
  const cpt = opts.charsPerToken ?? 4;
  const aggregate = opts.aggregate ?? defaultAggregate(opts.genRate);
  const slots: Array<{ busy: boolean; cache: string[]; usedAt: number }> = Array.from({ length: opts.slots }, () => ({ busy: false, cache: [], usedAt: 0 }));
  const waiting: Array<{ tokens: string[]; grant: (slot: number) => void }> = [];
  const active = new Set<Sequence>();
  let loading: Promise<void> | undefined;
  let promptChain: Promise<void> = Promise.resolve();
  let ticker: NodeJS.Timeout | undefined;
  let last = 0;
  let inFlight = 0;
  let trie = new Map<string, unknown>();
  let uniqueCount = 0;
  const counters: GpuCounters = {
    calls: 0, promptSent: 0, promptEvaluated: 0, generated: 0, peakActive: 0, peakInFlight: 0,
    firstArrival: 0, lastDone: 0, idleBetweenMs: 0,
    uniquePrompt: () => uniqueCount,
    reset() {
      Object.assign(counters, { calls: 0, promptSent: 0, promptEvaluated: 0, generated: 0, peakActive: 0, peakInFlight: 0, firstArrival: 0, lastDone: 0, idleBetweenMs: 0 });
      trie = new Map();
      uniqueCount = 0;
    },
  };
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

  const addToTrie = (tokens: string[]) => {
    let node = trie;
    for (const t of tokens) {
      let child = node.get(t) as Map<string, unknown> | undefined;
      if (!child) {
        child = new Map();
        node.set(t, child);
        uniqueCount++;
      }
      node = child;
    }
  };

  // Advances every generating sequence by the time passed, at the per-sequence share of the
  // aggregate rate for the number generating now.
  const tick = () => {
    const now = performance.now();
    const dt = (now - last) / 1000;
    last = now;
    if (active.size === 0) return;
    const perSeq = aggregate(active.size) / active.size;
    for (const seq of active) {
      seq.due += dt * perSeq;
      if (seq.due >= 1) seq.wake?.();
    }
  };
  const startTicker = () => {
    if (ticker) return;
    last = performance.now();
    ticker = setInterval(tick, 4);
  };
  const stopTickerIfIdle = () => {
    if (active.size === 0 && ticker) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };

  const pickSlot = (tokens: string[]): number | undefined => {
    let best: number | undefined;
    let bestShared = -1;
    slots.forEach((slot, i) => {
      if (slot.busy) return;
      const shared = commonPrefix(slot.cache, tokens);
      if (shared > bestShared || (shared === bestShared && best !== undefined && slot.usedAt < slots[best]!.usedAt)) {
        best = i;
        bestShared = shared;
      }
    });
    return best;
  };
  const acquire = (tokens: string[]) =>
    new Promise<number>((resolve) => {
      const free = pickSlot(tokens);
      if (free !== undefined && waiting.length === 0) {
        slots[free]!.busy = true;
        return resolve(free);
      }
      waiting.push({ tokens, grant: resolve });
    });
  const release = (i: number) => {
    slots[i]!.busy = false;
    slots[i]!.usedAt = performance.now();
    const next = waiting.shift();
    if (next) {
      const slot = pickSlot(next.tokens)!;
      slots[slot]!.busy = true;
      next.grant(slot);
    }
  };

  fake.onChat(async (req, index): Promise<ChatReply> => {
    const tokens = tokenize(promptText(req), cpt);
    counters.calls++;
    counters.promptSent += tokens.length;
    addToTrie(tokens);
    const now = Date.now();
    if (!counters.firstArrival) counters.firstArrival = now;
    else if (inFlight === 0) counters.idleBetweenMs += now - counters.lastDone;
    inFlight++;
    counters.peakInFlight = Math.max(counters.peakInFlight, inFlight);
    const slot = await acquire(tokens);
    let loadMs = 0;
    if (!loading) {
      loading = sleep(opts.loadMs);
      loadMs = opts.loadMs;
    }
    await loading;
    // One prompt evaluation at a time: the GPU is busy with it.
    const cached = commonPrefix(slots[slot]!.cache, tokens);
    const evaluate = tokens.length - cached;
    const evalStart = performance.now();
    const turn = promptChain.then(() => sleep((evaluate / opts.promptRate) * 1000));
    promptChain = turn;
    await turn;
    const promptMs = performance.now() - evalStart;
    slots[slot]!.cache = tokens;
    counters.promptEvaluated += evaluate;
    const pieces = tokenize(answer(req, index), cpt);
    const genStart = performance.now();
    let sent = 0;
    async function* paced(): AsyncGenerator<string> {
      const seq: Sequence = { remaining: pieces.length, due: 0 };
      active.add(seq);
      counters.peakActive = Math.max(counters.peakActive, active.size);
      startTicker();
      try {
        while (sent < pieces.length) {
          if (seq.due < 1) await new Promise<void>((resolve) => (seq.wake = resolve));
          seq.wake = undefined;
          const n = Math.min(Math.floor(seq.due), pieces.length - sent);
          seq.due -= n;
          const piece = pieces.slice(sent, sent + n).join('');
          sent += n;
          counters.generated += n;
          yield piece;
        }
      } finally {
        active.delete(seq);
        stopTickerIfIdle();
        inFlight--;
        counters.lastDone = Date.now();
        release(slot);
      }
    }
    return {
      paced: {
        pieces: paced(),
        stats: () => ({
          load_duration: Math.round(loadMs * 1e6),
          prompt_eval_count: evaluate,
          prompt_eval_duration: Math.round(promptMs * 1e6),
          eval_count: sent,
          eval_duration: Math.round((performance.now() - genStart) * 1e6),
        }),
      },
    };
  });
  return counters;
}
