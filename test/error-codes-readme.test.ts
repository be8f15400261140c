// The README is the contract scripts read: its error-code table must name every code the CLI can
// emit, and `meta.attempts` must count what it says it counts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnvelope, ROOT, tempHome } from './support/cli.js';
import { runInProcess } from './support/in-process.js';
import { jsonReply, makeRoadmap } from './support/fixtures.js';
import { useFake } from './support/spine.js';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** Every .ts/.tsx file under src/. */
function sources(dir = path.join(ROOT, 'src')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The codes of the README's "Exit codes and error codes" table. */
function readmeCodes(): Set<string> {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## Exit codes and error codes'));
  const table = section.slice(0, section.indexOf('\n## '));
  return new Set([...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]!));
}

describe('the README error-code table', () => {
  it('lists every code of src/core/errors.ts and every code string the sources emit', () => {
    const union = /export type ErrorCode =([^;]+);/.exec(read('src/core/errors.ts'))![1]!;
    const declared = [...union.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]!);
    expect(declared).toContain('NOT_FOUND');
    expect(declared).toContain('INTERNAL');
    const emitted = sources().flatMap((file) => [
      ...fs.readFileSync(file, 'utf8').matchAll(/(?:CareerForgeError\(\s*|code: |UsageError\([^;]*?, )'([A-Z][A-Z_]+)'/g),
    ]).map((m) => m[1]!);
    const table = readmeCodes();
    const missing = [...new Set([...declared, ...emitted])].filter((code) => !table.has(code));
    expect(missing).toEqual([]);
    // And nothing in the table that the CLI cannot emit.
    expect([...table].filter((code) => !declared.includes(code))).toEqual([]);
  });
});

describe('meta.attempts (README "How generation works")', () => {
  const fake = useFake();
  const ARGS = ['roadmap', '--role', 'Backend Developer', '--months', '2', '--json'];

  it('counts every request the model answered or failed: a repair and a retried stream fault are attempts, a 503 retry is not', async () => {
    fake().reply(
      { fault: 'status', status: 503, error: 'server busy' },
      { content: '{"not": "a roadmap"}' },
      { fault: 'cut', content: '{"career' },
      jsonReply(makeRoadmap(2)),
    );
    const r = await runInProcess(ARGS, { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    const { meta } = parseEnvelope(r.stdout);
    expect(fake().chatRequests()).toHaveLength(4);
    expect(meta).toMatchObject({ attempts: 3, calls: 1, strategy: 'single' });
  });

  it('is 0 (and calls 0) for an answer from --cache', async () => {
    const home = tempHome();
    fake().reply(jsonReply(makeRoadmap(2)));
    const first = await runInProcess([...ARGS, '--cache'], { host: fake().host, home });
    expect(parseEnvelope(first.stdout).meta).toMatchObject({ attempts: 1, calls: 1 });
    const second = await runInProcess([...ARGS, '--cache'], { host: fake().host, home });
    expect(second.exitCode, second.stderr).toBe(0);
    expect(parseEnvelope(second.stdout).meta).toMatchObject({ attempts: 0, calls: 0 });
    expect(fake().chatRequests()).toHaveLength(1);
  });
});
