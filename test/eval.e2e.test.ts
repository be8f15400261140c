// `careerforge eval` once through the built binary (bin/careerforge.js -> dist/): the shipped
// profiles are found next to the bundle, the piped table has no escape codes, progress goes to stderr.
import { describe, expect, it } from 'vitest';
import { readStore, runCli } from './support/cli.js';
import { answerBySchema } from './support/answer-by-schema.js';
import { useFake } from './support/spine.js';

const fake = useFake();

describe('eval through the built binary', () => {
  it('prints the table on stdout, a line per case on stderr, and saves the run', async () => {
    answerBySchema(fake());
    const r = await runCli(['eval', '--profiles', '1', '--generators', 'roadmap,quiz'], { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Eval (e[0-9a-z]{6}) at .*: 1 profile × roadmap, quiz on mistral:7b-instruct-v0\.3-q4_K_M$/);
    expect(lines[2]).toMatch(/^model +generator +cases +first try +repaired +failed +failures +attempts +normalized +latency s +gen tokens +tokens\/s +your rating$/);
    expect(lines[4]).toMatch(/^mistral:7b-instruct-v0\.3-q4_K_M +roadmap +1 +1 +0 +0 +- +1\.00 +0 /);
    expect(lines[5]).toMatch(/^mistral:7b-instruct-v0\.3-q4_K_M +quiz +1 +1 +0 +0 +- +1\.00 +0 /);
    expect(r.stdout.includes('\u001b[')).toBe(false);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^eval \[1\/2\] mistral:7b-instruct-v0\.3-q4_K_M roadmap backend-junior: valid first try \(1 request, \d+\.\d s\)$/),
      expect.stringMatching(/^eval \[2\/2\] mistral:7b-instruct-v0\.3-q4_K_M quiz backend-junior: valid first try \(1 request, \d+\.\d s\)$/),
    ]);
    const id = /^Eval (e[0-9a-z]{6})/.exec(lines[0]!)![1]!;
    expect(readStore(r.home).evals[id].summary).toHaveLength(2);
  });
});
