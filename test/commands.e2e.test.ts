// The end-to-end spine: every command once through the built binary (bin/careerforge.js ->
// dist/), as a user's shell runs it, with its exit code. The many bad-input and rendering cases
// run in-process (test/support/in-process.ts); the fault classes (roadmap-faults), terminals
// (terminal-*, tmux-*), health, bench, setup, the cache and concurrent writers keep their own
// end-to-end files.
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BIN, parseEnvelope, readStore, runCli, tempHome } from './support/cli.js';
import { answerBySchema, validReply } from './support/answer-by-schema.js';
import { useFake } from './support/spine.js';

const fake = useFake();

async function generate(home: string, args: string[]) {
  const r = await runCli([...args, '--json'], { host: fake().host, home });
  expect(r.exitCode, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  return parseEnvelope(r.stdout);
}

describe('every generator through the binary: exit 0, one envelope, one saved record', () => {
  it.each([
    ['roadmap', ['roadmap', '--role', 'Backend Developer', '--months', '2'], 'roadmaps'],
    ['skills', ['skills', '--role', 'Backend Developer', '--skills', 'SQL'], 'skills'],
    ['interview', ['interview', '--role', 'SRE', '--count', '2'], 'interviews'],
    ['quiz', ['quiz', '--topic', 'SQL', '--count', '3'], 'quizzes'],
  ])('%s', async (_name, args, kind) => {
    answerBySchema(fake());
    const home = tempHome();
    const env = await generate(home, args);
    expect(env.success).toBe(true);
    expect(Object.keys(readStore(home)[kind])).toEqual([env.meta.id]);
  });
});

describe('the record-keeping commands through the binary', () => {
  it('progress, list, show, rename, rm, logs, config and prompts on one home', async () => {
    answerBySchema(fake());
    const home = tempHome();
    const { meta } = await generate(home, ['roadmap', '--role', 'Backend Developer', '--months', '1']);
    const id = meta.id as string;
    const run = (args: string[]) => runCli(args, { home });

    const done = await run(['progress', 'done', id, '1.1.1']);
    expect(done.exitCode, done.stderr).toBe(0);
    const progress = await run(['progress']);
    expect(progress.stdout).toMatch(new RegExp(`^${id} +Backend Developer \\(1 months?\\)`, 'm'));
    expect(parseEnvelope((await run(['list', '--json'])).stdout).data.records).toHaveLength(1);
    expect((await run(['rename', id, 'My plan'])).exitCode).toBe(0);
    expect((await run(['show', 'latest'])).stdout.split('\n')[0]).toBe('My plan');
    expect(parseEnvelope((await run(['logs', '--json'])).stdout).data.total).toBe(1);
    expect((await run(['config', 'set', 'model', 'qwen2.5:7b'])).exitCode).toBe(0);
    expect(parseEnvelope((await run(['config', 'get', 'model', '--json'])).stdout).data).toMatchObject({ value: 'qwen2.5:7b' });
    expect((await run(['prompts', 'list'])).stdout).toContain('roadmap');
    const rm = await run(['rm', id, '--yes', '--json']);
    expect(rm.exitCode, rm.stderr).toBe(0);
    expect(readStore(home).roadmaps).toEqual({});
  });

  it('--dry-run sends nothing and saves nothing', async () => {
    const home = tempHome();
    const r = await runCli(['quiz', '--topic', 'SQL', '--dry-run', '--json'], { host: fake().host, home });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(parseEnvelope(r.stdout).data).toMatchObject({ dry_run: true, task: 'quiz', request: { model: expect.any(String) } });
    expect(fake().chatRequests()).toHaveLength(0);
    expect(readStore(home)?.quizzes ?? {}).toEqual({});
  });
});

describe('exit codes through the binary', () => {
  it('2 for bad usage, with one line on stderr and the envelope under --json', async () => {
    const r = await runCli(['roadmap', '--role', 'Dev', '--months', 'lots', '--json'], { host: fake().host });
    expect(r.exitCode).toBe(2);
    expect(parseEnvelope(r.stdout).error!.code).toBe('INVALID_INPUT');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    const unknown = await runCli(['roadmapp']);
    expect(unknown.exitCode).toBe(2);
  });

  it('1 when the server is down, naming the fix', async () => {
    const r = await runCli(['skills', '--role', 'SRE', '--skills', 'Go'], { host: '127.0.0.1:9' });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^careerforge: .*(ollama serve|not reachable|cannot reach)/i);
  });
});

describe('a reader that stops early', () => {
  it('`careerforge roadmap | head -c 1`: no EPIPE stack trace, exit 0', async () => {
    // Months answered 150 ms apart, so the plan is written in parts after head has gone.
    fake().onChat(async (req, index) => (await new Promise((r) => setTimeout(r, 150)), validReply(req, index)));
    const home = tempHome();
    const r = await execa('bash', ['-c', `set -o pipefail; node ${JSON.stringify(BIN)} roadmap --role "Backend Developer" --months 12 | head -c 1`], {
      reject: false,
      env: { CAREERFORGE_HOME: home, OLLAMA_HOST: fake().host, CI: '1', LANG: 'C.UTF-8' },
      timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toHaveLength(1);
    expect(r.exitCode).toBe(0);
    // It stopped early: more months were asked for than answered before head closed the pipe.
    expect(fake().chatRequests().length).toBeLessThan(13);
  });
});
