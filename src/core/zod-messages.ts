// Plain-English validation messages, for every issue zod can raise: users read them (exit-2
// errors name the flag, the config key or the --input field before them) and so does the model
// (repair prompts, INVALID_OUTPUT warnings: `career_role: missing`). Installed once as zod's
// global customError (src/core/zod.ts); a message given on a schema itself still wins. Each
// message is a predicate that reads after a field name: "must be at least 512 (got 100)".
// The builders below are for inputs whose bounds belong in every message of the field.
import { config, enum as zEnum, gte, int as zInt, lte, number as zNumber, pipe, transform, gt, type core } from 'zod/mini';

/** A value as the message quotes it: strings in quotes, long values cut. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  bigint: 'a whole number',
  date: 'a date',
  null: 'null',
};

const UNITS: Record<string, [string, string]> = {
  string: ['character', 'characters'],
  array: ['entry', 'entries'],
  set: ['entry', 'entries'],
  map: ['entry', 'entries'],
  file: ['byte', 'bytes'],
};

const count = (n: number | bigint, [one, many]: [string, string]) => `${n} ${Number(n) === 1 ? one : many}`;

/** "a, b or c" without importing vocabulary.ts into every schema. */
const listed = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');

function sized(issue: core.$ZodRawIssue & { code: 'too_small' | 'too_big' }): string {
  const small = issue.code === 'too_small';
  const bound = small ? (issue as core.$ZodIssueTooSmall).minimum : (issue as core.$ZodIssueTooBig).maximum;
  const exact = issue.exact === true;
  const units = UNITS[issue.origin ?? ''];
  const input = issue.input;
  if (units) {
    const size = typeof input === 'string' || Array.isArray(input) ? input.length : undefined;
    if (small && units[0] === 'character' && Number(bound) === 1 && !exact) return 'must not be empty';
    const has = size === undefined ? '' : ` (has ${count(size, units)})`;
    if (exact) return `must have exactly ${count(bound as number, units)}${has}`;
    return `must have at ${small ? 'least' : 'most'} ${count(bound as number, units)}${has}`;
  }
  const got = ` (got ${shown(input)})`;
  if (exact) return `must be exactly ${String(bound)}${got}`;
  if (issue.inclusive === false) return `must be ${small ? 'more' : 'less'} than ${String(bound)}${got}`;
  return `must be at ${small ? 'least' : 'most'} ${String(bound)}${got}`;
}

/** zod's customError: a message for every issue code, so no library wording reaches anyone. */
export function plainMessage(issue: core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'missing';
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected} (got ${shown(issue.input)})`;
    case 'invalid_value':
      if (issue.values.length === 1) return `must be ${shown(issue.values[0])} (got ${shown(issue.input)})`;
      return `must be one of ${listed(issue.values)} (got ${shown(issue.input)})`;
    case 'too_small':
    case 'too_big':
      return sized(issue);
    case 'invalid_format':
      if (issue.format === 'starts_with') return `must start with ${shown(issue.prefix)}`;
      if (issue.format === 'ends_with') return `must end with ${shown(issue.suffix)}`;
      if (issue.format === 'includes') return `must include ${shown(issue.includes)}`;
      return `is not a valid ${issue.format === 'regex' ? 'value' : issue.format} (got ${shown(issue.input)})`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)} (got ${shown(issue.input)})`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid entry';
    case 'invalid_union':
      return `does not match any allowed form (got ${shown(issue.input)})`;
    default:
      return issue.message ?? `is not valid (got ${shown(issue.input)})`;
  }
}

export function installPlainMessages(): void {
  config({ customError: plainMessage });
}

/** A whole number in [min, max]: every failure (1.5, 0, 25) says the whole rule. */
export function wholeNumber(min: number, max: number) {
  const error = (issue: { input?: unknown }) => `must be a whole number from ${min} to ${max} (got ${shown(issue.input)})`;
  return zInt({ error }).check(gte(min, { error }), lte(max, { error }));
}

/** A number in [min, max] (or (min, max] with `above`), e.g. a temperature. */
export function numberIn(min: number, max: number, { above = false } = {}) {
  const error = (issue: { input?: unknown }) => `must be a number ${above ? `above ${min}` : `from ${min}`} ${above ? 'and at most' : 'to'} ${max} (got ${shown(issue.input)})`;
  return zNumber({ error }).check(above ? gt(min, { error }) : gte(min, { error }), lte(max, { error }));
}

/**
 * One of a few words, in any case and with stray spaces ("Advanced", " advanced"): the value is
 * the canonical word. Anything else is left as it was, so the message quotes what was typed.
 */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const canonical = (value: unknown) => {
    if (typeof value !== 'string') return value;
    const wanted = value.trim().toLowerCase();
    return values.find((v) => v.toLowerCase() === wanted) ?? value;
  };
  return pipe(transform(canonical), zEnum(values));
}
