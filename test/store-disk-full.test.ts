// A full disk after a finished generation must not lose the result: it is shown, then the command
// fails with STORE_ERROR naming the cause (exit 1); with --json one failure envelope carries both
// (error STORE_ERROR, the result under data). The failure is injected through the commands layer's
// test seam CAREERFORGE_TEST_STORE_WRITE_ERROR (a real full disk is not available). Built CLI.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnvelope, runCli, tempHome } from './support/cli.js';
import { answerByFormat, useFake } from './support/spine.js';

const fake = useFake();
const ROADMAP = ['roadmap', '--role', 'Backend Developer', '--months', '1'];
const FULL = { CAREERFORGE_TEST_STORE_WRITE_ERROR: 'ENOSPC' };
const cause = (home: string) => `Cannot save ${path.join(home, 'store.json')} (ENOSPC, no space left on device: free some disk space and run again)`;

describe('a full disk after a finished generation', () => {
  it('--json: success false, error STORE_ERROR naming ENOSPC, and the result under data', async () => {
    answerByFormat(fake(), 1);
    const ok = parseEnvelope((await runCli([...ROADMAP, '--json'], { host: fake().host })).stdout);
    const home = tempHome();
    const r = await runCli([...ROADMAP, '--json'], { host: fake().host, home, env: FULL });
    expect(r.exitCode).toBe(1);
    const env = parseEnvelope(r.stdout);
    expect(env.success).toBe(false);
    expect(env.error).toEqual({ code: 'STORE_ERROR', message: `the result was not saved: ${cause(home)}; it is in data` });
    expect(env.data).toEqual(ok.data);
    expect(env.meta.id).toBeUndefined();
    expect(r.stderr).toBe(`careerforge: the result was not saved: ${cause(home)}; it is in data\n`);
    expect(fs.existsSync(path.join(home, 'store.json'))).toBe(false);
  });

  it('text: the plan on stdout as always, then the STORE_ERROR on stderr, exit 1', async () => {
    answerByFormat(fake(), 1);
    const ok = await runCli(ROADMAP, { host: fake().host });
    const home = tempHome();
    const r = await runCli(ROADMAP, { host: fake().host, home, env: FULL });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('Month 1');
    // The same view as a saved run's, less the footer (timings, and the id only a saved run has).
    const body = (text: string) => text.split('\n').filter((line) => !line.startsWith('mistral:') && !/\b[rsiz][0-9a-z]{6}\b/.test(line));
    expect(body(r.stdout)).toEqual(body(ok.stdout));
    expect(body(r.stdout).length).toBeGreaterThan(10);
    expect(r.stderr).toBe(`careerforge: the result was not saved: ${cause(home)}; it is shown above\n`);
  });
});
