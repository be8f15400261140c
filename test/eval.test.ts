// `careerforge eval` end to end against the fake Ollama, in-process: a mix of good, sloppy (fixed by
// normalisation), failing-then-repaired and always-failing replies, each counted where it belongs;
// two models side by side; md and csv; --compare against a saved run; bad flags, a missing model
// and Ctrl-C. Profiles 1 and 2 of evals/profiles.json are backend-junior (3 months, single call)
// and frontend-career-switch (1 month, behavioral interview).
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { loadProfiles, inputsOf } from '../src/core/eval/profiles.js';
import { parseEnvelope, readStore, tempHome } from './support/cli.js';
import { Capture, runInProcess } from './support/in-process.js';
import { replyKind, validReply } from './support/answer-by-schema.js';
import { jsonReply, makeRoadmap } from './support/fixtures.js';
import { useFake, DEFAULT_MODEL } from './support/spine.js';
import type { RecordedRequest } from './support/fake-ollama.js';

const fake = useFake();
const evalRun = (args: string[], home?: string) => runInProcess(['eval', ...args], { host: fake().host, ...(home ? { home } : {}) });
const text = (req: RecordedRequest) => req.body.messages.map((m: { content: string }) => m.content).join('\n');
const profileOf = (req: RecordedRequest) => (/Frontend Developer|CSS layout/.test(text(req)) ? 'frontend' : 'backend');
const row = (env: any, model: string, generator: string) => env.data.run.summary.find((s: any) => s.model === model && s.generator === generator);

/** The mix: roadmap sloppy (backend) and repaired (frontend), skills in the wrong enum case, quiz failing for frontend. */
function scriptMix(): void {
  let frontendRoadmapTries = 0;
  fake().onChat((req, index) => {
    const kind = replyKind(req);
    const who = profileOf(req);
    if (kind === 'roadmap' && who === 'backend') {
      // Every month numbered 1: renumbered by the CLI, no second call.
      const plan = makeRoadmap(3);
      return jsonReply({ ...plan, roadmap: plan.roadmap.map((m) => ({ ...m, month: 1 })) });
    }
    if (kind === 'roadmap' && who === 'frontend' && frontendRoadmapTries++ === 0) {
      // Weeks without tasks: a check only the model can fix, so one repair turn.
      const plan = makeRoadmap(1, 6);
      return jsonReply({ ...plan, roadmap: plan.roadmap.map((m) => ({ ...m, weeks: m.weeks.map((w) => ({ ...w, tasks: [] })) })) });
    }
    if (kind === 'skills' && who === 'backend') {
      const reply = JSON.parse((validReply(req) as { content: string }).content);
      return jsonReply({ ...reply, gaps: reply.gaps.map((g: any) => ({ ...g, importance: g.importance.toUpperCase() })) });
    }
    if (kind === 'quiz' && who === 'frontend') return { content: 'Sure! Here are some CSS questions.' };
    return validReply(req, index);
  });
}

describe('eval: counts every case where it belongs', () => {
  it('first try, normalised, repaired and failed cases per generator, saved in the store', async () => {
    scriptMix();
    const r = await evalRun(['--profiles', '2', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const env = parseEnvelope(r.stdout);
    expect(env.success).toBe(true);
    const { run } = env.data;
    expect(run.profiles).toEqual(['backend-junior', 'frontend-career-switch']);
    expect(run.cases).toHaveLength(8);
    expect(run.summary.map((s: any) => s.generator)).toEqual(['roadmap', 'skills', 'interview', 'quiz']);

    const roadmap = row(env, DEFAULT_MODEL, 'roadmap');
    expect(roadmap).toMatchObject({ cases: 2, first_try: 1, repaired: 1, failed: 0, failures: {}, mean_attempts: 1.5 });
    // Months 2 and 3 renumbered in the backend plan.
    expect(roadmap.normalized).toBe(2);
    const skills = row(env, DEFAULT_MODEL, 'skills');
    const gaps = JSON.parse((validReply(fake().chatRequests().find((q) => replyKind(q) === 'skills')!) as { content: string }).content).gaps.length;
    expect(skills).toMatchObject({ cases: 2, first_try: 2, repaired: 0, failed: 0, mean_attempts: 1, normalized: gaps });
    expect(row(env, DEFAULT_MODEL, 'interview')).toMatchObject({ cases: 2, first_try: 2, repaired: 0, failed: 0, normalized: 0 });
    // Prose three times (1 + --retries 2): INVALID_OUTPUT, counted, not fatal.
    expect(row(env, DEFAULT_MODEL, 'quiz')).toMatchObject({ cases: 2, first_try: 1, repaired: 0, failed: 1, failures: { INVALID_OUTPUT: 1 }, mean_attempts: 2 });
    const failed = run.cases.find((c: any) => c.result === 'failed');
    expect(failed).toMatchObject({ generator: 'quiz', profile: 'frontend-career-switch', code: 'INVALID_OUTPUT', attempts: 3 });

    // Every request was answered, and every one is counted in some case's attempts.
    expect(run.cases.reduce((n: number, c: any) => n + c.attempts, 0)).toBe(fake().chatRequests().length);
    for (const s of run.summary) {
      expect(s.completion_tokens).toBeGreaterThan(0);
      expect(s.tokens_per_sec).toBeGreaterThan(0);
      expect(s.mean_latency_ms).toBeGreaterThanOrEqual(0);
    }
    expect(env.meta).toMatchObject({ model: DEFAULT_MODEL, id: run.id });
    // Saved as shown, less the user's ratings, which are read afresh whenever a run is shown.
    expect(readStore(r.home).evals[run.id]).toEqual({ ...run, summary: run.summary.map(({ user_rating, ...s }: any) => (expect(user_rating).toBeNull(), s)) });
    // One progress line per case on stderr (not a terminal), nothing else on stdout.
    expect(r.stderr.match(/^eval \[\d+\/8\]/gm)).toHaveLength(8);
    expect(r.stderr).toContain('eval [8/8] mistral:7b-instruct-v0.3-q4_K_M quiz frontend-career-switch: failed INVALID_OUTPUT (3 requests');
  });

  it('two models side by side: each request goes to its model, each model gets its rows', async () => {
    fake().onChat((req, index) => (req.body.model === 'careerforge:latest' && replyKind(req) === 'quiz' ? { content: '{"questions": []}' } : validReply(req, index)));
    const r = await evalRun(['--model', `${DEFAULT_MODEL},careerforge:latest`, '--profiles', '1', '--generators', 'quiz,interview', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const env = parseEnvelope(r.stdout);
    expect(env.data.run.summary.map((s: any) => `${s.model} ${s.generator}`)).toEqual([
      `${DEFAULT_MODEL} quiz`, `${DEFAULT_MODEL} interview`, 'careerforge:latest quiz', 'careerforge:latest interview',
    ]);
    expect(row(env, DEFAULT_MODEL, 'quiz')).toMatchObject({ first_try: 1, failed: 0 });
    expect(row(env, 'careerforge:latest', 'quiz')).toMatchObject({ first_try: 0, failed: 1, failures: { INVALID_OUTPUT: 1 } });
    expect(row(env, 'careerforge:latest', 'interview')).toMatchObject({ first_try: 1, failed: 0 });
    expect(new Set(fake().chatRequests().map((q) => q.body.model))).toEqual(new Set([DEFAULT_MODEL, 'careerforge:latest']));
    expect(env.meta.model).toBe(`${DEFAULT_MODEL},careerforge:latest`);
  });

  it('--concurrency 4: requests sent by pool jobs are counted in their case', async () => {
    // With a pool, batches of 12 quiz questions first ask for a plan of sub-topics.
    fake().onChat((req, index) => {
      const subtopics = req.body.format.properties.subtopics;
      return subtopics ? jsonReply({ subtopics: Array.from({ length: subtopics.minItems }, (_, i) => `Sub-topic number ${i + 1}`) }) : validReply(req, index);
    });
    const r = await evalRun(['--profiles', '3', '--generators', 'roadmap,quiz', '--concurrency', '4', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const { run } = parseEnvelope(r.stdout).data;
    expect(run.summary.map((s: any) => [s.generator, s.first_try])).toEqual([['roadmap', 3], ['quiz', 3]]);
    expect(run.cases.reduce((n: number, c: any) => n + c.attempts, 0)).toBe(fake().chatRequests().length);
  });
});

describe('eval: formats and --compare', () => {
  it('--format md and --format csv print one row per model and generator', async () => {
    scriptMix();
    const md = await evalRun(['--profiles', '2', '--generators', 'quiz,skills', '--format', 'md']);
    expect(md.exitCode, md.stderr).toBe(0);
    const lines = md.stdout.split('\n');
    expect(lines[0]).toMatch(/^## Eval e[0-9a-z]{6} at .*: 2 profiles × quiz, skills on mistral/);
    expect(lines[2]).toMatch(/^\| model +\| generator \| cases \| first try \| repaired \| failed \| failures +\| attempts \|/);
    expect(lines[3]).toMatch(/^\| -+ \| -+ \| -+: \|/);
    expect(lines.find((l) => l.includes(' quiz '))).toMatch(/\| quiz +\| +2 \| +1 \| +0 \| +1 \| INVALID_OUTPUT×1 \| +2\.00 \|/);
    expect(md.stdout).toContain('mistral:7b-instruct-v0.3-q4_K_M quiz frontend-career-switch: INVALID_OUTPUT:');

    const csv = await evalRun(['--profiles', '2', '--generators', 'quiz', '--format', 'csv']);
    expect(csv.exitCode, csv.stderr).toBe(0);
    const [header, ...rows] = csv.stdout.trimEnd().split('\n');
    expect(header).toBe('run_id,model,generator,cases,first_try,repaired,failed,failures,mean_attempts,normalized,mean_latency_ms,completion_tokens,tokens_per_sec,user_rating_mean,user_rating_count');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.split(',').slice(1, 10)).toEqual([DEFAULT_MODEL, 'quiz', '2', '1', '0', '1', 'INVALID_OUTPUT:1', '2', '0']);
  });

  it("shows the user's own ratings of each model's saved generations beside the counts", async () => {
    const home = tempHome();
    fake().onChat((req, index) => validReply(req, index));
    const ids: string[] = [];
    for (const score of ['5', '2']) {
      const made = parseEnvelope((await runInProcess(['roadmap', '--role', 'Backend Developer', '--months', '1', '--json'], { host: fake().host, home })).stdout);
      ids.push(made.meta.id);
      expect((await runInProcess(['rate', made.meta.id, score], { host: fake().host, home })).exitCode).toBe(0);
    }
    expect(new Set(ids).size).toBe(2);
    const r = await evalRun(['--profiles', '1', '--generators', 'roadmap,quiz', '--json'], home);
    expect(r.exitCode, r.stderr).toBe(0);
    const env = parseEnvelope(r.stdout);
    expect(row(env, DEFAULT_MODEL, 'roadmap').user_rating).toEqual({ mean: 3.5, count: 2 });
    expect(row(env, DEFAULT_MODEL, 'quiz').user_rating).toBeNull();
    // Ratings change after the run: the saved run does not keep them.
    const saved = readStore(home).evals[env.data.run.id];
    expect(saved.summary.every((s: any) => !('user_rating' in s))).toBe(true);

    const md = await evalRun(['--profiles', '1', '--generators', 'roadmap,quiz', '--format', 'md'], home);
    const lines = md.stdout.split('\n');
    expect(lines[2]).toMatch(/\| tokens\/s \| your rating \|$/);
    expect(lines.find((l) => l.startsWith('| mistral') && l.includes('| roadmap '))).toMatch(/\| +3\.5 \(2\) \|$/);
    expect(lines.find((l) => l.startsWith('| mistral') && l.includes('| quiz '))).toMatch(/\| +- \|$/);
    const csv = await evalRun(['--profiles', '1', '--generators', 'roadmap', '--format', 'csv'], home);
    expect(csv.stdout.trimEnd().split('\n')[1]!.split(',').slice(-2)).toEqual(['3.5', '2']);
  });

  it('--compare reports the change against the previous run of the model, or a named one', async () => {
    const home = tempHome();
    scriptMix();
    const before = parseEnvelope((await evalRun(['--profiles', '2', '--generators', 'quiz', '--json'], home)).stdout);
    fake().onChat((req, index) => validReply(req, index));
    const r = await evalRun(['--profiles', '2', '--generators', 'quiz', '--compare', '--json'], home);
    expect(r.exitCode, r.stderr).toBe(0);
    const after = parseEnvelope(r.stdout);
    expect(after.data.changes).toEqual([expect.objectContaining({
      model: DEFAULT_MODEL, generator: 'quiz', previous_id: before.data.run.id, first_try_pct: 100, delta_first_try_pct: 50, delta_failed: -1, delta_mean_attempts: -1,
    })]);
    const named = await evalRun(['--profiles', '2', '--generators', 'quiz', '--compare', before.data.run.id], home);
    expect(named.exitCode, named.stderr).toBe(0);
    expect(named.stdout).toContain(`Compared with ${before.data.run.id}:`);
    expect(named.stdout).toMatch(/quiz: first try 100\.0% \(\+50\.0 pts\), failed -1, attempts -1\.00/);
    expect(Object.keys(readStore(home).evals)).toHaveLength(3);
    const first = await evalRun(['--profiles', '1', '--generators', 'quiz', '--compare']);
    expect(first.stdout).toContain('No earlier eval run of these models to compare with.');
  });
});

describe('eval: exit codes', () => {
  it.each([
    [['--generators', 'roadmap,poems'], /--generators: expected some of roadmap, skills, interview, quiz, got "poems"/],
    [['--profiles', '0'], /--profiles: expected a whole number from 1 to 10, got "0"/],
    [['--format', 'xml'], /--format: expected text, md or csv, got "xml"/],
    [['--model', 'a b'], /--model: expected an Ollama model name/],
    [['--model', `${DEFAULT_MODEL},a b`], /--model: "a b" is not a model name/],
    [['--compare', 'e000000'], /--compare: no saved eval run "e000000"/],
  ])('%j is a usage error before any request', async (args, message) => {
    const r = await evalRun([...args, '--json']);
    expect(r.exitCode).toBe(2);
    expect(parseEnvelope(r.stdout).error!.message).toMatch(message);
    expect(fake().chatRequests()).toHaveLength(0);
  });

  it('a model that is not pulled stops the run: exit 1, MODEL_NOT_FOUND, nothing saved', async () => {
    fake().onChat((req, index) => validReply(req, index));
    const r = await evalRun(['--model', 'llama3:8b', '--profiles', '1', '--json']);
    expect(r.exitCode).toBe(1);
    expect(parseEnvelope(r.stdout).error!.code).toBe('MODEL_NOT_FOUND');
    expect(readStore(r.home)?.evals ?? {}).toEqual({});
  });

  it('Ctrl-C stops the run with exit 130 and saves nothing', async () => {
    const controller = new AbortController();
    fake().onChat((req, index) => {
      if (index === 2) controller.abort();
      return validReply(req, index);
    });
    const home = tempHome();
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runCli(['eval', '--profiles', '2', '--json'], {
      stdout, stderr, stdin: Readable.from([]), raise: () => undefined, signal: controller.signal,
      env: { CAREERFORGE_HOME: home, OLLAMA_HOST: fake().host, CI: '1', PATH: process.env.PATH },
    });
    expect(code, stderr.text()).toBe(130);
    expect(parseEnvelope(stdout.text()).error!.code).toBe('INTERRUPTED');
    expect(fake().chatRequests().length).toBeLessThanOrEqual(3);
    expect(readStore(home)?.evals ?? {}).toEqual({});
  });
});

describe('the shipped profiles', () => {
  it('all of them run valid first time through every generator against a fake that answers well', async () => {
    fake().onChat((req, index) => validReply(req, index));
    const r = await evalRun(['--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const { run } = parseEnvelope(r.stdout).data;
    expect(run.summary.map((s: any) => [s.generator, s.cases, s.first_try, s.failed])).toEqual(
      ['roadmap', 'skills', 'interview', 'quiz'].map((g) => [g, 10, 10, 0]),
    );
    expect(run.cases.map((c: any) => c.attempts).every((n: number) => n >= 1)).toBe(true);
    expect(run.cases.reduce((n: number, c: any) => n + c.attempts, 0)).toBe(fake().chatRequests().length);
  });

  it('are 8-12 diverse profiles the commands accept: levels, 1-24 months, with and without a CV', () => {
    const profiles = loadProfiles();
    expect(profiles.length).toBeGreaterThanOrEqual(8);
    expect(profiles.length).toBeLessThanOrEqual(12);
    for (const p of profiles) expect(() => inputsOf(p)).not.toThrow();
    expect(new Set(profiles.map((p) => p.id)).size).toBe(profiles.length);
    expect(new Set(profiles.map((p) => p.level))).toEqual(new Set(['beginner', 'intermediate', 'advanced']));
    expect(Math.min(...profiles.map((p) => p.months))).toBe(1);
    expect(Math.max(...profiles.map((p) => p.months))).toBe(24);
    expect(profiles.some((p) => p.resume) && profiles.some((p) => !p.resume && !p.job)).toBe(true);
    expect(new Set(profiles.map((p) => p.interview.type)).size).toBe(4);
  });
});
