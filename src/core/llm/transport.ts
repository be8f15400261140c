// The fetch handed to ollama-js. ollama-js has no per-request signal (its non-streaming calls pass
// none at all), so every request goes through here: it follows the command's AbortSignal (Ctrl-C)
// and aborts when the server sends no byte for `idleMs` (--timeout), headers and body alike.
// "No byte" counts every request of the command (a pool runs several): a request waiting in the
// server's queue (OLLAMA_NUM_PARALLEL below our --concurrency) gets nothing until a slot frees, but
// the server is alive as long as our other requests keep receiving bytes.
import { httpFetch } from './http-fetch.js';

export class IdleTimeout extends Error {
  override name = 'IdleTimeout';
  constructor(readonly idleMs: number) {
    super(`no byte from the server for ${idleMs / 1000}s`);
  }
}

export interface TransportState {
  /** Set once the idle timer fired, so callers can tell a timeout from a Ctrl-C. */
  timedOut: boolean;
  /** When any request of this command last received a byte (Date.now()). */
  lastActivity: number;
}

export function createTransport(signal: AbortSignal, idleMs: number, state: TransportState): typeof fetch {
  const transport = (input: string | URL | Request, init: RequestInit = {}) => {
    const controller = new AbortController();
    const sources = [signal, init.signal].filter((s): s is AbortSignal => !!s);
    // Listeners come off the long-lived command signal once the request is over, so a command that
    // makes many calls (bench) neither leaks them nor trips Node's MaxListeners warning.
    const listeners = sources.map((source) => [source, () => controller.abort(source.reason)] as const);
    for (const [source, listener] of listeners) {
      if (source.aborted) controller.abort(source.reason);
      else source.addEventListener('abort', listener, { once: true });
    }
    let timer: NodeJS.Timeout | undefined;
    let ownLast = Date.now();
    let settled = false;
    const schedule = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(check, ms);
      // Never keep the process alive just for the watchdog.
      timer.unref();
    };
    const check = () => {
      const quiet = Date.now() - Math.max(ownLast, state.lastActivity);
      if (quiet < idleMs) return schedule(idleMs - quiet);
      state.timedOut = true;
      controller.abort(new IdleTimeout(idleMs));
    };
    const arm = () => {
      ownLast = Date.now();
      state.lastActivity = ownLast;
      schedule(idleMs);
    };
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      listeners.forEach(([source, listener]) => source.removeEventListener('abort', listener));
    };
    schedule(idleMs);
    // ollama-js passes a string; `instanceof Request` is avoided because touching the global
    // Request would load undici, which is what this transport exists to avoid.
    const url = typeof input === 'object' && 'url' in input ? input.url : String(input);
    return httpFetch(url, init, controller.signal, { onActivity: arm, onSettled: settle });
  };
  // ollama-js reads only the part of Response that httpFetch provides (see http-fetch.ts).
  return transport as unknown as typeof fetch;
}
