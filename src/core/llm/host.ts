// OLLAMA_HOST parsing with the Ollama server's own rules (envconfig.Host in ollama/ollama):
// no scheme -> http with port 11434; `http://h` -> port 80; `https://h` -> port 443; `:1234` ->
// 127.0.0.1:1234; an optional path is kept. ollama-js applies different defaults, so we
// resolve the URL ourselves and always hand it an explicit port.
import { UsageError } from '../errors.js';

export const DEFAULT_HOST = 'http://127.0.0.1:11434';

export function parseOllamaHost(raw: string, source = 'OLLAMA_HOST'): string {
  const value = raw.trim().replace(/^["']|["']$/g, '');
  if (value === '') return DEFAULT_HOST;
  let scheme = 'http';
  let rest = value;
  let defaultPort = '11434';
  const sep = value.indexOf('://');
  if (sep >= 0) {
    scheme = value.slice(0, sep).toLowerCase();
    rest = value.slice(sep + 3);
    if (scheme === 'http') defaultPort = '80';
    else if (scheme === 'https') defaultPort = '443';
    else throw new UsageError(`${source} has an unsupported scheme "${scheme}": use http:// or https://`);
  }
  const slash = rest.indexOf('/');
  const hostport = slash >= 0 ? rest.slice(0, slash) : rest;
  const path = slash >= 0 ? rest.slice(slash).replace(/\/+$/, '') : '';
  let host = hostport;
  let port = defaultPort;
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(hostport);
  if (bracketed) {
    host = bracketed[1] ?? '';
    port = bracketed[2] ?? defaultPort;
  } else if ((hostport.match(/:/g) ?? []).length === 1) {
    const [h, p] = hostport.split(':') as [string, string];
    host = h;
    port = p;
  } else if (hostport.includes(':')) {
    host = hostport; // a bare IPv6 address
  }
  if (host === '') host = '127.0.0.1';
  const portNumber = Number(port);
  if (!/^\d+$/.test(port) || portNumber > 65535) {
    throw new UsageError(`${source} has an invalid port "${port}" (in "${raw}")`);
  }
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return `${scheme}://${hostPart}:${portNumber}${path}`;
}
