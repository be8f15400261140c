// The --json contract: stdout holds exactly one JSON document, on one line.
import type { CareerForgeError } from '../core/errors.js';

export type Meta = Record<string, unknown> & { model?: string; latency_ms?: number; tokens_used?: number };

export function successEnvelope(data: unknown, meta: Meta) {
  return { success: true as const, data, meta };
}

export function errorEnvelope(error: CareerForgeError, meta: Meta, data?: unknown) {
  return { success: false as const, error: { code: error.code, message: error.message }, ...(data === undefined ? {} : { data }), meta };
}

export function writeJson(doc: unknown): void {
  process.stdout.write(`${JSON.stringify(doc)}\n`);
}
