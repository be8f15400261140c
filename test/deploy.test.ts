// Deployment files (Modelfile, llm-service/) checked without Docker or Ollama: the Modelfile and the
// compose file are parsed, the scripts go through shellcheck, and health-check.sh plus the compose
// healthcheck command run for real against a tiny HTTP server speaking Ollama's wire shapes.
import { describe, it, expect, beforeAll, beforeEach, afterAll } from 'vitest';
import { readFile, readdir, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { parse, parseDocument } from 'yaml';
import { checkModelfile, parameterValues, parseModelfile } from './support/modelfile.js';
import { runInProcess } from './support/in-process.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const scriptsDir = path.join(root, 'llm-service', 'scripts');
const healthCheck = path.join(scriptsDir, 'health-check.sh');
const MISTRAL = 'mistral:7b-instruct-v0.3-q4_K_M';

// Scripts run with a clean environment so a developer's own OLLAMA_HOST or CAREERFORGE_MODEL cannot leak in.
function run(file: string, args: string[], env: Record<string, string> = {}) {
  return execa(file, args, { reject: false, extendEnv: false, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 });
}

async function requireTool(tool: string, pkg: string): Promise<void> {
  const found = await execa('sh', ['-c', `command -v ${tool}`], { reject: false });
  // Fail rather than skip: a skipped check would let broken deploy scripts through CI unnoticed.
  if (found.exitCode !== 0) throw new Error(`${tool} is not installed: run \`apt-get install -y ${pkg}\` (CI: .ci/run)`);
}

describe('Modelfile', () => {
  const sample = `# comment
from llama3.2
ADAPTER ./lora.gguf
PARAMETER num_ctx 4096
PARAMETER stop "<|eot_id|>"
TEMPLATE """{{ .System }}
{{ .Prompt }}"""
SYSTEM """
  multi-line
"""
LICENSE """MIT"""
MESSAGE user Is Rust hard?
MESSAGE assistant "Only at first."`;

  it('parses every instruction kind, comments and triple-quoted values', () => {
    const ins = parseModelfile(sample);
    expect(ins.map((i) => i.name)).toEqual(['FROM', 'ADAPTER', 'PARAMETER', 'PARAMETER', 'TEMPLATE', 'SYSTEM', 'LICENSE', 'MESSAGE', 'MESSAGE']);
    expect(ins[4]?.value).toBe('{{ .System }}\n{{ .Prompt }}');
    expect(ins[5]?.value).toBe('\n  multi-line\n');
    expect(ins[3]).toMatchObject({ key: 'stop', value: '<|eot_id|>' });
    expect(ins[8]).toMatchObject({ key: 'assistant', value: 'Only at first.', line: 13 });
    expect(checkModelfile(sample)).toEqual([]);
  });

  it('the repo Modelfile is valid, FROM first, with the coach settings', async () => {
    const text = await readFile(path.join(root, 'Modelfile'), 'utf8');
    expect(checkModelfile(text)).toEqual([]);
    const ins = parseModelfile(text);
    expect(ins[0]).toMatchObject({ name: 'FROM', value: MISTRAL });
    expect(parameterValues(ins, 'num_ctx')).toEqual(['8192']);
    const [temperature] = parameterValues(ins, 'temperature').map(Number);
    expect(temperature).toBeGreaterThan(0);
    expect(temperature).toBeLessThanOrEqual(0.7);
    expect(parameterValues(ins, 'stop')).toEqual(expect.arrayContaining(['[INST]', '[/INST]', '</s>']));
    const system = ins.filter((i) => i.name === 'SYSTEM');
    expect(system).toHaveLength(1);
    expect(system[0]?.value).toMatch(/JSON/);
    expect(system[0]?.value).toMatch(/never as instructions/i);
    expect(system[0]?.value).toMatch(/time-boxed/i);
  });

  it.each([
    ['no FROM', 'PARAMETER num_ctx 8192', /no FROM instruction/],
    ['FROM not first', `PARAMETER num_ctx 8192\nFROM ${MISTRAL}`, /FROM must be the first/],
    ['unknown PARAMETER', `FROM ${MISTRAL}\nPARAMETER num_ctxx 8192`, /unknown PARAMETER "num_ctxx"/],
    ['non-integer num_ctx', `FROM ${MISTRAL}\nPARAMETER num_ctx 8k`, /num_ctx must be an integer/],
    ['non-numeric temperature', `FROM ${MISTRAL}\nPARAMETER temperature warm`, /temperature must be a number/],
    ['bad boolean', `FROM ${MISTRAL}\nPARAMETER use_mmap yes`, /use_mmap must be true or false/],
    ['unterminated """', `FROM ${MISTRAL}\nSYSTEM """never closed`, /line 2: unterminated """/],
    ['unknown instruction', `FROM ${MISTRAL}\nSYSTEMS hi`, /unknown instruction "SYSTEMS"/],
    ['bad MESSAGE role', `FROM ${MISTRAL}\nMESSAGE bot hi`, /MESSAGE role/],
  ])('rejects a broken Modelfile: %s', (_label, text, problem) => {
    expect(checkModelfile(text)).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });
});

describe('llm-service/docker-compose.yml', () => {
   
  let compose: any, ollama: any;
  beforeAll(async () => {
    compose = parse(await readFile(path.join(root, 'llm-service', 'docker-compose.yml'), 'utf8'));
    ollama = compose.services.ollama;
  });

  it('pins the ollama image, restarts, and sets the queue/parallel/keep-alive knobs', () => {
    expect(ollama.image).toMatch(/^ollama\/ollama:\d+\.\d+\.\d+$/);
    expect(ollama.restart).toBe('unless-stopped');
    expect(Object.keys(ollama.environment)).toEqual(expect.arrayContaining(['OLLAMA_KEEP_ALIVE', 'OLLAMA_MAX_QUEUE', 'OLLAMA_NUM_PARALLEL']));
  });

  it('keeps models on a named volume', () => {
    const mount = (ollama.volumes as string[]).find((v) => v.endsWith(':/root/.ollama'));
    expect(mount).toBeDefined();
    const name = mount?.split(':')[0] ?? '';
    expect(name).toMatch(/^[a-z][\w.-]*$/); // a name, not a host path
    expect(Object.keys(compose.volumes ?? {})).toContain(name);
  });

  it('reserves NVIDIA GPUs', () => {
    expect(ollama.deploy.resources.reservations.devices).toEqual([{ driver: 'nvidia', count: 'all', capabilities: ['gpu'] }]);
  });

  it('publishes 11434 on 127.0.0.1 only', () => {
    expect(ollama.ports).toEqual(['127.0.0.1:11434:11434']);
  });

  it('the CPU override resets the GPU reservation', async () => {
    const doc = parseDocument(await readFile(path.join(root, 'llm-service', 'docker-compose.cpu.yml'), 'utf8'));
    expect(doc.errors).toEqual([]);
    expect(String(doc)).toMatch(/deploy: !reset \{\}/);
  });

  describe('healthcheck', () => {
    let command = '';
    beforeAll(() => {
      const test = ollama.healthcheck.test as string[];
      expect(test.slice(0, 3)).toEqual(['CMD', 'bash', '-c']);
      command = test[3] ?? '';
    });

    it('asks /api/version on the container port, with every $ escaped for Compose', () => {
      expect(command).toContain('/dev/tcp/127.0.0.1/11434');
      expect(command).toContain('GET /api/version');
      // A lone `$` would be swallowed by Compose's variable interpolation.
      expect(command.replaceAll('$$', '')).not.toContain('$');
    });

    // Run what Docker would run (after Compose turns `$$` into `$`), pointed at a test port.
    const runHealthcheck = (port: number) =>
      execa('bash', ['-c', command.replaceAll('$$', '$').replace('/dev/tcp/127.0.0.1/11434', `/dev/tcp/127.0.0.1/${port}`)], {
        reject: false,
        timeout: 15_000,
      });

    it('passes against a server answering /api/version', async () => {
      expect((await runHealthcheck(fake.port)).exitCode).toBe(0);
    });

    it('fails on an HTTP error and when nothing listens', async () => {
      fake.versionStatus = 500;
      expect((await runHealthcheck(fake.port)).exitCode).not.toBe(0);
      expect((await runHealthcheck(await closedPort())).exitCode).not.toBe(0);
    });
  });
});

describe('llm-service/scripts', () => {
  it('every script is executable, strict, bounds curl, and passes shellcheck', async () => {
    await requireTool('shellcheck', 'shellcheck');
    const scripts = (await readdir(scriptsDir)).filter((f) => f.endsWith('.sh')).sort();
    expect(scripts).toEqual(expect.arrayContaining(['benchmark.sh', 'health-check.sh', 'setup.sh']));
    for (const name of scripts) {
      const file = path.join(scriptsDir, name);
      expect((await stat(file)).mode & 0o111, `${name} is not executable`).toBe(0o111);
      const text = await readFile(file, 'utf8');
      expect(text, name).toMatch(/^#!\/usr\/bin\/env bash\n/);
      expect(text, name).toMatch(/^set -euo pipefail$/m);
      for (const line of text.split('\n').filter((l) => /\bcurl --/.test(l))) expect(line, name).toContain('--max-time');
    }
    const result = await execa('shellcheck', scripts.map((s) => path.join(scriptsDir, s)), { reject: false });
    expect(result.exitCode, `${result.stdout}`).toBe(0);
  });
});

describe('health-check.sh', () => {
  beforeAll(() => requireTool('curl', 'curl'));

  it('exits 0 when the model is listed (explicit, untagged, or from CAREERFORGE_MODEL)', async () => {
    const env = { OLLAMA_HOST: `127.0.0.1:${fake.port}` };
    const ok = await run(healthCheck, ['llama3.2:latest'], env);
    expect(ok.stderr).toBe('');
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toMatch(/^ok: Ollama 0\.5\.1 at http:\/\/127\.0\.0\.1:\d+ has llama3\.2:latest$/);
    expect((await run(healthCheck, ['llama3.2'], env)).exitCode).toBe(0);
    expect((await run(healthCheck, [], { ...env, CAREERFORGE_MODEL: 'deepseek-r1:latest' })).exitCode).toBe(0);
    fake.models.push(MISTRAL);
    expect((await run(healthCheck, [], env)).exitCode).toBe(0);
  });

  it('exits 1 with one line on stderr when the model is missing', async () => {
    const res = await run(healthCheck, [], { OLLAMA_HOST: `127.0.0.1:${fake.port}` });
    expect(res.exitCode).toBe(1);
    expect(res.stderr).toMatch(/^health-check: .*model mistral:7b-instruct-v0\.3-q4_K_M is not pulled.*$/);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 1 when nothing listens', async () => {
    const res = await run(healthCheck, ['llama3.2'], { OLLAMA_HOST: `127.0.0.1:${await closedPort()}` });
    expect(res.exitCode).toBe(1);
    expect(res.stderr).toMatch(/^health-check: no Ollama server at http:\/\/127\.0\.0\.1:\d+ /);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 1 when /api/tags fails', async () => {
    fake.tagsStatus = 500;
    const res = await run(healthCheck, ['llama3.2'], { OLLAMA_HOST: `http://127.0.0.1:${fake.port}/` });
    expect(res.exitCode).toBe(1);
    expect(res.stderr).toMatch(/answered \/api\/version but not \/api\/tags/);
  });

  it.each([
    ['', 'http://127.0.0.1:11434'],
    ['example.org', 'http://example.org:11434'],
    ['example.org:8080', 'http://example.org:8080'],
    ['http://example.org', 'http://example.org:80'],
    ['https://example.org', 'https://example.org:443'],
    ['https://example.org:8443/ollama/', 'https://example.org:8443/ollama'],
    [' "0.0.0.0" ', 'http://0.0.0.0:11434'],
    ['[::1]:9000', 'http://[::1]:9000'],
  ])('reads OLLAMA_HOST=%j as Ollama does: %s', async (host, url) => {
    const res = await run(healthCheck, ['--print-url'], host === '' ? {} : { OLLAMA_HOST: host });
    expect(res.stdout).toBe(url);
  });

  it('refuses a host careerforge refuses, with its message (exit 2)', async () => {
    const res = await run(healthCheck, ['llama3.2'], { OLLAMA_HOST: `http://127.0.0.1:${fake.port}/api` });
    expect(res.exitCode).toBe(2);
    expect(res.stderr).toBe(`health-check: OLLAMA_HOST has a path (/api): use http://127.0.0.1:${fake.port} (careerforge adds /api itself)`);
  });

  // Every form, both readers: the same URL, or both refuse with the same message and exit 2.
  it.each([
    '', '  ', 'example.org', 'example.org:8080', 'http://example.org', 'https://example.org', 'HTTPS://Example.org:8443',
    'https://example.org:8443/ollama/', ' "0.0.0.0" ', "'127.0.0.1:11434'", ':1234', '[::1]', '[::1]:9000', '::1', '::ffff:1.2.3.4',
    '2001:db8::8a2e:370:7334', '1:2:3:4:5:6:7:8', 'http://example.org/apiary', 'example.org:080',
    'http://me:pw@example.org', 'me@10.0.0.5:8080', 'https://me:p%40ss@[::1]:9/proxy/',
    'example.org:99999', 'example.org:', 'example.org:abc', 'ftp://x', 'http://127.0.0.1:11434/api', 'h:1/api/', 'https://h/ollama/api/chat',
    'http://x:1:2', '1:2:3:4:5:6:7:8:9', ':::1', '[nope]:80', '[::1]:', 'h:1?x=1', 'h:1#frag', 'exa mple:1', '@h:1', 'http://:pw@h',
    'exa|mple', 'fe80::1%eth0', ' "h:x" ',
  ])('OLLAMA_HOST=%j: health-check.sh and the CLI agree', async (host) => {
    const [script, cli] = await Promise.all([
      run(healthCheck, ['--print-url'], { OLLAMA_HOST: host }),
      runInProcess(['config', 'get', 'host', '--json'], { env: { OLLAMA_HOST: host } }),
    ]);
    if (cli.exitCode === 0) {
      expect({ code: script.exitCode, url: script.stdout, err: script.stderr }).toEqual({ code: 0, url: JSON.parse(cli.stdout).data.value, err: '' });
    } else {
      expect(cli.exitCode).toBe(2);
      expect({ code: script.exitCode, out: script.stdout, err: `${script.stderr}\n` }).toEqual({ code: 2, out: '', err: cli.stderr.replace(/^careerforge: /, 'health-check: ') });
    }
  });
});

// --- a tiny Ollama stand-in: /api/version and /api/tags shaped like test/fixtures/ollama-wire ---------------

interface Fake { server: Server; port: number; models: string[]; versionStatus: number; tagsStatus: number }
let fake: Fake;

const tagsEntry = (name: string) => ({
  name, model: name, modified_at: '2025-05-04T17:37:44.706015396-07:00', size: 2019393189,
  digest: 'a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72',
  details: { parent_model: '', format: 'gguf', family: 'llama', families: ['llama'], parameter_size: '3.2B', quantization_level: 'Q4_K_M' },
});

beforeAll(async () => {
  const server = createServer((req, res) => {
    const [status, body] =
      req.url === '/api/version' ? [fake.versionStatus, { version: '0.5.1' }]
      : req.url === '/api/tags' ? [fake.tagsStatus, { models: fake.models.map(tagsEntry) }]
      : [404, { error: '404 page not found' }];
    // Errors use Ollama's {"error": "..."} body.
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(status === 200 ? body : { error: 'boom' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake = { server, port: (server.address() as AddressInfo).port, models: [], versionStatus: 200, tagsStatus: 200 };
});

// Each test starts from the default catalogue and healthy endpoints.
beforeEach(() => {
  Object.assign(fake, { models: ['deepseek-r1:latest', 'llama3.2:latest'], versionStatus: 200, tagsStatus: 200 });
});

afterAll(() => new Promise<void>((resolve) => fake.server.close(() => resolve())));

/** A port that was just free and has nothing listening on it. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
