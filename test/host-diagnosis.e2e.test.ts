// A wrong host is said to be a wrong host (issue 9): a pasted /api path, a server that is not
// Ollama, https:// against plain HTTP, user:password@, a host with stray colons. "Not pulled" only
// when the server is Ollama and /api/tags lacks the model. Through the built CLI, so anything
// ollama-js prints on its own (its "Getting text from response") would show in stdout or stderr.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEnvelope, runCli } from './support/cli.js';
import { jsonReply } from './support/fixtures.js';
import { DEFAULT_MODEL, expectFailure, useFake } from './support/spine.js';

const fake = useFake();
const ROADMAP = ['roadmap', '--role', 'Backend Developer', '--months', '1', '--json'];
const STRAY = /Getting text from response|Failed to parse error response|Failed to get text/;

let other: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (other ? other.close(() => resolve()) : resolve()));
  other = undefined;
});

/** A web server that is not Ollama: every path answers `status` with `body` of `type`. */
async function notOllama(status: number, type: string, body: string): Promise<number> {
  other = createServer((_req, res) => {
    res.writeHead(status, { 'Content-Type': type });
    res.end(body);
  });
  await new Promise<void>((resolve) => other!.listen(0, '127.0.0.1', resolve));
  return (other.address() as AddressInfo).port;
}

function noStrayOutput(r: { stdout: string; stderr: string }): void {
  expect(r.stdout).not.toMatch(STRAY);
  expect(r.stderr).not.toMatch(STRAY);
}

describe('a path in OLLAMA_HOST', () => {
  it('/api is refused before any request, naming the path and the host to use (exit 2)', async () => {
    const host = `http://127.0.0.1:${fake().port}/api`;
    for (const args of [['health'], ROADMAP]) {
      const r = await runCli(args, { host });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toBe(`careerforge: OLLAMA_HOST has a path (/api): use http://127.0.0.1:${fake().port} (careerforge adds /api itself)\n`);
    }
    const flag = await runCli(['health', '--host', `127.0.0.1:${fake().port}/api/`]);
    expect(flag.stderr).toBe(`careerforge: --host has a path (/api): use http://127.0.0.1:${fake().port} (careerforge adds /api itself)\n`);
    expect(fake().requests).toHaveLength(0);
  });

  it('a proxy prefix that does not serve Ollama: not an Ollama server, with the path named in the fix', async () => {
    const host = `http://127.0.0.1:${fake().port}/ollama`;
    const r = await runCli(['health'], { host });
    expect(r.exitCode).toBe(1);
    expect(r.stdout.replace(/ \(\d+ ms\)/g, '')).toBe(
      [
        `FAIL  Server     ${host} is not an Ollama server (GET /api/version answered 404)`,
        `      fix: OLLAMA_HOST / --host has a path (/ollama): use http://127.0.0.1:${fake().port} unless a proxy serves Ollama under it`,
        'SKIP  Model      not an Ollama server',
        'SKIP  Round trip not an Ollama server',
        'SKIP  Loaded     not an Ollama server',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('careerforge: health check "server" failed\n');
    noStrayOutput(r);
  });
});

describe('a server that is not Ollama', () => {
  it('answering 404 to everything: health and roadmap say so, never "ollama pull"', async () => {
    const port = await notOllama(404, 'text/plain', '404 page not found');
    const host = `http://127.0.0.1:${port}`;
    const health = await runCli(['health', '--json'], { host });
    const { message } = expectFailure(health, 1, 'CHECK_FAILED');
    expect(message).toBe(
      `health check "server" failed: ${host} is not an Ollama server (GET /api/version answered 404) (fix: point OLLAMA_HOST / --host at Ollama (port 11434 unless it was changed))`,
    );
    expect(parseEnvelope(health.stdout).data.checks.map((c: { detail: string }) => c.detail).slice(1)).toEqual(['not an Ollama server', 'not an Ollama server', 'not an Ollama server']);

    const roadmap = await runCli(ROADMAP, { host });
    expect(expectFailure(roadmap, 1, 'OLLAMA_ERROR').message).toBe(
      `${host} is not an Ollama server (GET /api/version answered 404): point OLLAMA_HOST / --host at Ollama (port 11434 unless it was changed)`,
    );
    for (const r of [health, roadmap]) {
      expect(r.stderr).not.toContain('pull');
      noStrayOutput(r);
    }
  });

  it('an HTML error page in text mode prints none of ollama-js\'s own lines', async () => {
    const port = await notOllama(404, 'text/html', '<html><body><h1>404 Not Found</h1><hr>nginx</body></html>');
    const r = await runCli(['roadmap', '--role', 'Backend Developer', '--months', '1'], { host: `127.0.0.1:${port}` });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`careerforge: http://127.0.0.1:${port} is not an Ollama server (GET /api/version answered 404): point OLLAMA_HOST / --host at Ollama (port 11434 unless it was changed)\n`);
  });

  it('a broken JSON error body (500) is reported without ollama-js\'s "Failed to parse" line', async () => {
    const port = await notOllama(500, 'application/json', '{oops');
    const r = await runCli(['health'], { host: `127.0.0.1:${port}` });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^FAIL {2}Server {5}http:\/\/127\.0\.0\.1:\d+ is not an Ollama server \(GET \/api\/version answered 500\)/);
    noStrayOutput(r);
  });

  it('a model that is really absent from an Ollama server is "not pulled"', async () => {
    fake().setModels([]);
    const r = await runCli(ROADMAP, { host: fake().host });
    expect(expectFailure(r, 1, 'MODEL_NOT_FOUND').message).toBe(
      `Model ${DEFAULT_MODEL} is not pulled: run \`ollama pull ${DEFAULT_MODEL}\` (or \`careerforge setup\`)`,
    );
    // It asked before saying so: the failed chat, then /api/version and /api/tags.
    expect(fake().requests.map((q) => `${q.method} ${q.path}`)).toEqual(['POST /api/chat', 'GET /api/version', 'GET /api/tags']);
    noStrayOutput(r);
  });
});

describe('https:// against a plain-HTTP server', () => {
  it('says the server does not speak TLS and gives the http:// URL', async () => {
    const host = `https://127.0.0.1:${fake().port}`;
    const health = await runCli(['health', '--json'], { host });
    expect(expectFailure(health, 1, 'CHECK_FAILED').message).toBe(
      `health check "server" failed: Cannot reach ${host}: the server does not speak TLS (fix: use http://127.0.0.1:${fake().port})`,
    );
    expect(parseEnvelope(health.stdout).data.checks[1].detail).toBe('server does not speak TLS');
    const roadmap = await runCli(ROADMAP, { host });
    expect(expectFailure(roadmap, 1, 'OLLAMA_UNREACHABLE').message).toBe(`Cannot reach ${host}: the server does not speak TLS: use http://127.0.0.1:${fake().port}`);
  });
});

describe('user:password@ in the host', () => {
  it('is sent as Basic auth and never shown', async () => {
    fake().onChat(() => jsonReply({ ok: true, word: 'ready' }));
    fake().setLoaded([{ name: DEFAULT_MODEL, size: 1, size_vram: 1 }]);
    const r = await runCli(['health', '--json'], { host: `http://coach:s%40cret@127.0.0.1:${fake().port}` });
    expect(r.exitCode, r.stderr).toBe(0);
    const env = parseEnvelope(r.stdout);
    expect(env.data.checks[0].detail).toBe(`Ollama 0.5.1 at http://127.0.0.1:${fake().port}`);
    expect(env.meta.host).toBe(`http://127.0.0.1:${fake().port}`);
    expect(r.stdout + r.stderr).not.toContain('cret');
    const basic = `Basic ${Buffer.from('coach:s@cret').toString('base64')}`;
    expect(fake().requests.map((q) => q.headers.authorization)).toEqual(fake().requests.map(() => basic));
    expect(fake().requests.length).toBeGreaterThanOrEqual(4);
  });

  it('is refused, one line, when the user name is missing', async () => {
    const r = await runCli(['health'], { host: `http://:pw@127.0.0.1:${fake().port}` });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(`careerforge: OLLAMA_HOST has "@" but no user name before it (in "http://:pw@127.0.0.1:${fake().port}")\n`);
  });
});

describe('config set host', () => {
  it('refuses stray colons instead of storing http://[x:1:2]:80 (exit 2, one line, nothing stored)', async () => {
    const r = await runCli(['config', 'set', 'host', 'http://x:1:2']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('careerforge: config host has too many colons in "x:1:2": use host:port, or [ipv6]:port\n');
    expect(r.stdout).toBe('');
    const config = path.join(r.home, 'config.json');
    expect(fs.existsSync(config) ? JSON.parse(fs.readFileSync(config, 'utf8')).host : undefined).toBeUndefined();
    const ok = await runCli(['config', 'set', 'host', '[::1]:8080', '--json'], { home: r.home });
    expect(ok.exitCode, ok.stderr).toBe(0);
  });
});
