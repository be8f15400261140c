// --dry-run on every generator through the CLI in-process (test/support/in-process.ts): the exact request that a real run sends,
// zero requests reaching the server, nothing saved, nothing logged.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnvelope, tempHome } from './support/cli.js';
import { runInProcess as runCli } from './support/in-process.js';
import { jsonReply, makeRoadmap } from './support/fixtures.js';
import { useFake } from './support/spine.js';

const fake = useFake();

const GENERATORS: Array<[string, string[]]> = [
  ['roadmap', ['roadmap', '--role', 'Backend Developer', '--months', '2']],
  ['skills', ['skills', '--role', 'Backend Developer', '--skills', 'SQL,Docker']],
  ['interview', ['interview', '--role', 'Backend Developer', '--count', '3']],
  ['quiz', ['quiz', '--topic', 'SQL', '--count', '4']],
];

describe('--dry-run', () => {
  for (const [name, args] of GENERATORS) {
    it(`${name}: prints the request as JSON, sends nothing, saves nothing, logs nothing`, async () => {
      const home = tempHome();
      const r = await runCli([...args, '--dry-run', '--json', '--seed', '7'], { host: fake().host, home });
      expect(r.exitCode, r.stderr).toBe(0);
      expect(fake().requests).toHaveLength(0);
      expect(fs.readdirSync(home).filter((f) => !f.endsWith('.lock'))).toEqual(fs.existsSync(path.join(home, 'config.json')) ? ['config.json'] : []);
      const env = parseEnvelope(r.stdout);
      expect(env.success).toBe(true);
      expect(env.data.dry_run).toBe(true);
      expect(env.data.host).toBe(fake().url);
      expect(env.data.endpoint).toBe('/api/chat');
      const { request } = env.data;
      expect(Object.keys(request)).toEqual(['model', 'messages', 'format', 'stream', 'options']);
      expect(request.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user']);
      expect(request.options).toMatchObject({ num_ctx: 8192, seed: 7 });

      // The same command for real sends exactly that body first.
      fake().onChat(() => ({ fault: 'status', status: 400, error: 'stop here' }));
      await runCli([...args, '--json', '--seed', '7', '--retries', '0'], { host: fake().host, home });
      const sent = fake().chatRequests()[0]!.body;
      expect(request).toEqual(sent);
    });
  }

  it('prints the messages, options and schema readably without --json', async () => {
    const r = await runCli(['roadmap', '--role', 'Backend Developer', '--months', '12', '--dry-run'], { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(fake().requests).toHaveLength(0);
    expect(r.stdout).toMatch(/^Dry run: nothing was sent, nothing was saved\.\nWould POST http:\/\/127\.0\.0\.1:\d+\/api\/chat \(task: outline, schema: outline\)\n/);
    expect(r.stdout).toContain('model: mistral:7b-instruct-v0.3-q4_K_M');
    expect(r.stdout).toContain('options: {"num_ctx":8192,');
    expect(r.stdout).toContain('--- system ---\nYou are CareerForge');
    expect(r.stdout).toMatch(/--- user ---\nPlan a 12-month learning roadmap/);
    expect(r.stdout).toContain('--- format (JSON schema) ---\n{\n  "type": "object"');
    expect(r.stdout).toContain('Later requests (more months or batches, repairs of an invalid answer) depend on its answer');
    expect(r.stderr).toBe('');
  });

  it('is a usage error with bad input, as a real run is', async () => {
    const r = await runCli(['roadmap', '--role', 'Backend Developer', '--months', '99', '--dry-run'], { host: fake().host });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('careerforge: --months: must be a whole number from 1 to 24 (got 99)\n');
    expect(fake().requests).toHaveLength(0);
  });

  it('leaves earlier records alone', async () => {
    fake().reply(jsonReply(makeRoadmap(2)));
    const real = await runCli(['roadmap', '--role', 'Backend Developer', '--months', '2', '--json'], { host: fake().host });
    const before = fs.readFileSync(path.join(real.home, 'store.json'), 'utf8');
    const dry = await runCli(['roadmap', '--role', 'Backend Developer', '--months', '2', '--dry-run'], { host: fake().host, home: real.home });
    expect(dry.exitCode).toBe(0);
    expect(fs.readFileSync(path.join(real.home, 'store.json'), 'utf8')).toBe(before);
    expect(fake().requests).toHaveLength(1);
  });
});
