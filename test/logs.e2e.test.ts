// The call log through the built CLI: what one call records, repairs and failures, --no-log and
// `logs off`, documents kept out unless asked, 10 concurrent writers losing nothing, rotation
// keeping it bounded, and a reader seeing the calls of a run that is still going. The concurrent
// writers and the reader beside a running command are real processes; the rest run in-process.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnvelope, readStore, runCli as runBinary, tempHome } from './support/cli.js';
import { runInProcess } from './support/in-process.js';
import { jsonReply, makeMonth, makeOutline, makeRoadmap } from './support/fixtures.js';
import { makeSkillsReport } from './support/skills-fixtures.js';
import { askedMonth, closedPort, DEFAULT_MODEL, formatKind, useFake, waitFor } from './support/spine.js';

const fake = useFake();
const ROADMAP = ['roadmap', '--role', 'Backend Developer', '--months', '2', '--json'];
const STATS = { prompt_eval_count: 321, eval_count: 123, eval_duration: 1_230_000_000, total_duration: 2_000_000_000, load_duration: 100_000_000, prompt_eval_duration: 300_000_000 };

async function logs(home: string, ...args: string[]) {
  const r = await runInProcess(['logs', ...args, '--json'], { home });
  expect(r.exitCode, r.stderr).toBe(0);
  return parseEnvelope(r.stdout).data;
}

describe('logs: what a call records', () => {
  it('keeps messages, schema, model, options, reply, tokens, durations, done reason, attempt, command and the saved id', async () => {
    const plan = makeRoadmap(2);
    fake().reply(jsonReply(plan, { stats: STATS }));
    const r = await runInProcess(ROADMAP, { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    const id = parseEnvelope(r.stdout).meta.id;
    const data = await logs(r.home);
    expect(data.total).toBe(1);
    const [call] = data.calls;
    const sent = fake().chatRequests()[0]!.body;
    expect(call.messages).toEqual(sent.messages);
    expect(call.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user']);
    expect(call.schema.name).toBe('roadmap');
    expect(call.schema.sha256).toBe(crypto.createHash('sha256').update(JSON.stringify(sent.format)).digest('hex'));
    expect(call.model).toBe(DEFAULT_MODEL);
    expect(call.host).toBe(fake().url);
    expect(call.options).toEqual(sent.options);
    expect(call.options.num_ctx).toBe(8192);
    expect(call.reply).toBe(JSON.stringify(plan));
    expect(call.prompt_tokens).toBe(321);
    expect(call.completion_tokens).toBe(123);
    expect(call.durations_ns).toEqual({ total: 2_000_000_000, load: 100_000_000, prompt_eval: 300_000_000, eval: 1_230_000_000 });
    expect(call.done_reason).toBe('stop');
    expect([call.attempt, call.max_attempts, call.outcome]).toEqual([1, 3, 'ok']);
    expect(call.command).toBe('roadmap');
    expect(call.record_ids).toEqual([id]);
    expect(call.latency_ms).toBeGreaterThanOrEqual(0);

    const text = await runInProcess(['logs'], { home: r.home });
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain(`## ${call.id}  ${call.ts}  roadmap → ${id}`);
    expect(text.stdout).toContain('task: roadmap · schema: roadmap');
    expect(text.stdout).toContain('321 prompt + 123 completion tokens · 2.00 s on the server (load 0.10 s, prompt 0.30 s, generation 1.23 s)');
    expect(text.stdout).toContain(`### reply\n${JSON.stringify(plan)}`);
  });

  it('logs every attempt of a repair, and the failure of a run that saved nothing', async () => {
    fake().reply({ content: '{"career_role": 1' }, jsonReply(makeRoadmap(2)));
    const r = await runInProcess(ROADMAP, { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    const { calls } = await logs(r.home);
    expect(calls.map((c: { attempt: number; outcome: string }) => [c.attempt, c.outcome])).toEqual([[1, 'INVALID_OUTPUT'], [2, 'ok']]);
    expect(calls[0].reply).toBe('{"career_role": 1');
    expect(calls[1].messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(new Set(calls.map((c: { run: string }) => c.run)).size).toBe(1);

    const down = await runInProcess([...ROADMAP], { host: `127.0.0.1:${await closedPort()}`, home: r.home });
    expect(down.exitCode).toBe(1);
    const after = await logs(down.home, '-n', '1');
    expect(after.calls[0].outcome).toBe('OLLAMA_UNREACHABLE');
    expect(after.calls[0].record_ids).toEqual([]);
    expect(after.calls[0].run_exit_code).toBe(1);
  });

  it('filters by -n, --command and --id (a saved id or its start)', async () => {
    answerAll();
    const home = tempHome();
    const first = await runInProcess(ROADMAP, { host: fake().host, home });
    const second = await runInProcess(['skills', '--role', 'Backend Developer', '--skills', 'SQL', '--json'], { host: fake().host, home });
    expect([first.exitCode, second.exitCode]).toEqual([0, 0]);
    const roadmapId = parseEnvelope(first.stdout).meta.id;
    expect((await logs(home)).total).toBe(2);
    expect((await logs(home, '-n', '1')).calls.map((c: { command: string }) => c.command)).toEqual(['skills']);
    expect((await logs(home, '--command', 'roadmap')).calls.map((c: { command: string }) => c.command)).toEqual(['roadmap']);
    const byId = await logs(home, '--id', roadmapId.slice(0, 4));
    expect(byId.calls.map((c: { record_ids: string[] }) => c.record_ids)).toEqual([[roadmapId]]);
    const bad = await runInProcess(['logs', '-n', 'many'], { home });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe('careerforge: -n: expected a whole number of calls (0 for all), got "many"\n');
  });
});

describe('logs: switches', () => {
  it('--no-log skips one run; logs off stops logging until logs on; status and path say where', async () => {
    answerAll();
    const home = tempHome();
    expect((await runInProcess([...ROADMAP, '--no-log'], { host: fake().host, home })).exitCode).toBe(0);
    expect((await logs(home)).total).toBe(0);
    expect(fs.existsSync(path.join(home, 'logs', 'calls.jsonl'))).toBe(false);

    expect((await logs(home, 'off')).logging).toBe(false);
    expect((await runInProcess(ROADMAP, { host: fake().host, home })).exitCode).toBe(0);
    expect((await logs(home)).total).toBe(0);
    const off = await runInProcess(['logs', 'status'], { home });
    expect(off.stdout).toMatch(/^Logging is off\.\n0 calls logged/);

    expect((await logs(home, 'on')).logging).toBe(true);
    expect((await runInProcess(ROADMAP, { host: fake().host, home })).exitCode).toBe(0);
    const status = await logs(home, 'status');
    expect(status).toMatchObject({ logging: true, calls: 1, files: 1, path: path.join(home, 'logs', 'calls.jsonl') });
    expect(status.bytes).toBe(fs.statSync(status.path).size);
    const p = await runInProcess(['logs', 'path'], { home });
    expect(p.stdout).toBe(`${path.join(home, 'logs', 'calls.jsonl')}\n`);
    expect(fake().chatRequests()).toHaveLength(3);
  });

  it('keeps CV and job text out of the log (size and sha256 instead) unless --log-documents', async () => {
    fake().onChat(() => jsonReply(makeSkillsReport()));
    const home = tempHome();
    const cvText = '# Jane Doe\nSecret-Employer GmbH, 2019-2024: TypeScript and Postgres.\n';
    const cv = path.join(home, 'cv.md');
    const job = path.join(home, 'job.txt');
    fs.writeFileSync(cv, cvText);
    fs.writeFileSync(job, 'We need a Go developer at Hidden Corp.');
    const args = ['skills', '--role', 'Backend Developer', '--resume', cv, '--job', job, '--json'];
    expect((await runInProcess(args, { host: fake().host, home })).exitCode).toBe(0);
    expect(JSON.stringify(fake().chatRequests()[0]!.body)).toContain('Secret-Employer');
    const raw = fs.readFileSync(path.join(home, 'logs', 'calls.jsonl'), 'utf8');
    expect(raw).not.toContain('Secret-Employer');
    expect(raw).not.toContain('Hidden Corp');
    const hash = crypto.createHash('sha256').update(cvText).digest('hex');
    const user = (await logs(home)).calls[0].messages[1].content;
    expect(user).toContain(`<user_data name="cv">\n[not logged: ${Buffer.byteLength(cvText)} bytes, sha256 ${hash}; run with --log-documents to keep it]\n</user_data>`);
    expect(user).toContain('<user_data name="job_description">\n[not logged: 38 bytes, sha256');
    expect(user).toContain('<user_data name="profile">'); // the rest of the prompt stays

    expect((await runInProcess([...args, '--log-documents'], { host: fake().host, home })).exitCode).toBe(0);
    const kept = (await logs(home, '-n', '1')).calls[0].messages[1].content;
    expect(kept).toContain('Secret-Employer GmbH');
    expect(kept).toBe(fake().chatRequests()[1]!.body.messages[1].content);
  });
});

describe('logs: many writers, bounded size, read while writing', () => {
  it('10 concurrent commands: every call and every run entry is there, each line whole', async () => {
    answerAll();
    const home = tempHome();
    const runs = await Promise.all(Array.from({ length: 10 }, () => runBinary(ROADMAP, { host: fake().host, home, timeoutMs: 60_000 })));
    for (const r of runs) expect(r.exitCode, r.stderr).toBe(0);
    const ids = runs.map((r) => parseEnvelope(r.stdout).meta.id).sort();
    expect(Object.keys(readStore(home).roadmaps).sort()).toEqual(ids);
    const lines = fs.readFileSync(path.join(home, 'logs', 'calls.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(20); // 10 calls + 10 run entries
    for (const line of lines) JSON.parse(line);
    const data = await logs(home, '-n', '0');
    expect(data.total).toBe(10);
    expect(data.calls.flatMap((c: { record_ids: string[] }) => c.record_ids).sort()).toEqual(ids);
  }, 90_000);

  it('rotates past CAREERFORGE_LOG_MAX_BYTES and keeps two older files, so the log stays bounded', async () => {
    answerAll();
    const home = tempHome();
    const env = { CAREERFORGE_LOG_MAX_BYTES: '12000' };
    for (let i = 0; i < 8; i++) expect((await runInProcess(ROADMAP, { host: fake().host, home, env })).exitCode).toBe(0);
    const dir = path.join(home, 'logs');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
    expect(files).toEqual(['calls.1.jsonl', 'calls.2.jsonl', 'calls.jsonl']);
    const texts = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    const longest = Math.max(...texts.flatMap((t) => t.split('\n').map((l) => Buffer.byteLength(l) + 1)));
    for (const text of texts) {
      // Checked before each append: a file grows past the limit by at most one entry.
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(12_000 + longest);
      for (const line of text.trimEnd().split('\n')) JSON.parse(line);
    }
    const data = await logs(home, '-n', '0');
    expect(data.total).toBeLessThan(8); // the oldest were dropped
    expect(data.total).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('shows the calls of a run that is still going', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    fake().onChat(async (req) => {
      if (formatKind(req) === 'outline') return jsonReply(makeOutline(12));
      await gate;
      return jsonReply(makeMonth(askedMonth(req)));
    });
    const home = tempHome();
    const running = runBinary(['roadmap', '--role', 'Backend Developer', '--months', '12', '--json'], { host: fake().host, home, timeoutMs: 60_000 });
    await waitFor(() => fake().chatRequests().length >= 2);
    const during = await logs(home);
    expect(during.calls.map((c: { task: string }) => c.task)).toEqual(['outline']);
    expect(during.calls[0].record_ids).toEqual([]);
    release();
    const r = await running;
    expect(r.exitCode, r.stderr).toBe(0);
    const after = await logs(home, '-n', '0');
    expect(after.total).toBe(13);
    expect(after.calls.every((c: { record_ids: string[] }) => c.record_ids[0] === parseEnvelope(r.stdout).meta.id)).toBe(true);
  }, 60_000);
});

/** Every request answered with a valid reply for its schema (roadmap, outline, month, skills). */
function answerAll(): void {
  fake().onChat((req) => {
    const kind = formatKind(req);
    if (kind === 'roadmap') return jsonReply(makeRoadmap(2));
    if (kind === 'outline') return jsonReply(makeOutline(12));
    if (kind === 'month') return jsonReply(makeMonth(askedMonth(req)));
    return jsonReply(makeSkillsReport());
  });
}
