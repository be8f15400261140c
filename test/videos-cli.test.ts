// --videos through the CLI in-process (test/support/in-process.ts). CAREERFORGE_VIDEO_FIXTURE (the test seam in commands/videos-source.ts)
// replaces YouTube, so these runs never touch the network: results, a hang and a failure.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOllama, type FakeOllama } from './support/fake-ollama.js';
import { parseEnvelope, tempHome } from './support/cli.js';
import { runInProcess as runCli } from './support/in-process.js';
import { jsonReply, makeRoadmap } from './support/fixtures.js';
import { makeSkillsReport } from './support/skills-fixtures.js';

let fake: FakeOllama;
beforeEach(async () => {
  fake = await startFakeOllama();
});
afterEach(() => fake.close());

const VIDEOS = [1, 2, 3, 4].map((n) => ({ title: `Tutorial ${n}`, channel: `Chan ${n}`, url: `https://www.youtube.com/watch?v=vid${n}`, duration: `${n}:00` }));
const SKILLS = ['skills', '--role', 'Backend Developer', '--skills', 'TypeScript', '--videos'];

function fixture(value: unknown): Record<string, string> {
  const file = path.join(tempHome(), 'fixture.json');
  fs.writeFileSync(file, JSON.stringify(value));
  return { CAREERFORGE_VIDEO_FIXTURE: file };
}

describe('--videos', () => {
  it('skills: three videos per gap in learning order, meta ok, cached in the home', async () => {
    fake.reply(jsonReply(makeSkillsReport()));
    const r = await runCli([...SKILLS, '--json'], { host: fake.host, env: fixture({ results: VIDEOS }) });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    const env = parseEnvelope(r.stdout);
    expect(env.meta.videos).toEqual({ status: 'ok' });
    expect(env.data.videos).toEqual([
      { skill: 'SQL', query: 'SQL tutorial for Backend Developer', results: VIDEOS.slice(0, 3) },
      { skill: 'Docker', query: 'Docker tutorial for Backend Developer', results: VIDEOS.slice(0, 3) },
    ]);
    const cache = JSON.parse(fs.readFileSync(path.join(r.home, 'videos-cache.json'), 'utf8'));
    expect(Object.keys(cache.entries).sort()).toEqual(['3:docker tutorial for backend developer', '3:sql tutorial for backend developer']);
  });

  it('roadmap: videos per month in data.videos and a Videos section when piped', async () => {
    fake.reply(jsonReply(makeRoadmap(2)), jsonReply(makeRoadmap(2)));
    const env = fixture({ results: VIDEOS.slice(0, 1) });
    const json = await runCli(['roadmap', '--role', 'Backend Developer', '--months', '2', '--videos', '--json'], { host: fake.host, env });
    expect(json.exitCode).toBe(0);
    const doc = parseEnvelope(json.stdout);
    expect(doc.data.videos).toEqual([
      { month: 1, query: 'Month 1 topic Backend Developer tutorial', results: VIDEOS.slice(0, 1) },
      { month: 2, query: 'Month 2 topic Backend Developer tutorial', results: VIDEOS.slice(0, 1) },
    ]);
    expect(doc.data.roadmap).toEqual(makeRoadmap(2).roadmap);
    const text = await runCli(['roadmap', '--role', 'Backend Developer', '--months', '2', '--videos'], { host: fake.host, env });
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain('\nVideos\n  Month 1\n    - Tutorial 1 (Chan 1, 1:00) https://www.youtube.com/watch?v=vid1\n  Month 2\n');
  });

  it('a search that hangs is cut off: the command succeeds with a one-line warning and meta says why', async () => {
    fake.reply(jsonReply(makeSkillsReport()));
    const started = Date.now();
    const r = await runCli([...SKILLS, '--json'], { host: fake.host, env: { ...fixture({ hang: true }), CAREERFORGE_VIDEO_TIMEOUT: '0.3' } });
    expect(r.exitCode).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    const env = parseEnvelope(r.stdout);
    expect(env.meta.videos).toEqual({ status: 'missing', reason: '2 of 2 video searches got no answer: a YouTube search timed out after 300 ms' });
    expect(env.data.videos.map((v: any) => v.results)).toEqual([[], []]);
    expect(r.stderr).toBe('warning: videos unavailable: 2 of 2 video searches got no answer: a YouTube search timed out after 300 ms\n');
  });

  it('a failing search (offline) leaves the report intact and says so', async () => {
    fake.reply(jsonReply(makeSkillsReport()));
    const r = await runCli(SKILLS, { host: fake.host, env: fixture({ fail: 'getaddrinfo ENOTFOUND www.youtube.com' }) });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('warning: videos unavailable: 2 of 2 video searches got no answer: getaddrinfo ENOTFOUND www.youtube.com\n');
    expect(r.stdout).toContain('Backend Developer: readiness 62/100');
    expect(r.stdout).toContain('Videos\n  none found: 2 of 2 video searches got no answer: getaddrinfo ENOTFOUND www.youtube.com\n');
  });
});
