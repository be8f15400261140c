// `npm run test:live`: the spine against a real Ollama at OLLAMA_HOST (default 127.0.0.1:11434),
// with the model from CAREERFORGE_MODEL or the default. When nothing answers, the suite is
// skipped and says so, so the command is safe to run anywhere.
import { describe, expect, it } from 'vitest';
import { parseOllamaHost } from '../../src/core/llm/host.js';
import { parseEnvelope, readStore, runCli, tempHome } from '../support/cli.js';

const host = parseOllamaHost(process.env.OLLAMA_HOST ?? '');
const version = await probe(host);
if (!version) console.log(`live tests skipped: no Ollama answered GET ${host}/api/version within 2 s (start \`ollama serve\` or set OLLAMA_HOST)`);

async function probe(url: string): Promise<string | undefined> {
  try {
    const res = await fetch(`${url}/api/version`, { signal: AbortSignal.timeout(2000) });
    if (!res.ok) return undefined;
    return ((await res.json()) as { version?: string }).version ?? 'unknown';
  } catch {
    return undefined;
  }
}

// A cold 7B load on a laptop can take minutes; the CLI's own --timeout covers each call.
const live = { host, timeoutMs: 580_000, env: { CAREERFORGE_MODEL: process.env.CAREERFORGE_MODEL } };

describe.skipIf(!version)(`live Ollama ${version ?? ''} at ${host}`, () => {
  it('health --json passes every check', async () => {
    const r = await runCli(['health', '--json'], live);
    const env = parseEnvelope(r.stdout);
    expect(r.exitCode, `${r.stderr}\n${JSON.stringify(env.data?.checks, null, 1)}`).toBe(0);
    expect(Object.keys(env)).toEqual(['success', 'data', 'meta']);
    expect(env.data.checks.map((c: { name: string; status: string }) => [c.name, c.status])).toEqual([
      ['server', 'pass'], ['model', 'pass'], ['round_trip', 'pass'], ['loaded', 'pass'],
    ]);
    expect(env.data.version).toBe(version);
    expect(env.meta.tokens_used).toBeGreaterThan(0);
  });

  it('roadmap --months 1 --json returns and saves a valid plan', async () => {
    const home = tempHome();
    const r = await runCli(['roadmap', '--role', 'Backend Developer', '--months', '1', '--hours-per-week', '8', '--json'], { ...live, home });
    expect(r.exitCode, r.stderr).toBe(0);
    const env = parseEnvelope(r.stdout);
    expect(Object.keys(env)).toEqual(['success', 'data', 'meta']);
    expect(Object.keys(env.data)).toEqual(['career_role', 'overview', 'timeline', 'roadmap', 'final_outcome', 'resources']);
    expect(Object.keys(env.data.resources)).toEqual(['official_docs', 'courses', 'youtube_channels']);
    expect(env.data.roadmap).toHaveLength(1);
    expect(env.data.roadmap[0].month).toBe(1);
    for (const week of env.data.roadmap[0].weeks) expect(week.hours).toBeLessThanOrEqual(8);
    const { meta } = env;
    expect(meta.model).toBe(process.env.CAREERFORGE_MODEL || 'mistral:7b-instruct-v0.3-q4_K_M');
    expect(meta.tokens_used).toBe(meta.prompt_tokens + meta.completion_tokens);
    expect(meta.tokens_used).toBeGreaterThan(0);
    expect(meta.tokens_per_sec).toBeGreaterThan(0);
    expect(meta.attempts).toBeGreaterThanOrEqual(1);
    expect(readStore(home).roadmaps[meta.id].roadmap).toEqual(env.data);
  });

  // The long-plan path on a real model: an outline, then one call per month. Its attempts and
  // latency (printed) are the numbers to compare with a single call when a GPU is at hand.
  it('roadmap --months 12 --json comes out whole', async () => {
    const r = await runCli(['roadmap', '--role', 'Data Engineer', '--months', '12', '--json'], live);
    expect(r.exitCode, r.stderr).toBe(0);
    const env = parseEnvelope(r.stdout);
    expect(env.data.roadmap.map((m: { month: number }) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(env.meta.strategy).toBe('outline+months');
    expect(env.meta.calls).toBe(13);
    console.log(`12-month plan: ${env.meta.attempts} attempts over ${env.meta.calls} calls, ${env.meta.latency_ms} ms, ${env.meta.tokens_per_sec} tokens/s`);
  });
});
