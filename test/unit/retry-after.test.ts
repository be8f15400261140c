import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, retryAfterMs } from '../../src/core/llm/retry-after.js';

const withHeaders = (h: Record<string, string>) => ({ headers: new Headers(h) });

describe('retryAfterMs', () => {
  it('reads seconds, fractions and retry-after-ms, preferring the millisecond header', () => {
    expect(retryAfterMs(withHeaders({ 'retry-after': '3' }))).toBe(3000);
    expect(retryAfterMs(withHeaders({ 'retry-after': '0.5' }))).toBe(500);
    expect(retryAfterMs(withHeaders({ 'retry-after': '3', 'retry-after-ms': '120' }))).toBe(120);
  });

  it('reads an HTTP date against the clock it is given, never negative', () => {
    const now = Date.parse('2026-12-02T12:00:00Z');
    expect(retryAfterMs(withHeaders({ 'retry-after': 'Wed, 02 Dec 2026 12:00:07 GMT' }), now)).toBe(7000);
    expect(retryAfterMs(withHeaders({ 'retry-after': 'Wed, 02 Dec 2026 11:59:00 GMT' }), now)).toBe(0);
  });

  it('clamps a long wait, and reads plain header objects too', () => {
    expect(retryAfterMs(withHeaders({ 'retry-after': '86400' }))).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs({ headers: { 'retry-after': '2' } })).toBe(2000);
  });

  it('is undefined without a usable header (ollama-js errors carry none)', () => {
    expect(retryAfterMs(new Error('x'))).toBeUndefined();
    expect(retryAfterMs(withHeaders({}))).toBeUndefined();
    expect(retryAfterMs(withHeaders({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});
