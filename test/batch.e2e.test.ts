// `careerforge batch` end to end against the Ollama fake: one envelope per input line with its id,
// problems of --input reported by line before anything is sent, failures written as error lines
// and retried on a rerun, successes skipped, the cache on by default (meta.cached), and a 200-line
// batch killed with SIGKILL midway and resumed with every id exactly once and no torn line.
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BIN, parseEnvelope, ROOT, runCli, tempHome } from './support/cli.js';
import type { ChatReply, RecordedRequest } from './support/fake-ollama.js';
import { validReply, userData } from './support/answer-by-schema.js';
import { useFake, waitFor } from './support/spine.js';

const fake = useFake();

function profiles(n: number, from = 1): string {
  return Array.from({ length: n }, (_, i) => JSON.stringify({ id: `p${from + i}`, role: `Role ${from + i}`, months: 1 })).join('\n') + '\n';
}

function files(lines: string) {
  const dir = tempHome();
  const input = path.join(dir, 'people.jsonl');
  fs.writeFileSync(input, lines);
  return { dir, input, out: path.join(dir, 'results.jsonl') };
}

const roleOf = (req: RecordedRequest): string => String(userData(req, 'profile').role);

function outLines(file: string): any[] {
  const text = fs.readFileSync(file, 'utf8');
  expect(text.endsWith('\n'), 'no torn last line').toBe(true);
  return text.trimEnd().split('\n').map((l) => JSON.parse(l));
}

/** Answer validly, failing (500) the roles in `failing`. */
function script(failing: Set<string> = new Set(), extra: Partial<ChatReply> = {}): void {
  fake().onChat((req, index) => (failing.has(roleOf(req)) ? { fault: 'status', status: 500, error: 'CUDA error: out of memory' } : { ...validReply(req, index), ...extra } as ChatReply));
}

describe('careerforge batch', () => {
  it('writes one envelope per line with its id, then skips them all on a rerun; the cache answers a fresh --out', async () => {
    script();
    const f = files(profiles(5));
    const args = ['batch', 'roadmap', '--input', f.input, '--out', f.out, '--concurrency', '3', '--host', fake().host];
    const home = tempHome();
    const r = await runCli([...args, '--json'], { home });
    expect(r.exitCode, r.stderr).toBe(0);
    // Piped, progress is a plain line at each tenth of the way, ending at 5/5.
    expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(/^#+ 5\/5 · 0 failed · 0 in flight · \d+ tok\/s · ETA 0:00$/);
    const summary = parseEnvelope(r.stdout);
    expect(summary.data).toMatchObject({ kind: 'roadmap', total: 5, skipped: 0, done: 5, failed: 0 });
    const lines = outLines(f.out);
    expect(lines.map((l) => l.id).sort()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['id', 'success', 'data', 'meta']);
      expect(line.meta).toMatchObject({ cached: false, attempts: 1 });
    }
    // Nothing saved to the personal store.
    expect(fs.existsSync(path.join(home, 'store.json')) ? JSON.parse(fs.readFileSync(path.join(home, 'store.json'), 'utf8')).roadmaps ?? {} : {}).toEqual({});
    const sent = fake().chatRequests().length;
    const again = await runCli(args, { home });
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stderr).toContain('5 of 5 ids already done');
    expect(again.stdout).toMatch(/^0 done, 5 already done, 0 failed in [\d.]+s \([\d.]+ lines\/s\) -> .+results\.jsonl\n$/);
    expect(fake().chatRequests().length).toBe(sent);
    expect(outLines(f.out)).toHaveLength(5);
    const fresh = path.join(f.dir, 'fresh.jsonl');
    const cached = await runCli(['batch', 'roadmap', '--input', f.input, '--out', fresh, '--host', fake().host], { home });
    expect(cached.exitCode, cached.stderr).toBe(0);
    expect(fake().chatRequests().length).toBe(sent);
    expect(outLines(fresh).every((l) => l.success && l.meta.cached === true)).toBe(true);
  });

  it('reports every bad line with its number before sending anything (exit 2)', async () => {
    const f = files(['{"id":"a","role":"SRE"}', '{not json', '{"role":"No id"}', '{"id":"a","role":"Dup"}', '{"id":"b","role":"X","months":99}'].join('\n'));
    const r = await runCli(['batch', 'roadmap', '--input', f.input, '--out', f.out, '--host', fake().host, '--json']);
    expect(r.exitCode).toBe(2);
    const env = parseEnvelope(r.stdout);
    expect(env.error!.code).toBe('INVALID_INPUT');
    expect(env.error!.message).toMatch(/^--input .+: 4 bad lines \(2, 3, 4, 5\): line 2: malformed JSON/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(fake().requests).toHaveLength(0);
    expect(fs.existsSync(f.out)).toBe(false);
  });

  it('writes failures as error lines with their id (exit 1), and a rerun retries only those', async () => {
    script(new Set(['Role 2', 'Role 4']));
    const f = files(profiles(5));
    const args = ['batch', 'roadmap', '--input', f.input, '--out', f.out, '--host', fake().host, '--retries', '0', '--json'];
    const r = await runCli(args);
    expect(r.exitCode).toBe(1);
    expect(parseEnvelope(r.stdout).error).toEqual({ code: 'BATCH_INCOMPLETE', message: `2 of 5 lines failed (see their "error" in ${f.out}); rerun the same command to retry them` });
    const failed = outLines(f.out).filter((l) => !l.success);
    expect(failed.map((l) => l.id).sort()).toEqual(['p2', 'p4']);
    expect(failed[0].error.code).toBe('OLLAMA_ERROR');
    script();
    const before = fake().chatRequests().length;
    const rerun = await runCli(args);
    expect(rerun.exitCode, rerun.stderr).toBe(0);
    expect(fake().chatRequests().slice(before).map(roleOf).sort()).toEqual(['Role 2', 'Role 4']);
    const lines = outLines(f.out);
    expect(lines.map((l) => l.id).sort()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(lines.every((l) => l.success)).toBe(true);
  });

  it('survives SIGKILL midway through 200 profiles: the resume finishes with every id exactly once', async () => {
    // Five ids fail in the first run, so the resume also proves failures are retried.
    const failing = new Set(['Role 3', 'Role 50', 'Role 77', 'Role 120', 'Role 199']);
    script(failing, { chunkDelayMs: 4 });
    const f = files(profiles(200));
    const home = tempHome();
    const args = [BIN, 'batch', 'roadmap', '--input', f.input, '--out', f.out, '--concurrency', '16', '--retries', '0', '--host', fake().host];
    const env = { CAREERFORGE_HOME: home, CI: '1', OLLAMA_HOST: undefined };
    const first = execa('node', args, { reject: false, cwd: ROOT, env, extendEnv: true });
    const count = () => (fs.existsSync(f.out) ? fs.readFileSync(f.out, 'utf8').split('\n').length - 1 : 0);
    await waitFor(() => count() >= 60, 60_000);
    first.kill('SIGKILL');
    const killed = await first;
    expect(killed.signal).toBe('SIGKILL');
    const partial = outLines(f.out);
    expect(partial.length).toBeGreaterThanOrEqual(60);
    expect(partial.length).toBeLessThan(200);
    const partialIds = partial.map((l) => l.id);
    expect(new Set(partialIds).size).toBe(partialIds.length);
    const doneBefore = new Set(partial.filter((l) => l.success).map((l) => l.id));
    expect(partial.find((l) => l.id === 'p3')).toMatchObject({ success: false, error: { code: 'OLLAMA_ERROR' } });

    script();
    const before = fake().chatRequests().length;
    const resumed = await execa('node', args, { reject: false, cwd: ROOT, env, extendEnv: true });
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`${doneBefore.size} of 200 ids already done`);
    const resent = fake().chatRequests().slice(before).map(roleOf);
    const lines = outLines(f.out);
    // Only what was not done is asked again, each once; a line killed after its answer was cached
    // (but before its line was written) comes back from the cache.
    const fromCache = lines.filter((l) => !doneBefore.has(l.id) && l.meta.cached).length;
    expect(resent.length).toBe(200 - doneBefore.size - fromCache);
    expect(new Set(resent).size).toBe(resent.length);
    expect(resent.some((role) => doneBefore.has(`p${role.slice(5)}`))).toBe(false);
    for (const role of failing) expect(lines.find((l) => l.id === `p${role.slice(5)}`)?.success).toBe(true);
    expect(lines).toHaveLength(200);
    expect(new Set(lines.map((l) => l.id)).size).toBe(200);
    expect(lines.every((l) => l.success)).toBe(true);
    expect(fs.existsSync(`${f.out}.lock`)).toBe(false);
  }, 120_000);

  it('refuses an unknown kind and a missing --out as usage errors', async () => {
    const f = files(profiles(1));
    const bad = await runCli(['batch', 'essay', '--input', f.input, '--out', f.out]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe('careerforge: unknown batch kind "essay": one of roadmap, skills, interview, quiz\n');
    const noOut = await runCli(['batch', 'quiz', '--input', f.input]);
    expect(noOut.exitCode).toBe(2);
    expect(fake().requests).toHaveLength(0);
  });
});
