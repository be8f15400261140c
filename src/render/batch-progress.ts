// The batch progress bar on stderr: done, failed, in flight, tokens/s and ETA. On a terminal one
// line redrawn in place (a few times a second); piped, a plain line at every tenth of the way, so
// a CI log shows progress without a wall of carriage returns.
import type { BatchCounters } from '../core/batch/runner.js';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function progressLine(c: BatchCounters, now: number, width = 24, ascii = false): string {
  const todo = c.total - c.skipped;
  const finished = c.done + c.failed;
  const elapsed = (now - c.startedAt) / 1000;
  const rate = elapsed > 0 ? finished / elapsed : 0;
  const eta = rate > 0 ? (todo - finished) / rate : Number.NaN;
  const filled = todo > 0 ? Math.round((finished / todo) * width) : width;
  const [full, empty] = ascii ? ['#', '-'] : ['█', '░'];
  const bar = full.repeat(filled) + empty.repeat(Math.max(0, width - filled));
  const tps = elapsed > 0 ? Math.round(c.tokens / elapsed) : 0;
  return `${bar} ${finished}/${todo} · ${c.failed} failed · ${c.inFlight} in flight · ${tps} tok/s · ETA ${clock(eta)}`;
}

export function startBatchProgress(stream: ProgressStream, counters: BatchCounters, opts: { ascii?: boolean } = {}): { stop(): void } {
  const todo = counters.total - counters.skipped;
  if (stream.isTTY) {
    const paint = () => {
      const line = progressLine(counters, Date.now(), 24, opts.ascii);
      const cols = stream.columns && stream.columns > 0 ? stream.columns - 1 : line.length;
      stream.write(`\r\x1b[2K${line.slice(0, cols)}`);
    };
    paint();
    const timer = setInterval(paint, 250);
    return {
      stop() {
        clearInterval(timer);
        paint();
        stream.write('\n');
      },
    };
  }
  let nextTenth = 1;
  const tick = () => {
    const finished = counters.done + counters.failed;
    if (todo === 0 || finished < (todo * nextTenth) / 10) return;
    while (finished >= (todo * nextTenth) / 10) nextTenth++;
    stream.write(`${progressLine(counters, Date.now(), 20, true)}\n`);
  };
  const timer = setInterval(tick, 200);
  // The last tenth is written on stop too: a short batch may end between two ticks.
  return { stop: () => (clearInterval(timer), tick()) };
}
