// Editable prompts through the CLI in-process (test/support/in-process.ts): a user copy made with `prompts edit` (a fake editor
// script) is what the fake server receives, `prompts reset` brings the shipped one back, and a
// copy with a missing or unknown placeholder stops the command before anything is sent, naming
// the file and line.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnvelope, ROOT, tempHome } from './support/cli.js';
import { runInProcess as runCli } from './support/in-process.js';
import { jsonReply, makeRoadmap } from './support/fixtures.js';
import { useFake } from './support/spine.js';

const fake = useFake();
const ROADMAP = ['roadmap', '--role', 'Backend Developer', '--months', '2', '--json'];

/** An editor script that runs `sed EXPR` on the file it is given, and records that it ran. */
function fakeEditor(dir: string, expr: string): string {
  const script = path.join(dir, 'editor.sh');
  fs.writeFileSync(script, `#!/bin/sh\necho "edited $1" >> "${dir}/editor.log"\nsed -i '${expr}' "$1"\n`, { mode: 0o755 });
  return script;
}

const userOf = (i: number) => String(fake().chatRequests()[i]!.body.messages[1].content);

describe('prompts', () => {
  it('an edited copy is used by the next command, and reset brings the shipped template back', async () => {
    const home = tempHome();
    const editor = fakeEditor(home, 's/^Create a month-by-month learning roadmap/OVERRIDE: Create a month-by-month learning roadmap/');
    const failed = await runCli(['prompts', 'edit', 'roadmap'], { home, env: { EDITOR: 'false', VISUAL: '' } });
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toBe(`careerforge: the editor "false" exited with 1; your copy is at ${path.join(home, 'prompts', 'roadmap.md')}\n`);

    const ok = await runCli(['prompts', 'edit', 'roadmap'], { home, env: { VISUAL: editor } });
    expect(ok.exitCode, ok.stderr).toBe(0);
    const copy = path.join(home, 'prompts', 'roadmap.md');
    expect(ok.stdout).toBe(`Saved your copy of roadmap (${copy}); it is used from now on.\n`);
    expect(fs.readFileSync(path.join(home, 'editor.log'), 'utf8')).toContain(`edited ${copy}`);

    const list = parseEnvelope((await runCli(['prompts', 'list', '--json'], { home })).stdout).data.prompts;
    expect(list.find((p: { name: string }) => p.name === 'roadmap')).toMatchObject({ source: 'user', path: copy, placeholders: ['profile', 'months', 'hours_per_week', 'schema'] });
    expect(list.find((p: { name: string }) => p.name === 'skills').source).toBe('shipped');
    const shown = await runCli(['prompts', 'show', 'roadmap'], { home });
    expect(shown.stdout).toBe(fs.readFileSync(copy, 'utf8'));
    const shipped = await runCli(['prompts', 'show', 'roadmap', '--shipped'], { home });
    expect(shipped.stdout).toBe(fs.readFileSync(path.join(ROOT, 'prompts', 'roadmap.md'), 'utf8'));

    fake().onChat(() => jsonReply(makeRoadmap(2)));
    expect((await runCli(ROADMAP, { host: fake().host, home })).exitCode).toBe(0);
    expect(userOf(0)).toMatch(/^OVERRIDE: Create a month-by-month learning roadmap/);

    const reset = await runCli(['prompts', 'reset', 'roadmap'], { home });
    expect(reset.stdout).toBe('Removed your copy of roadmap; the shipped template is used again.\n');
    expect(fs.existsSync(copy)).toBe(false);
    expect((await runCli(ROADMAP, { host: fake().host, home })).exitCode).toBe(0);
    expect(userOf(1)).toMatch(/^Create a month-by-month learning roadmap/);
    expect(userOf(1)).not.toContain('OVERRIDE');
  });

  it('an unknown or missing placeholder is an error naming the file and line, and nothing is sent', async () => {
    const home = tempHome();
    const dir = path.join(home, 'prompts');
    fs.mkdirSync(dir, { recursive: true });
    const shipped = fs.readFileSync(path.join(ROOT, 'prompts', 'roadmap.md'), 'utf8');
    const lines = shipped.split('\n');
    const schemaLine = lines.findIndex((l) => l.includes('{{schema}}')) + 1;
    fs.writeFileSync(path.join(dir, 'roadmap.md'), shipped.replace('{{schema}}', '{{shema}}'));
    const r = await runCli(ROADMAP, { host: fake().host, home });
    expect(r.exitCode).toBe(2);
    const file = path.join(dir, 'roadmap.md');
    expect(parseEnvelope(r.stdout).error).toEqual({
      code: 'INVALID_INPUT',
      message: `${file}:${schemaLine}: unknown placeholder {{shema}} (it takes {{profile}}, {{months}}, {{hours_per_week}}, {{schema}}) (and 1 more problem)`,
    });
    expect(fake().requests).toHaveLength(0);

    fs.writeFileSync(file, shipped.replace('{{schema}}', 'the schema'));
    const missing = await runCli(ROADMAP, { host: fake().host, home });
    expect(missing.exitCode).toBe(2);
    expect(parseEnvelope(missing.stdout).error!.message).toBe(
      `${file}:${lines.length}: placeholder {{schema}} is missing (the shipped template has it on line ${schemaLine}; \`careerforge prompts reset roadmap\` restores it)`,
    );
    expect(fake().requests).toHaveLength(0);

    // The editor path checks too, and says how to get out.
    const editor = fakeEditor(home, 's/{{months}}/{{ months }}/');
    const edit = await runCli(['prompts', 'edit', 'roadmap'], { home, env: { EDITOR: editor, VISUAL: undefined } });
    expect(edit.exitCode).toBe(2);
    expect(edit.stderr.trimEnd().split('\n').at(-1)).toMatch(/^careerforge: .*roadmap\.md:\d+: malformed placeholder "\{\{ months \}\}" .*; fix it with `careerforge prompts edit roadmap` or drop your copy with `careerforge prompts reset roadmap`$/);
  });

  it('says what is wrong with a name, a missing editor and stray files', async () => {
    const home = tempHome();
    const bad = await runCli(['prompts', 'show', 'roadmapp'], { home });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/^careerforge: no prompt named "roadmapp": use one of concise, .*roadmap, .*system \(see careerforge prompts list\)\n$/);
    const noEditor = await runCli(['prompts', 'edit', 'roadmap'], { home, env: { EDITOR: undefined, VISUAL: undefined } });
    expect(noEditor.exitCode).toBe(2);
    expect(noEditor.stderr).toBe('careerforge: set $VISUAL or $EDITOR to the editor to use, e.g. EDITOR=nano careerforge prompts edit roadmap\n');
    const p = await runCli(['prompts', 'path'], { home });
    expect(p.stdout).toBe(`${path.join(home, 'prompts')}\n`);

    fs.mkdirSync(path.join(home, 'prompts'), { recursive: true });
    fs.writeFileSync(path.join(home, 'prompts', 'notes.md'), 'my notes');
    fake().onChat(() => jsonReply(makeRoadmap(2)));
    const r = await runCli(ROADMAP, { host: fake().host, home });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(`warning: ${path.join(home, 'prompts', 'notes.md')} is not a CareerForge prompt and is ignored (see careerforge prompts list)\n`);
  });
});
