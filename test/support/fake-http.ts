// What the fake servers (fake-ollama.ts, fake-openai.ts) share below their wire formats: reading
// and recording a request, listening on a free loopback port, and an idempotent close.
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TimerSet } from './fake-ollama-replies.js';
import type { RecordedRequest } from './fake-ollama.js';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** The request as tests see it (body parsed when it is JSON, else the raw text), and its raw body. */
export async function recordRequest(req: IncomingMessage): Promise<{ rec: RecordedRequest; raw: string }> {
  const raw = await readBody(req);
  const rec: RecordedRequest = {
    method: req.method ?? 'GET',
    path: new URL(req.url ?? '/', 'http://x').pathname,
    body: parseBody(raw),
    headers: { ...req.headers },
    at: Date.now(),
  };
  return { rec, raw };
}

/** Listen on 127.0.0.1 at a free port; resolves to the port. */
export async function listenOnLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** close() for a fake: idempotent, so a test may close early (to provoke ECONNREFUSED) and again in afterEach. */
export function closer(server: Server, timers: TimerSet): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () =>
    (closing ??= new Promise<void>((resolve, reject) => {
      timers.clear();
      server.close((err) => (err ? reject(err) : resolve()));
      // Stalled streams and keep-alive sockets would otherwise hold close() open forever.
      server.closeAllConnections();
    }));
}
