// Validation messages in plain English (src/core/zod-messages.ts), never zod's own wording, for
// flags, config values, --input JSON and the model's replies; and words in any case.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingSchemas, profileDefaultSchemas } from '../src/core/config/schema.js';
import { roadmapInputSchema } from '../src/core/roadmap/input-schema.js';
import { interviewInputSchema } from '../src/core/interview/schema.js';
import { quizInputSchema } from '../src/core/quiz/schema.js';
import { skillsInputSchema } from '../src/core/skills/schema.js';
import { roadmapSchema } from '../src/core/roadmap/schema.js';
import { describeIssues } from '../src/core/zod.js';
import { parseEnvelope, readStore, tempHome } from './support/cli.js';
import { runInProcess } from './support/in-process.js';
import { jsonReply, makeRoadmap } from './support/fixtures.js';
import { answerByFormat, useFake } from './support/spine.js';

const ZOD_WORDING = /Invalid input|Invalid option|Invalid string|Too small|Too big|expected (int|string|number|one of)|received|Unrecognized key|>=|<=/;

describe('flags, config and --input: one plain line, exit 2', () => {
  const cases: Array<[string, string[], string]> = [
    ['a fractional --months', ['roadmap', '--role', 'Dev', '--months', '1.5'], '--months: must be a whole number from 1 to 24 (got 1.5)'],
    ['an unknown --level', ['roadmap', '--role', 'Dev', '--level', 'Expert'], '--level: must be one of beginner, intermediate, advanced (got "Expert")'],
    ['config num_ctx below its minimum', ['config', 'set', 'num_ctx', '100'], 'config num_ctx: must be at least 512 (got 100)'],
    ['config num_ctx not whole', ['config', 'set', 'num_ctx', '1.5'], 'config num_ctx: must be a whole number (got 1.5)'],
    ['--temperature above 2', ['roadmap', '--role', 'Dev', '--temperature', '5'], '--temperature: must be at most 2 (got 5)'],
    ['--timeout 0', ['roadmap', '--role', 'Dev', '--timeout', '0'], '--timeout: must be more than 0 (got 0)'],
    ['an unknown --type', ['interview', '--role', 'Dev', '--type', 'chatty'], '--type: must be one of technical, behavioral, system-design, mixed (got "chatty")'],
    ['--retention out of range', ['quiz', '--topic', 'SQL', '--retention', '2'], '--retention: must be a number from 0.7 to 0.99 (got 2)'],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const r = await runInProcess([...args, '--json']);
      expect(r.stderr).toBe(`careerforge: ${message}\n`);
      expect(r.exitCode).toBe(2);
      expect(parseEnvelope(r.stdout).error!.message).toBe(message);
    });
  }

  it('names a wrong --input field the same way', async () => {
    const file = path.join(tempHome(), 'p.json');
    fs.writeFileSync(file, JSON.stringify({ role: 'Dev', level: 'guru', months: 3 }));
    const r = await runInProcess(['roadmap', '--input', file]);
    expect(r.stderr).toBe('careerforge: --input level: must be one of beginner, intermediate, advanced (got "guru")\n');
    expect(r.exitCode).toBe(2);
  });
});

describe('words in any case', () => {
  const fake = useFake();

  it('--level Advanced and an --input level "INTERMEDIATE" are the canonical words', async () => {
    answerByFormat(fake(), 2);
    const home = tempHome();
    const r = await runInProcess(['roadmap', '--role', 'Dev', '--months', '2', '--level', 'Advanced', '--json'], { host: fake().host, home });
    expect(r.exitCode, r.stderr).toBe(0);
    const id = parseEnvelope(r.stdout).meta.id as string;
    expect(readStore(home).roadmaps[id].input.level).toBe('advanced');

    const file = path.join(home, 'p.json');
    fs.writeFileSync(file, JSON.stringify({ role: 'Dev', level: ' INTERMEDIATE', months: 2 }));
    const again = await runInProcess(['roadmap', '--input', file, '--json'], { host: fake().host, home });
    expect(again.exitCode, again.stderr).toBe(0);
    expect(readStore(home).roadmaps[parseEnvelope(again.stdout).meta.id as string].input.level).toBe('intermediate');
  });

  it('interview --type System-Design, quiz --difficulty HARD and config set level Advanced', async () => {
    const home = tempHome();
    for (const args of [['interview', '--role', 'Dev', '--type', 'System-Design', '--level', 'Senior'], ['quiz', '--topic', 'SQL', '--difficulty', 'HARD']]) {
      const r = await runInProcess([...args, '--dry-run'], { host: fake().host, home });
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
    }
    expect((await runInProcess(['config', 'set', 'level', 'Advanced'], { home })).exitCode).toBe(0);
    expect((await runInProcess(['config', 'get', 'level'], { home })).stdout).toBe('advanced\n');
  });

  it('a reply missing a field says "missing" in the warning', async () => {
    const { final_outcome: _drop, ...partial } = makeRoadmap(2);
    fake().reply(jsonReply(partial), jsonReply(makeRoadmap(2)));
    const r = await runInProcess(['roadmap', '--role', 'Backend Developer', '--months', '2', '--json'], { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toBe('warning: roadmap: attempt 1 failed (the reply does not match the schema (final_outcome: missing)); asking the model to repair it\n');
  });
});

describe('no zod wording in any message', () => {
  const bad: unknown[] = [undefined, null, '', 'x'.repeat(300), 'Expert', -1, 0, 1.5, 1e9, true, [], [1, 2], {}, { surprise: 1 }];
  const schemas = {
    ...settingSchemas,
    ...Object.fromEntries(Object.entries(profileDefaultSchemas).map(([k, v]) => [`profile ${k}`, v])),
    roadmapInput: roadmapInputSchema,
    interviewInput: interviewInputSchema,
    quizInput: quizInputSchema,
    skillsInput: skillsInputSchema,
    roadmapReply: roadmapSchema,
  };
  for (const [name, schema] of Object.entries(schemas)) {
    it(name, () => {
      for (const value of bad) {
        const parsed = (schema as { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }).safeParse(value);
        if (parsed.success) continue;
        for (const line of describeIssues(parsed.error!.issues)) expect(line, `${name} ${JSON.stringify(value)}`).not.toMatch(ZOD_WORDING);
      }
    });
  }
});
