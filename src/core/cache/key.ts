// The cache key: a SHA-256 over everything that decides the answer. Two requests share a key only
// when they would be sent identically (same provider and model, same model build when the server
// reports its digest, same messages, schema and sampling options including seed and temperature).
import { createHash } from 'node:crypto';

/** Bumped whenever what is stored (or how a request is built from it) changes meaning. */
export const CACHE_FORMAT = 1;

export interface CacheRequest {
  provider: string;
  model: string;
  /** The model's content digest when the server reports one; otherwise the host stands in for it. */
  digest?: string;
  host: string;
  messages: ReadonlyArray<{ role: string; content: string }>;
  schema: unknown;
  options: Record<string, unknown>;
}

/** JSON with object keys sorted at every level, so key order never changes the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function cacheKey(request: CacheRequest): string {
  const { host, digest, ...rest } = request;
  // With a digest the same model answers alike on any host (a team's pods); without one, a name
  // on another server may be another model, so the host is part of the identity.
  const identity = { v: CACHE_FORMAT, ...rest, ...(digest ? { digest } : { host }) };
  return createHash('sha256').update(canonicalJson(identity)).digest('hex');
}
