// Helpers shared by the spine's end-to-end tests (roadmap, health, config): a fake server per
// test, scripted answers chosen by what the request asked for, and assertions on the CLI contract.
import net from 'node:net';
import { afterEach, beforeEach, expect } from 'vitest';
import { parseEnvelope, type CliResult } from './cli.js';
import { startFakeOllama, type ChatReply, type FakeOllama, type FakeOllamaOptions, type RecordedRequest } from './fake-ollama.js';
import { jsonReply, makeMonth, makeOutline, makeRoadmap } from './fixtures.js';

export const DEFAULT_MODEL = 'mistral:7b-instruct-v0.3-q4_K_M';
export const ENVELOPE_SUCCESS_KEYS = ['success', 'data', 'meta'];
export const ENVELOPE_ERROR_KEYS = ['success', 'error', 'meta'];

/** A fresh fake Ollama for every test of the file; read it through the returned getter. */
export function useFake(opts: FakeOllamaOptions = {}): () => FakeOllama {
  let fake: FakeOllama | undefined;
  beforeEach(async () => {
    fake = await startFakeOllama(opts);
  });
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });
  return () => {
    if (!fake) throw new Error('useFake: no fake server outside a test');
    return fake;
  };
}

/** Which of the roadmap generator's schemas a chat request carried in `format`. */
export function formatKind(req: RecordedRequest): 'outline' | 'month' | 'roadmap' | 'other' {
  const props = (req.body?.format?.properties ?? {}) as Record<string, unknown>;
  if ('months' in props) return 'outline';
  if ('weeks' in props) return 'month';
  if ('roadmap' in props) return 'roadmap';
  return 'other';
}

/** The month number a month request asks for: the constant its format pins, else its prompt ("month N of M"). */
export function askedMonth(req: RecordedRequest): number {
  const pinned = req.body?.format?.properties?.month?.const;
  if (typeof pinned === 'number') return pinned;
  const text = String(req.body.messages.at(-1)?.content ?? '');
  const match = /month (\d+)/i.exec(text.replace(/<user_data[\s\S]*?<\/user_data>/g, ''));
  if (!match) throw new Error(`cannot tell which month was asked for:\n${text}`);
  return Number(match[1]);
}

/** Answer every request with a valid reply for whatever schema it asked for. */
export function answerByFormat(fake: FakeOllama, months: number, hoursPerWeek = 10, extra: Partial<ChatReply> = {}): void {
  fake.onChat((req) => {
    switch (formatKind(req)) {
      case 'outline':
        return { ...jsonReply(makeOutline(months)), ...extra } as ChatReply;
      case 'month':
        return { ...jsonReply(makeMonth(askedMonth(req), hoursPerWeek)), ...extra } as ChatReply;
      case 'roadmap':
        return { ...jsonReply(makeRoadmap(months, hoursPerWeek)), ...extra } as ChatReply;
      default:
        return jsonReply({ ok: true, word: 'ready' });
    }
  });
}

/** The user-visible contract of a failure: exit code, one stderr line, and (under --json) the envelope. */
export function expectFailure(result: CliResult, exitCode: number, code: string, json = true): { message: string; stderrLine: string } {
  expect(result.exitCode, result.stderr).toBe(exitCode);
  const lines = result.stderr.trimEnd().split('\n');
  const stderrLine = lines.at(-1) ?? '';
  expect(stderrLine).toMatch(/^careerforge: /);
  if (!json) {
    expect(result.stdout).toBe('');
    return { message: stderrLine.replace(/^careerforge: /, ''), stderrLine };
  }
  const env = parseEnvelope(result.stdout);
  expect(Object.keys(env).filter((k) => k !== 'data')).toEqual(ENVELOPE_ERROR_KEYS);
  expect(env.success).toBe(false);
  expect(Object.keys(env.error!)).toEqual(['code', 'message']);
  expect(env.error!.code).toBe(code);
  expect(stderrLine).toBe(`careerforge: ${env.error!.message}`);
  return { message: env.error!.message, stderrLine };
}

/** Bad input: exit 2, exactly one stderr line naming the field, nothing sent to the server. */
export function expectBadInput(result: CliResult, fake: FakeOllama, field: string | RegExp): string {
  expect(result.exitCode, result.stderr).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^careerforge: /);
  if (typeof field === 'string') expect(lines[0]).toContain(field);
  else expect(lines[0]).toMatch(field);
  expect(fake.requests, 'no request may reach the server on bad input').toHaveLength(0);
  return lines[0]!;
}

/** A local port with nothing listening on it (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('waitFor: condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
