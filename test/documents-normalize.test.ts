// CVs and job ads as people have them: Windows line ends, old-Mac CRs, PDF-export form feeds, a
// BOM. They are normalised before validation (the prompt sees plain newlines); a real control
// character is still refused, by name and line, before anything reaches the server.
import { describe, expect, it } from 'vitest';
import { parseEnvelope } from './support/cli.js';
import { runInProcess as runCli } from './support/in-process.js';
import { documentFile as file, documentSent } from './support/documents.js';
import { jsonReply } from './support/fixtures.js';
import { makeSkillsReport } from './support/skills-fixtures.js';
import { expectBadInput, useFake } from './support/spine.js';

const fake = useFake();
const BASE = ['skills', '--role', 'Backend Developer', '--json'];
const CV = '\ufeff# Jane\r\nTypeScript for 3 years.\r\nOld line\rPage two\fSQL at work.\r\n';
const NORMALISED = '# Jane\nTypeScript for 3 years.\nOld line\nPage two\nSQL at work.\n';

describe('documents with CRLF, CR, form feeds and a BOM', () => {
  it('accepts them in --resume and sends plain newlines', async () => {
    fake().reply(jsonReply(makeSkillsReport()));
    const r = await runCli([...BASE, '--resume', file('cv.md', CV)], { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(parseEnvelope(r.stdout).success).toBe(true);
    expect(documentSent(fake(), 'cv')).toBe(NORMALISED);
  });

  it('accepts them in --job', async () => {
    fake().reply(jsonReply(makeSkillsReport()));
    const r = await runCli([...BASE, '--skills', 'SQL', '--job', file('job.txt', CV)], { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(documentSent(fake(), 'job_description')).toBe(NORMALISED);
  });

  it('accepts them on stdin (--resume -)', async () => {
    fake().reply(jsonReply(makeSkillsReport()));
    const r = await runCli([...BASE, '--resume', '-'], { host: fake().host, input: CV });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(documentSent(fake(), 'cv')).toBe(NORMALISED);
  });

  it('accepts them inside --input JSON strings, and a BOM before the JSON itself', async () => {
    fake().reply(jsonReply(makeSkillsReport()));
    const input = file('profile.json', `\ufeff${JSON.stringify({ role: '\ufeffBackend Developer', resume: CV, goal: 'Lead\r\na team' })}\r\n`);
    const r = await runCli(['skills', '--input', input, '--json'], { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(documentSent(fake(), 'cv')).toBe(NORMALISED);
    const prompt = String(fake().chatRequests()[0]!.body.messages.at(-1).content);
    expect(prompt).toContain('"goal": "Lead\\na team"');
    expect(prompt).toContain('"target_role": "Backend Developer"');
  });

  it('still refuses a real control character, naming it and its line', async () => {
    const r = await runCli([...BASE, '--resume', file('cv.md', '# Jane\r\nTypeScript\r\nSQL \u001b[31m at work\r\n')], { host: fake().host });
    const line = expectBadInput(r, fake(), '--resume: must not contain control characters (U+001B ESC on line 3, column 5)');
    expect(parseEnvelope(r.stdout).error!.message).toBe(line.replace(/^careerforge: /, ''));
  });

  it('names the character in a one-line field too', async () => {
    const r = await runCli(['roadmap', '--role', 'Dev\u0007ops', '--json'], { host: fake().host });
    expectBadInput(r, fake(), '--role: must not contain control characters (U+0007 BEL)');
  });
});
