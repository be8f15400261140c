// `npm run test:live`: a short eval (one profile at --quick sizes, roadmap and quiz) against a real
// Ollama at OLLAMA_HOST, with CAREERFORGE_MODEL or the default model. Skipped, and says so, when
// no Ollama answers. A real 7B model may fail a case: that is a measurement, so the test checks
// that every case is counted and the numbers add up, and prints the table.
import { describe, expect, it } from 'vitest';
import { parseOllamaHost } from '../../src/core/llm/host.js';
import { parseEnvelope, readStore, runCli, tempHome } from '../support/cli.js';

const host = parseOllamaHost(process.env.OLLAMA_HOST ?? '');
const up = await fetch(`${host}/api/version`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
if (!up) console.log(`live eval skipped: no Ollama answered GET ${host}/api/version within 2 s`);

describe.skipIf(!up)(`live eval at ${host}`, () => {
  it('eval --quick --profiles 1 --generators roadmap,quiz counts every case', async () => {
    const home = tempHome();
    const args = ['eval', '--quick', '--profiles', '1', '--generators', 'roadmap,quiz'];
    const r = await runCli([...args, '--json'], { host, home, timeoutMs: 580_000, env: { CAREERFORGE_MODEL: process.env.CAREERFORGE_MODEL } });
    expect(r.exitCode, r.stderr).toBe(0);
    const { data, meta } = parseEnvelope(r.stdout);
    expect(data.run.summary.map((s: { generator: string }) => s.generator)).toEqual(['roadmap', 'quiz']);
    for (const s of data.run.summary) {
      expect(s.first_try + s.repaired + s.failed).toBe(s.cases);
      expect(s.cases).toBe(1);
      expect(s.mean_attempts).toBeGreaterThanOrEqual(1);
      expect(s.completion_tokens).toBeGreaterThan(0);
      expect(s.tokens_per_sec).toBeGreaterThan(0);
    }
    expect(readStore(home).evals[meta.id].summary).toEqual(data.run.summary);
    const table = await runCli([...args, '--compare', meta.id], { host, home, timeoutMs: 580_000, env: { CAREERFORGE_MODEL: process.env.CAREERFORGE_MODEL } });
    expect(table.exitCode, table.stderr).toBe(0);
    expect(table.stdout).toContain(`Compared with ${meta.id}:`);
    console.log(table.stdout);
  });
});
