// Audits a JSON schema as sent in `format` against what llama.cpp's JSON-schema-to-grammar
// converter (behind Ollama 0.30+) enforces: every array, string and integer must be bounded by
// keywords the grammar honours; `pattern`, `format` and `$ref` must not appear; number bounds are
// ignored by the grammar, so a `number` without `const` is unbounded.
type Schema = Record<string, any>;

/** Integers beyond this are not a meaningful range for anything a career plan counts. */
export const MAX_INT = 100_000;
const GRAMMAR_STRING_LIMIT = 2000;

export function auditSchema(schema: Schema, at = '$'): string[] {
  const problems: string[] = [];
  for (const key of ['pattern', 'format', '$ref', '$defs', 'definitions', 'patternProperties']) {
    if (key in schema) problems.push(`${at}: has "${key}"`);
  }
  const bounded = 'const' in schema || 'enum' in schema;
  switch (schema.type) {
    case 'object':
      for (const [name, child] of Object.entries<Schema>(schema.properties ?? {})) problems.push(...auditSchema(child, `${at}.${name}`));
      if (schema.additionalProperties !== false) problems.push(`${at}: object allows additional properties`);
      break;
    case 'array':
      if (typeof schema.maxItems !== 'number') problems.push(`${at}: array without maxItems`);
      if (schema.items) problems.push(...auditSchema(schema.items, `${at}[]`));
      else problems.push(`${at}: array without items`);
      break;
    case 'string':
      if (!bounded && typeof schema.maxLength !== 'number') problems.push(`${at}: string without maxLength`);
      if (typeof schema.maxLength === 'number' && schema.maxLength >= GRAMMAR_STRING_LIMIT) problems.push(`${at}: maxLength ${schema.maxLength} is not below ${GRAMMAR_STRING_LIMIT}`);
      break;
    case 'integer':
      if (!bounded) {
        if (typeof schema.minimum !== 'number' || typeof schema.maximum !== 'number') problems.push(`${at}: integer without minimum and maximum`);
        else if (Math.abs(schema.minimum) > MAX_INT || Math.abs(schema.maximum) > MAX_INT) problems.push(`${at}: integer range ${schema.minimum}..${schema.maximum} is not meaningful`);
      }
      break;
    case 'number':
      if (!bounded) problems.push(`${at}: number (the grammar ignores its bounds); use a bounded integer`);
      break;
    case 'boolean':
    case 'null':
      break;
    default:
      if (!bounded) problems.push(`${at}: no type`);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    (schema[key] as Schema[] | undefined)?.forEach((child, i) => problems.push(...auditSchema(child, `${at}.${key}[${i}]`)));
  }
  return problems;
}

/**
 * A rough size, in characters, of the grammar text a schema becomes. Integer ranges dominate: the
 * converter spells a range digit position by digit position, about 11 * D^2 characters for a
 * D-digit bound on each side of zero, so +-2^53 costs ~5.6 KB (the figure measured on the real
 * converter) and 1..40 about 50. A string, array, enum or object costs its rule text.
 */
export function grammarSize(schema: Schema): number {
  if ('const' in schema) return 4 + JSON.stringify(schema.const).length;
  if ('enum' in schema) return (schema.enum as unknown[]).reduce<number>((n, v) => n + 6 + JSON.stringify(v).length, 0);
  switch (schema.type) {
    case 'object':
      return Object.entries<Schema>(schema.properties ?? {}).reduce((n, [name, child]) => n + 2 * name.length + 20 + grammarSize(child), 20);
    case 'array':
      return 40 + (schema.items ? grammarSize(schema.items) : 0);
    case 'string':
      return 30;
    case 'integer': {
      const side = (v: unknown) => (typeof v === 'number' && v !== 0 ? 11 * String(Math.abs(v)).length ** 2 : 0);
      const bounded = typeof schema.minimum === 'number' && typeof schema.maximum === 'number';
      return 20 + (bounded ? side(schema.maximum) + (schema.minimum < 0 ? side(schema.minimum) : 0) : 30);
    }
    default:
      return 20;
  }
}

/** How many rules the grammar's `{m,n}` repetitions expand into once parsed: each bound counts. */
export function repetitions(schema: Schema): number {
  switch (schema.type) {
    case 'object':
      return Object.values<Schema>(schema.properties ?? {}).reduce((n, child) => n + repetitions(child), 0);
    case 'array':
      return (schema.maxItems ?? 0) + (schema.items ? repetitions(schema.items) : 0);
    case 'string':
      return schema.maxLength ?? 0;
    default:
      return 0;
  }
}
