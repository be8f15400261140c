// Bad input to `careerforge roadmap`: exit 2, one stderr line naming the field, and not a single
// request to the server. Plus --input files and stdin, which merge with flags (flags win).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnvelope, tempHome } from './support/cli.js';
import { runInProcess as runCli } from './support/in-process.js';
import { answerByFormat, expectBadInput, expectFailure, useFake } from './support/spine.js';

const fake = useFake();
const ROLE = ['roadmap', '--role', 'Backend Developer'];

function inputFile(content: string): string {
  const file = path.join(tempHome(), 'profile.json');
  fs.writeFileSync(file, content);
  return file;
}

describe('bad flags exit 2 before anything is sent', () => {
  const cases: Array<[string, string[], string | RegExp]> = [
    ['missing --role (stdin is not a terminal)', ['roadmap', '--months', '3'], 'missing --role'],
    ['--level expert', [...ROLE, '--level', 'expert'], '--level: must be one of beginner, intermediate, advanced (got "expert")'],
    ['--months 0', [...ROLE, '--months', '0'], '--months: must be a whole number from 1 to 24 (got 0)'],
    ['--months 25', [...ROLE, '--months', '25'], '--months: must be a whole number from 1 to 24 (got 25)'],
    ['--hours-per-week 81', [...ROLE, '--hours-per-week', '81'], '--hours-per-week: must be a whole number from 1 to 80 (got 81)'],
    ['--months abc', [...ROLE, '--months', 'abc'], '--months: expected a number, got "abc"'],
    ['a 10,000-character role', ['roadmap', '--role', 'x'.repeat(10_000)], '--role: must be at most 120 characters'],
    ['a role with control characters', ['roadmap', '--role', 'Dev\u001b[2J\u0007ops'], '--role: must not contain control characters'],
    ['an unknown option', [...ROLE, '--bogus'], "unknown option '--bogus'"],
    ['a mistyped option (the suggestion stays on the one line)', [...ROLE, '--mnths', '3'], "unknown option '--mnths' (Did you mean --months?)"],
    ['a host with another scheme', [...ROLE, '--host', 'ftp://x'], '--host has an unsupported scheme "ftp"'],
    ['a host with a bad port', [...ROLE, '--host', 'localhost:99999'], '--host has an invalid port "99999"'],
    ['--num-ctx 10', [...ROLE, '--num-ctx', '10'], /^careerforge: --num-ctx: .*512/],
    ['a --num-ctx too small for the prompt', [...ROLE, '--num-ctx', '512'], 'num_ctx=512 leaves no room for the answer to this prompt: raise --num-ctx'],
    ['--timeout 0', [...ROLE, '--timeout', '0'], '--timeout'],
    ['--temperature warm', [...ROLE, '--temperature', 'warm'], '--temperature: expected a number, got "warm"'],
  ];
  for (const [name, args, field] of cases) {
    it(name, async () => {
      const r = await runCli(args, { host: fake().host });
      expectBadInput(r, fake(), field);
      expect(r.stdout).toBe('');
    });
  }

  it('puts the error envelope on stdout under --json (INVALID_INPUT)', async () => {
    const r = await runCli([...ROLE, '--months', '25', '--json'], { host: fake().host });
    expectBadInput(r, fake(), '--months');
    expectFailure(r, 2, 'INVALID_INPUT');
  });

  it('puts the error envelope on stdout under --json (USAGE)', async () => {
    const r = await runCli([...ROLE, '--bogus', '--json'], { host: fake().host });
    expectBadInput(r, fake(), '--bogus');
    expectFailure(r, 2, 'USAGE');
  });
});

describe('--input', () => {
  it('rejects malformed JSON', async () => {
    const r = await runCli(['roadmap', '--input', inputFile('{"role": "Dev",'), '--json'], { host: fake().host });
    expectBadInput(r, fake(), '--input: malformed JSON');
    expectFailure(r, 2, 'INVALID_INPUT');
  });

  it('rejects an unknown key, naming it', async () => {
    const r = await runCli(['roadmap', '--input', inputFile('{"role": "Dev", "salary": 100000}')], { host: fake().host });
    expectBadInput(r, fake(), /--input salary: .*"salary"/);
  });

  it('names the field of the file that is wrong', async () => {
    const r = await runCli(['roadmap', '--input', inputFile('{"role": "Dev", "months": 99}')], { host: fake().host });
    expectBadInput(r, fake(), '--input months: must be a whole number from 1 to 24 (got 99)');
  });

  it('rejects a file that does not exist', async () => {
    const r = await runCli(['roadmap', '--input', 'missing.json'], { host: fake().host });
    expectBadInput(r, fake(), '--input: cannot read missing.json');
  });

  it('rejects a JSON value that is not an object', async () => {
    const r = await runCli(['roadmap', '--input', '-'], { host: fake().host, input: '["Dev"]' });
    expectBadInput(r, fake(), '--input: expected a JSON object');
  });

  it('reads the profile from stdin with -, and flags override its values', async () => {
    answerByFormat(fake(), 2, 5);
    const profile = { role: 'Data Engineer', level: 'intermediate', skills: ['SQL'], months: 6, hours_per_week: 5 };
    const r = await runCli(['roadmap', '--input', '-', '--months', '2', '--json'], { host: fake().host, input: JSON.stringify(profile) });
    expect(r.exitCode, r.stderr).toBe(0);
    const env = parseEnvelope(r.stdout);
    expect(env.data.roadmap).toHaveLength(2);
    const user = String(fake().chatRequests()[0]!.body.messages[1].content);
    const sent = JSON.parse(/<user_data name="profile">([\s\S]*)<\/user_data>/.exec(user)![1]!);
    expect(sent).toEqual({ ...profile, months: 2 });
  });
});
