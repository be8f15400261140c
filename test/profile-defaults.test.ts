// `config set role|level|hours_per_week|months` apply outside the forms too, in the one settings
// order: a flag wins, then (no env variable exists for these) the config, then the default.
import { describe, expect, it } from 'vitest';
import { readStore, tempHome } from './support/cli.js';
import { startFakeOllama } from './support/fake-ollama.js';
import { makeInterviewBatch } from './quiz-interview-fixtures.js';
import { jsonReply, makeRoadmap } from './support/fixtures.js';
import { runInProcess } from './support/in-process.js';

async function withFake<T>(reply: unknown, run: (host: string) => Promise<T>): Promise<T> {
  const fake = await startFakeOllama();
  fake.onChat(() => jsonReply(reply));
  try {
    return await run(fake.host);
  } finally {
    await fake.close();
  }
}

async function set(home: string, key: string, value: string) {
  const r = await runInProcess(['config', 'set', key, value], { home });
  expect(r.exitCode, r.stderr).toBe(0);
}

const inputs = (home: string, collection: string) => (Object.values(readStore(home)[collection]) as Array<{ input: Record<string, unknown> }>).map((r) => r.input);

describe('profile defaults from the config', () => {
  it('config set months 3: `roadmap --role Dev --json` plans 3 months; --months 5 wins', async () => {
    const home = tempHome();
    await set(home, 'months', '3');
    await withFake(makeRoadmap(3, 10, 'Dev'), async (host) => {
      const r = await runInProcess(['roadmap', '--role', 'Dev', '--json'], { home, host });
      expect(r.exitCode, r.stderr).toBe(0);
      expect(inputs(home, 'roadmaps')[0]).toMatchObject({ role: 'Dev', months: 3 });
    });
    await withFake(makeRoadmap(5, 10, 'Dev'), async (host) => {
      const r = await runInProcess(['roadmap', '--role', 'Dev', '--months', '5', '--json'], { home, host });
      expect(r.exitCode, r.stderr).toBe(0);
      expect(inputs(home, 'roadmaps').map((i) => i.months).sort()).toEqual([3, 5]);
    });
  });

  it('role, level and hours per week: used when no flag gives them (no usage error for a missing --role), flags still win', async () => {
    const home = tempHome();
    await set(home, 'role', 'Data Engineer');
    await set(home, 'level', 'advanced');
    await set(home, 'hours-per-week', '12');
    await withFake(makeRoadmap(6, 12, 'Data Engineer'), async (host) => {
      const piped = await runInProcess(['roadmap'], { home, host });
      expect(piped.exitCode, piped.stderr).toBe(0);
      expect(piped.stdout).toContain('Data Engineer');
      const flagged = await runInProcess(['roadmap', '--role', 'SRE', '--level', 'beginner', '--json'], { home, host });
      expect(flagged.exitCode, flagged.stderr).toBe(0);
    });
    const [first, second] = inputs(home, 'roadmaps').sort((a, b) => String(a.role).localeCompare(String(b.role)));
    expect(first).toMatchObject({ role: 'Data Engineer', level: 'advanced', hours_per_week: 12, months: 6 });
    expect(second).toMatchObject({ role: 'SRE', level: 'beginner', hours_per_week: 12 });
  });

  it('an --input file beats the config; interview takes the config role', async () => {
    const home = tempHome();
    await set(home, 'months', '3');
    await set(home, 'role', 'Backend Developer');
    await withFake(makeRoadmap(2, 10, 'Dev'), async (host) => {
      const r = await runInProcess(['roadmap', '--input', '-', '--json'], { home, host, input: JSON.stringify({ role: 'Dev', months: 2 }) });
      expect(r.exitCode, r.stderr).toBe(0);
    });
    expect(inputs(home, 'roadmaps')[0]).toMatchObject({ role: 'Dev', months: 2 });
    await withFake(makeInterviewBatch(5, ['technical', 'behavioral']), async (host) => {
      const r = await runInProcess(['interview', '--json'], { home, host });
      expect(r.exitCode, r.stderr).toBe(0);
    });
    expect(inputs(home, 'interviews')[0]).toMatchObject({ role: 'Backend Developer', level: 'mid' });
  });
});
