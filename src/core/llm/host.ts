// OLLAMA_HOST parsing with the Ollama server's own rules (envconfig.Host in ollama/ollama):
// no scheme -> http with port 11434; `http://h` -> port 80; `https://h` -> port 443; `:1234` ->
// 127.0.0.1:1234; an optional path is kept (a reverse proxy's prefix). ollama-js applies different
// defaults, so we resolve the URL ourselves and always hand it an explicit port.
// Where Ollama would quietly build something unusable we refuse, naming what is wrong: a path that
// contains /api (the client adds /api itself, so every request would 404), a bad port, a host with
// stray colons (Go brackets `x:1:2` into `[x:1:2]:80`). `user:password@` is kept, as ollama-js
// allows; the client sends it as Basic auth (splitCredentials) and messages never show it.
// llm-service/scripts/health-check.sh mirrors these rules (test/deploy.test.ts runs both).
import { isIPv6 } from 'node:net';
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
  if (/[?#\s]/.test(rest)) throw new UsageError(`${source} must be host:port with no spaces, ?query or #fragment (in "${raw}")`);
  const slash = rest.indexOf('/');
  let hostport = slash >= 0 ? rest.slice(0, slash) : rest;
  const path = slash >= 0 ? rest.slice(slash).replace(/\/+$/, '') : '';
  const at = hostport.lastIndexOf('@');
  const userinfo = at >= 0 ? hostport.slice(0, at) : '';
  if (at >= 0) {
    hostport = hostport.slice(at + 1);
    if (userinfo === '' || userinfo.startsWith(':')) throw new UsageError(`${source} has "@" but no user name before it (in "${raw}")`);
  }
  let host = hostport;
  let port = defaultPort;
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(hostport);
  if (bracketed) {
    host = bracketed[1] ?? '';
    port = bracketed[2] ?? defaultPort;
    if (!isIPv6(host)) throw new UsageError(`${source} has "[${host}]", which is not an IPv6 address (in "${raw}")`);
  } else if ((hostport.match(/:/g) ?? []).length === 1) {
    const [h, p] = hostport.split(':') as [string, string];
    host = h;
    port = p;
  } else if (hostport.includes(':')) {
    // Only a bare IPv6 address may hold several colons; anything else is a typo, not a host.
    if (!isIPv6(hostport)) throw new UsageError(`${source} has too many colons in "${hostport}": use host:port, or [ipv6]:port`);
  }
  if (host === '') host = '127.0.0.1';
  const portNumber = Number(port);
  if (!/^\d+$/.test(port) || portNumber > 65535) {
    throw new UsageError(`${source} has an invalid port "${port}" (in "${raw}")`);
  }
  const hostPart = host.includes(':') ? `[${host}]` : host;
  const base = `${scheme}://${userinfo === '' ? '' : `${userinfo}@`}${hostPart}:${portNumber}`;
  if (/(^|\/)api(\/|$)/i.test(path)) {
    throw new UsageError(`${source} has a path (${path}): use ${scheme}://${hostPart}:${portNumber} (careerforge adds /api itself)`);
  }
  try {
    new URL(`${base}${path}`);
  } catch {
    throw new UsageError(`${source} is not a valid host: "${raw}" (expected host:port or http://host:port)`);
  }
  return `${base}${path}`;
}

/** A parsed host without its `user:password@`, and the Basic auth header that carries them instead. */
export function splitCredentials(host: string): { host: string; authorization?: string } {
  const match = /^(https?:\/\/)([^/]*)@(.*)$/.exec(host);
  if (!match) return { host };
  const [, scheme = '', userinfo = '', rest = ''] = match;
  const decoded = userinfo.split(':').map((part) => safeDecode(part));
  const credentials = `${decoded[0] ?? ''}:${decoded.slice(1).join(':')}`;
  return { host: `${scheme}${rest}`, authorization: `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}` };
}

/** A host as messages and saved records show it: never with its password. */
export function displayHost(host: string): string {
  return splitCredentials(host).host;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
