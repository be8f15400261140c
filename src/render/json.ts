// The --json contract: stdout holds exactly one JSON document, on one line.
import type { CareerForgeError } from '../core/errors.js';
import type { Meta } from '../core/meta.js';

export type { Meta };
export { writeJson } from './streams.js';

export function successEnvelope(data: unknown, meta: Meta) {
  return { success: true as const, data, meta };
}

export function errorEnvelope(error: CareerForgeError, meta: Meta) {
  return { success: false as const, error: { code: error.code, message: error.message }, ...(error.data === undefined ? {} : { data: error.data }), meta };
}
