// OLLAMA_HOST parsing follows the Ollama server's own rules, not ollama-js's defaults.
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOST, parseOllamaHost } from '../../src/core/llm/host.js';
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
});
