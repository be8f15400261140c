// OLLAMA_HOST parsing follows the Ollama server's own rules, not ollama-js's defaults.
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOST, displayHost, parseOllamaHost, splitCredentials } from '../../src/core/llm/host.js';
import { UsageError } from '../../src/core/errors.js';

describe('parseOllamaHost', () => {
  const cases: Array<[string, string]> = [
    ['', DEFAULT_HOST],
    ['  ', DEFAULT_HOST],
    ['localhost', 'http://localhost:11434'],
    ['0.0.0.0', 'http://0.0.0.0:11434'],
    ['example.com:8080', 'http://example.com:8080'],
    ['http://example.com', 'http://example.com:80'],
    ['https://example.com', 'https://example.com:443'],
    ['HTTPS://example.com:8443', 'https://example.com:8443'],
    [':1234', 'http://127.0.0.1:1234'],
    ['[::1]:5', 'http://[::1]:5'],
    ['[::1]', 'http://[::1]:11434'],
    ['::1', 'http://[::1]:11434'],
    ['http://example.com:8080/ollama/', 'http://example.com:8080/ollama'],
    ['https://proxy.example.com/path/to/ollama', 'https://proxy.example.com:443/path/to/ollama'],
    ['"127.0.0.1:11434"', 'http://127.0.0.1:11434'],
    ['http://me:pw@example.com', 'http://me:pw@example.com:80'],
    ['me@10.0.0.5:8080', 'http://me@10.0.0.5:8080'],
    ['https://me:p%40ss@[::1]:9/proxy', 'https://me:p%40ss@[::1]:9/proxy'],
    ['http://example.com/apiary', 'http://example.com:80/apiary'],
  ];
  for (const [raw, expected] of cases) {
    it(`${JSON.stringify(raw)} -> ${expected}`, () => expect(parseOllamaHost(raw)).toBe(expected));
  }

  it('rejects a bad port, naming the source', () => {
    expect(() => parseOllamaHost('localhost:abc', '--host')).toThrow(new UsageError('--host has an invalid port "abc" (in "localhost:abc")'));
    expect(() => parseOllamaHost('localhost:70000')).toThrow(/^OLLAMA_HOST has an invalid port "70000"/);
    expect(() => parseOllamaHost('localhost:')).toThrow(/invalid port ""/);
  });

  it('rejects a scheme other than http and https', () => {
    expect(() => parseOllamaHost('ftp://x')).toThrow('OLLAMA_HOST has an unsupported scheme "ftp": use http:// or https://');
    try {
      parseOllamaHost('ftp://x');
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).exitCode).toBe(2);
    }
  });

  it('refuses what would only ever 404 or mean another host (issue 9)', () => {
    expect(() => parseOllamaHost('http://127.0.0.1:11434/api')).toThrow(new UsageError('OLLAMA_HOST has a path (/api): use http://127.0.0.1:11434 (careerforge adds /api itself)'));
    expect(() => parseOllamaHost('https://h/ollama/api/chat', '--host')).toThrow('--host has a path (/ollama/api/chat): use https://h:443 (careerforge adds /api itself)');
    expect(() => parseOllamaHost('http://x:1:2', 'config host')).toThrow(new UsageError('config host has too many colons in "x:1:2": use host:port, or [ipv6]:port'));
    expect(() => parseOllamaHost('[nope]:80')).toThrow('OLLAMA_HOST has "[nope]", which is not an IPv6 address (in "[nope]:80")');
    expect(() => parseOllamaHost('h:1?x=1')).toThrow('OLLAMA_HOST must be host:port with no spaces, ?query or #fragment (in "h:1?x=1")');
    expect(() => parseOllamaHost('@h:1')).toThrow('OLLAMA_HOST has "@" but no user name before it (in "@h:1")');
  });

  it('splits credentials off into a Basic auth header', () => {
    expect(splitCredentials('http://127.0.0.1:80')).toEqual({ host: 'http://127.0.0.1:80' });
    expect(splitCredentials('http://me:p%40ss@h:80/x')).toEqual({ host: 'http://h:80/x', authorization: `Basic ${Buffer.from('me:p@ss').toString('base64')}` });
    expect(splitCredentials('http://me@h:80')).toEqual({ host: 'http://h:80', authorization: `Basic ${Buffer.from('me:').toString('base64')}` });
    expect(displayHost('https://a:b@h:443')).toBe('https://h:443');
  });
});
