// The response cache through the real CLI: --cache on a generator answers an identical request
// without the server, any change to the request misses, several processes share the local cache,
// `cache stats|clear` report and empty it, and a bad CAREERFORGE_CACHE is a usage error.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnvelope, runCli, tempHome } from './support/cli.js';
import { answerByFormat, useFake } from './support/spine.js';
import { standardModels } from './support/fake-ollama.js';

const fake = useFake();
const ARGS = ['roadmap', '--role', 'Backend Developer', '--months', '2', '--json'];

describe('response cache (local)', () => {
  it('answers an identical request from the cache, without a request to the server', async () => {
    answerByFormat(fake(), 2);
    const home = tempHome();
    const first = await runCli([...ARGS, '--cache'], { host: fake().host, home });
    expect(first.exitCode, first.stderr).toBe(0);
    const sent = fake().chatRequests().length;
    expect(sent).toBeGreaterThan(0);
    const second = await runCli([...ARGS, '--cache'], { host: fake().host, home });
    expect(second.exitCode, second.stderr).toBe(0);
    expect(fake().chatRequests()).toHaveLength(sent);
    expect(parseEnvelope(second.stdout).data).toEqual(parseEnvelope(first.stdout).data);
    expect(second.stderr).toBe('');
    const stats = parseEnvelope((await runCli(['cache', 'stats', '--json'], { home })).stdout).data;
    expect(stats).toMatchObject({ backend: 'local', enabled: true, entries: sent, hits: sent, misses: sent });
    expect(stats.location).toBe(path.join(home, 'cache', 'responses'));
  });

  it('is off without --cache: nothing stored, every run asks the server', async () => {
    answerByFormat(fake(), 2);
    const home = tempHome();
    await runCli(ARGS, { host: fake().host, home });
    const sent = fake().chatRequests().length;
    await runCli(ARGS, { host: fake().host, home });
    expect(fake().chatRequests()).toHaveLength(2 * sent);
    expect(fs.existsSync(path.join(home, 'cache'))).toBe(false);
  });

  it('misses when the seed, the temperature or the model build (digest) changes', async () => {
    answerByFormat(fake(), 2);
    const home = tempHome();
    const run = (...extra: string[]) => runCli([...ARGS, '--cache', ...extra], { host: fake().host, home });
    expect((await run('--seed', '1')).exitCode).toBe(0);
    const one = fake().chatRequests().length;
    await run('--seed', '1');
    expect(fake().chatRequests()).toHaveLength(one);
    await run('--seed', '2');
    expect(fake().chatRequests()).toHaveLength(2 * one);
    await run('--seed', '1', '--temperature', '0.9');
    expect(fake().chatRequests()).toHaveLength(3 * one);
    fake().setModels(standardModels().map((m) => ({ ...m, digest: 'f'.repeat(64) })));
    await run('--seed', '1');
    expect(fake().chatRequests()).toHaveLength(4 * one);
  });

  it('is shared safely by processes writing at the same time', async () => {
    answerByFormat(fake(), 2, 10, { chunkDelayMs: 5 });
    const home = tempHome();
    const runs = await Promise.all([1, 2, 3, 4].map(() => runCli([...ARGS, '--cache'], { host: fake().host, home })));
    for (const r of runs) expect(r.exitCode, r.stderr).toBe(0);
    const sent = fake().chatRequests().length;
    const again = await runCli([...ARGS, '--cache'], { host: fake().host, home });
    expect(again.exitCode).toBe(0);
    expect(fake().chatRequests()).toHaveLength(sent);
    expect(parseEnvelope(again.stdout).data).toEqual(parseEnvelope(runs[0]!.stdout).data);
  });

  it('cache clear empties it; stats and clear speak plain text too', async () => {
    answerByFormat(fake(), 2);
    const home = tempHome();
    await runCli([...ARGS, '--cache'], { host: fake().host, home });
    const entries = fake().chatRequests().length;
    const text = await runCli(['cache', 'stats'], { home });
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^entries   ${entries} \\(`, 'm'));
    const cleared = await runCli(['cache', 'clear'], { home });
    expect(cleared.stdout).toBe(`Removed ${entries} cached answer${entries === 1 ? '' : 's'} from ${path.join(home, 'cache', 'responses')}\n`);
    const stats = parseEnvelope((await runCli(['cache', 'stats', '--json'], { home })).stdout).data;
    expect(stats).toMatchObject({ entries: 0, bytes: 0, hits: 0, misses: 0 });
    await runCli([...ARGS, '--cache'], { host: fake().host, home });
    expect(fake().chatRequests()).toHaveLength(2 * entries);
  });

  it('rejects a CAREERFORGE_CACHE it does not understand (exit 2), and an unknown action', async () => {
    const bad = await runCli([...ARGS, '--cache'], { host: fake().host, env: { CAREERFORGE_CACHE: 'memcached://x' } });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe('careerforge: CAREERFORGE_CACHE: expected local, off or a redis://host:6379/0 URL, got "memcached://x"\n');
    expect(fake().requests).toHaveLength(0);
    const action = await runCli(['cache', 'purge']);
    expect(action.exitCode).toBe(2);
    expect(action.stderr).toBe('careerforge: cache: unknown action "purge": use stats or clear\n');
  });
});
