// `careerforge batch --input people.jsonl`: one JSON object per line, the fields of the command's
// --input plus an `id`. Every problem (malformed JSON, a missing, odd or repeated id, a field the
// command rejects) is found, with its line number, before a single request is sent.
import { UsageError } from '../errors.js';
import { readTextInput, type ReadTextOptions } from '../input.js';
import * as z from '../zod.js';
import { describeIssues } from '../zod.js';

export type BatchId = string | number;

export interface BatchItem<I> {
  /** 1-based line of --input, for messages. */
  line: number;
  id: BatchId;
  input: I;
}

export interface InputProblem {
  line: number;
  message: string;
}

/** Bad --input: exit 2, the problems listed with their lines (in the --json envelope too). */
export class BatchInputError extends UsageError {
  constructor(readonly source: string, readonly problems: InputProblem[]) {
    const lines = problems.slice(0, 5).map((p) => p.line).join(', ');
    const more = problems.length > 5 ? ` and ${problems.length - 5} more` : '';
    const first = problems[0] ? `: line ${problems[0].line}: ${problems[0].message}` : '';
    super(`--input ${source}: ${problems.length} bad line${problems.length === 1 ? '' : 's'} (${lines}${more})${first}; nothing was sent`, 'INVALID_INPUT');
  }
}

export const MAX_BATCH_INPUT_BYTES = 64 * 1024 * 1024;

/** The key two ids collide under: 7 and "7" name the same person in a spreadsheet export. */
export const idKey = (id: BatchId): string => String(id);

function checkId(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return 'missing id: every line needs an "id" (a string or an integer)';
  if (typeof value === 'number' && Number.isSafeInteger(value)) return undefined;
  if (typeof value === 'string') return value.trim() === value && value.length <= 200 ? undefined : 'id: expected a string without surrounding spaces, at most 200 characters';
  return `id: expected a string or an integer, got ${JSON.stringify(value)}`;
}

export function parseBatchLines<I>(text: string, schema: z.ZodMiniType<I>, check?: (input: I) => string | undefined): { items: BatchItem<I>[]; problems: InputProblem[] } {
  const items: BatchItem<I>[] = [];
  const problems: InputProblem[] = [];
  const firstLine = new Map<string, number>();
  // Tolerate a BOM and CRLF line ends: spreadsheet exports and Windows editors produce both.
  const lines = text.replace(/^\ufeff/, '').split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    const source = raw.replace(/\r$/, '');
    if (source.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(source);
    } catch (error) {
      return void problems.push({ line, message: `malformed JSON (${(error as Error).message})` });
    }
    if (!json || typeof json !== 'object' || Array.isArray(json)) return void problems.push({ line, message: 'expected a JSON object' });
    const { id, ...fields } = json as Record<string, unknown>;
    const idProblem = checkId(id);
    if (idProblem) return void problems.push({ line, message: idProblem });
    const key = idKey(id as BatchId);
    const seen = firstLine.get(key);
    if (seen !== undefined) problems.push({ line, message: `duplicate id ${JSON.stringify(id)} (first on line ${seen})` });
    else firstLine.set(key, line);
    const parsed = schema.safeParse(fields);
    if (!parsed.success) return void problems.push({ line, message: describeIssues(parsed.error.issues)[0] ?? 'invalid fields' });
    const problem = check?.(parsed.data);
    if (problem) return void problems.push({ line, message: problem });
    if (seen === undefined) items.push({ line, id: id as BatchId, input: parsed.data });
  });
  return { items, problems };
}

export async function readBatchInput<I>(
  source: string,
  schema: z.ZodMiniType<I>,
  opts: { check?: (input: I) => string | undefined; stdin: ReadTextOptions['stdin'] },
): Promise<BatchItem<I>[]> {
  const text = await readTextInput(source, { flag: '--input', maxBytes: MAX_BATCH_INPUT_BYTES, stdin: opts.stdin });
  const { items, problems } = parseBatchLines(text, schema, opts.check);
  if (problems.length > 0) throw new BatchInputError(source, problems);
  if (items.length === 0) throw new UsageError(`--input ${source}: no lines to run (one JSON object per line, each with an "id")`, 'INVALID_INPUT');
  return items;
}
