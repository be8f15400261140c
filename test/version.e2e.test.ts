// `careerforge --version` and `--version --json` through the built CLI.
import { describe, expect, it } from 'vitest';
import { parseEnvelope, runCli } from './support/cli.js';

describe('--version', () => {
  it('prints the bare version, or with --json the version, Node, platform, model and host', async () => {
    const plain = await runCli(['--version']);
    expect(plain.exitCode).toBe(0);
    expect(plain.stdout).toBe('0.1.0\n');
    const r = await runCli(['--version', '--json'], { host: '10.0.0.5:11500', env: { CAREERFORGE_MODEL: 'llama3.1:8b' } });
    expect(r.exitCode, r.stderr).toBe(0);
    const env = parseEnvelope(r.stdout);
    expect(env.data).toEqual({
      version: '0.1.0', node: process.versions.node, platform: process.platform, arch: process.arch, provider: 'ollama',
      model: 'llama3.1:8b', model_source: 'env', host: 'http://10.0.0.5:11500', host_source: 'env', home: r.home,
    });
    const configured = await runCli(['config', 'set', 'model', 'careerforge'], { home: r.home });
    expect(configured.exitCode).toBe(0);
    const again = parseEnvelope((await runCli(['-V', '--json'], { home: r.home, host: '' })).stdout).data;
    expect([again.model, again.model_source, again.host, again.host_source]).toEqual(['careerforge', 'config', 'http://127.0.0.1:11434', 'default']);
  });

  it('with --json and a bad setting, the error envelope and exit 2', async () => {
    const r = await runCli(['--version', '--json'], { env: { CAREERFORGE_MODEL: 'bad model!' } });
    expect(r.exitCode).toBe(2);
    const env = parseEnvelope(r.stdout);
    expect([env.success, env.error?.code]).toEqual([false, 'USAGE']);
    expect(r.stderr).toMatch(/^careerforge: CAREERFORGE_MODEL: .*\n$/);
  });
});
