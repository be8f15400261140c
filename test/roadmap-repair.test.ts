// Repair attempts: an answer that is not JSON, breaks the schema or fails a semantic check is sent
// back to the model with its exact problems; one that never gets right ends in INVALID_OUTPUT.
import { describe, expect, it } from 'vitest';
import { parseEnvelope, readStore } from './support/cli.js';
import { runInProcess as runCli } from './support/in-process.js';
import { jsonReply, makeMonth, makeRoadmap } from './support/fixtures.js';
import { askedMonth, expectFailure, useFake } from './support/spine.js';

const fake = useFake();
const ARGS = ['roadmap', '--role', 'Backend Developer', '--months', '2', '--hours-per-week', '10', '--json'];

function repairTurn(index: number): { assistant: string; problems: string } {
  const messages = fake().chatRequests()[index]!.body.messages as Array<{ role: string; content: string }>;
  expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
  return { assistant: messages[2]!.content, problems: messages[3]!.content };
}

describe('repair', () => {
  it('repairs a missing field, then counts and hours out of bounds, and succeeds on attempt 3', async () => {
    const { final_outcome: _drop, ...missingOutcome } = makeRoadmap(2);
    const semantic = makeRoadmap(2);
    semantic.roadmap = [makeMonth(1)]; // month 2 missing
    semantic.roadmap[0]!.weeks[1]!.week = 3; // weeks numbered 1,3,...
    semantic.roadmap[0]!.weeks[0]!.hours = 12; // over --hours-per-week 10
    semantic.roadmap[0]!.weeks[2]!.tasks = []; // no tasks
    const first = JSON.stringify(missingOutcome);
    const second = JSON.stringify(semantic);
    fake().reply({ content: first }, { content: second }, jsonReply(makeRoadmap(2)));

    const r = await runCli(ARGS, { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    const env = parseEnvelope(r.stdout);
    expect(env.meta.attempts).toBe(3);
    expect(env.meta.calls).toBe(1);
    expect(env.data).toEqual(makeRoadmap(2));
    expect(readStore(r.home).roadmaps[env.meta.id]).toBeDefined();
    expect(fake().chatRequests()).toHaveLength(3);

    // The first request has no repair turn; each repair quotes the previous answer and its problems.
    expect(fake().chatRequests()[0]!.body.messages).toHaveLength(2);
    const one = repairTurn(1);
    expect(one.assistant).toBe(first);
    expect(one.problems).toContain('- final_outcome: Invalid input: expected string, received undefined');
    const two = repairTurn(2);
    expect(two.assistant).toBe(second);
    // The schema sent as format catches these (a server that ignores format let them through).
    for (const problem of [
      '- roadmap: has 1 entry but must have exactly 2',
      '- roadmap.0.weeks.0.hours: is 12 but must be an integer from 1 to 10',
      '- roadmap.0.weeks.2.tasks: has 0 entries but must have 2 to 4',
    ]) {
      expect(two.problems).toContain(problem);
    }
    // The failed attempts are reported on stderr, one line each.
    const warnings = r.stderr.trimEnd().split('\n');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^warning: roadmap: attempt 1 failed \(the reply does not match the schema .*\); asking the model to repair it$/);
    expect(warnings[1]).toMatch(/^warning: roadmap: attempt 2 failed \(the reply does not match the schema .*\); asking the model to repair it$/);
  });

  it('repairs a reply that is not JSON at all', async () => {
    fake().reply({ content: '{not json' }, jsonReply(makeRoadmap(2)));
    const r = await runCli(ARGS, { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(parseEnvelope(r.stdout).meta.attempts).toBe(2);
    const turn = repairTurn(1);
    expect(turn.assistant).toBe('{not json');
    expect(turn.problems).toMatch(/^- the reply is not valid JSON \(.+\)$/m);
    // The instruction to the model is the repair prompt's, once, not part of the problem.
    expect(turn.problems.match(/Reply with only the JSON/g)).toHaveLength(1);
  });

  it('repairs a month of a long plan without redoing the others', async () => {
    const bad = makeMonth(2);
    bad.weeks[0]!.hours = 99;
    let badSent = false;
    fake().onChat((req) => {
      const props = req.body.format.properties;
      if ('months' in props) {
        return jsonReply({ ...makeRoadmap(1), roadmap: undefined, months: Array.from({ length: 9 }, (_, i) => ({ month: i + 1, title: `T${i + 1}`, focus: `F${i + 1}` })) });
      }
      const n = askedMonth(req);
      if (n === 2 && !badSent) return (badSent = true), jsonReply(bad);
      return jsonReply(makeMonth(n));
    });
    const r = await runCli(['roadmap', '--role', 'SRE', '--months', '9', '--json'], { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    const env = parseEnvelope(r.stdout);
    expect(env.meta.strategy).toBe('outline+months');
    expect(env.meta.calls).toBe(10);
    expect(env.meta.attempts).toBe(11);
    expect(fake().chatRequests()).toHaveLength(11);
    expect(repairTurn(3).problems).toContain('- weeks.0.hours: is 99 but must be an integer from 1 to 10');
    expect(env.data.roadmap.map((m: { month: number }) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('gives up with INVALID_OUTPUT after 1 + --retries attempts (default 2) and saves nothing', async () => {
    fake().onChat(() => ({ content: '{"career_role": "x"}' }));
    const r = await runCli(ARGS, { host: fake().host });
    const { message } = expectFailure(r, 1, 'INVALID_OUTPUT');
    expect(message).toMatch(/^The model's answer was still invalid in all 3 attempts: overview: .+; retry, lower --temperature or use a larger --model$/);
    expect(fake().chatRequests()).toHaveLength(3);
    expect(readStore(r.home)?.roadmaps ?? {}).toEqual({});
  });

  it('does not quote the repair prompt in INVALID_OUTPUT, and the last attempt\'s warning does not promise a repair', async () => {
    fake().onChat(() => ({ content: '{not json' }));
    const r = await runCli([...ARGS, '--retries', '1'], { host: fake().host });
    const { message } = expectFailure(r, 1, 'INVALID_OUTPUT');
    expect(message).toMatch(/^The model's answer was still invalid in all 2 attempts: the reply is not valid JSON \(.+\); retry, lower --temperature or use a larger --model$/);
    expect(message).not.toMatch(/Reply with|JSON object/);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^warning: roadmap: attempt 1 failed \(the reply is not valid JSON\); asking the model to repair it$/);
    expect(lines[1]).toBe('warning: roadmap: attempt 2 failed (the reply is not valid JSON)');
  });

  it('makes exactly one request with --retries 0', async () => {
    fake().onChat(() => ({ content: '{not json' }));
    const r = await runCli([...ARGS, '--retries', '0'], { host: fake().host });
    const { message } = expectFailure(r, 1, 'INVALID_OUTPUT');
    expect(message).toContain('in 1 attempt:');
    expect(fake().chatRequests()).toHaveLength(1);
  });
});
