// Progressive output of a plan made in one call: its head and each month are shown as their JSON
// closes in the stream. A part is shown only after the same mechanical fixes and checks the whole
// answer gets (schema-driven normalisation, renumbering by position, the part's schema and
// checkMonth, control characters stripped), so a month shown early is the month of the result:
// if the whole answer then fails only in other months, those alone are regenerated and this one is
// kept as it is; if it fails as a whole, generateStructured says so with a `restart` part.
import { JsonScanner } from '../llm/json-scan.js';
import { jsonSchemaOf } from '../llm/generate.js';
// checkMonth is only called per part, long after both modules loaded: the cycle is harmless.
import { checkMonth } from './generate.js';
import { normalizeBySchema } from '../llm/normalize.js';
import type { Part } from '../parts.js';
import { sanitizeDeep } from '../sanitize.js';
import type { RoadmapInput } from './input-schema.js';
import { normalizeMonth } from './normalize.js';
import { headRequestSchema, monthRequestSchema } from './request-schema.js';

const HEAD_KEYS = ['career_role', 'overview', 'timeline'] as const;

export function planParts(input: Pick<RoadmapInput, 'months' | 'hours_per_week'>): () => { feed(text: string): Part[] } {
  // The month as the whole plan's `format` describes it (the number a range there, set by position here).
  const monthFormat = jsonSchemaOf(monthRequestSchema({ of: input.months }, input.hours_per_week));
  const headSchema = headRequestSchema();
  const headFormat = jsonSchemaOf(headSchema);
  return () => {
    const scanner = new JsonScanner();
    const head: Record<string, unknown> = {};
    let headSeen = false;
    return {
      feed(text) {
        const parts: Part[] = [];
        for (const hit of scanner.feed(text)) {
          const value = parse(hit.raw);
          if (value === undefined) continue;
          if (hit.kind === 'member' && (HEAD_KEYS as readonly string[]).includes(hit.key)) head[hit.key] = value;
          if (!headSeen && HEAD_KEYS.every((key) => key in head)) {
            headSeen = true;
            const parsed = headSchema.safeParse(normalizeBySchema(head, headFormat).value);
            if (parsed.success) parts.push({ kind: 'head', head: sanitizeDeep(parsed.data) });
          }
          if (hit.kind !== 'element' || hit.key !== 'roadmap' || hit.index >= input.months) continue;
          const month = monthPart(value, hit.index + 1, monthFormat, input.hours_per_week);
          if (month) parts.push({ kind: 'month', index: hit.index, total: input.months, month });
        }
        return parts;
      },
    };
  };
}

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/** Month `n` of the stream as the whole answer's validation would leave it, or undefined when it fails. */
function monthPart(raw: unknown, n: number, format: Record<string, unknown>, hoursPerWeek: number) {
  const fixed = normalizeBySchema(raw, format).value;
  if (!fixed || typeof fixed !== 'object' || Array.isArray(fixed)) return undefined;
  const month = { ...(fixed as Record<string, unknown>), month: n };
  normalizeMonth(month);
  const parsed = monthRequestSchema(n, hoursPerWeek).safeParse(month);
  if (!parsed.success || checkMonth(parsed.data, n, hoursPerWeek).length > 0) return undefined;
  return sanitizeDeep(parsed.data);
}
