// Fixes that need no model, applied to a parsed answer before it is validated: a 7B model's
// sloppiness costs a whole regeneration otherwise. Driven by the JSON schema sent as `format`:
// - strings are trimmed; an enum value in the wrong case becomes the enum's spelling;
// - a `const` is set (the month number of a per-month call);
// - an integer sent as "8" or 8.0 becomes 8;
// - in lists, empty strings and repeated items (same text, ignoring case and punctuation) are dropped.
// Every change is counted: `meta.normalized` tells the user (and `eval`) how sloppy a model was.
// What needs judgement (wrong counts, content) is left for validation and the repair prompt.
import { normalizeText } from './batch.js';

type Schema = Record<string, unknown> & { type?: string; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[]; const?: unknown; minItems?: number };

export interface Normalized {
  value: unknown;
  fixes: number;
}

export function normalizeBySchema(value: unknown, schema: Schema): Normalized {
  const counter = { fixes: 0 };
  const result = visit(value, schema, counter);
  return { value: result, fixes: counter.fixes };
}

function visit(value: unknown, schema: Schema, counter: { fixes: number }): unknown {
  if ('const' in schema) {
    if (value !== schema.const && value !== undefined) counter.fixes++;
    return schema.const;
  }
  if (typeof value === 'string') return visitString(value, schema, counter);
  if (schema.type === 'integer' && typeof value === 'number' && !Number.isInteger(value) && Number.isFinite(value)) {
    counter.fixes++;
    return Math.round(value);
  }
  if (Array.isArray(value) && schema.type === 'array' && schema.items) return visitList(value, schema.items, schema.minItems ?? 0, counter);
  if (value && typeof value === 'object' && !Array.isArray(value) && schema.type === 'object' && schema.properties) {
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const [key, child] of Object.entries(schema.properties)) {
      if (key in out) out[key] = visit(out[key], child, counter);
      else if ('const' in child) out[key] = visit(undefined, child, counter);
    }
    return out;
  }
  return value;
}

function visitString(value: string, schema: Schema, counter: { fixes: number }): unknown {
  const trimmed = value.trim();
  if (schema.type === 'integer' && /^-?\d+$/.test(trimmed)) {
    counter.fixes++;
    return Number(trimmed);
  }
  if (schema.type !== 'string') return value;
  if (Array.isArray(schema.enum) && !schema.enum.includes(trimmed)) {
    const folded = schema.enum.find((option) => typeof option === 'string' && option.toLowerCase() === trimmed.toLowerCase());
    if (folded !== undefined) {
      counter.fixes++;
      return folded;
    }
  }
  if (trimmed !== value) counter.fixes++;
  return trimmed;
}

// Empty and repeated items go, but never below the list's minItems: a list that must hold exactly
// four options is better repaired with "two options repeat" than with "3 entries, need 4".
function visitList(list: unknown[], items: Schema, minItems: number, counter: { fixes: number }): unknown[] {
  const fixed = list.map((item) => visit(item, items, counter));
  const seen = new Set<string>();
  const drop = new Set<number>();
  fixed.forEach((item, i) => {
    const key = item === '' || item === null ? undefined : typeof item === 'string' ? normalizeText(item) : JSON.stringify(item);
    if (key === undefined || seen.has(key)) drop.add(i);
    else seen.add(key);
  });
  if (drop.size === 0 || list.length - drop.size < minItems) return fixed;
  counter.fixes += drop.size;
  return fixed.filter((_, i) => !drop.has(i));
}
