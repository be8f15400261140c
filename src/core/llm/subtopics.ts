// The short plan that lets batches of questions run in parallel (--concurrency) without repeating
// each other: one call lists a distinct sub-topic per question, and each batch is handed its own
// slice. Sequential batches do not need it: each is told what the earlier ones asked.
import { normalizeText } from './batch.js';
import { answerBudget } from './budget.js';
import type { OllamaHandle } from './client.js';
import { generateStructured, jsonSchemaOf, type StructuredResult } from './generate.js';
import { renderPrompt } from './prompts.js';
import type { GenEvent } from '../events.js';
import { dataBlock } from '../sanitize.js';
import * as z from '../zod.js';
import { plural } from '../plural.js';

// A sub-topic is a few words; ~12 tokens each with the JSON around it.
const TOKENS_PER_SUBTOPIC = 16;

export function subtopicsSchema(count: number) {
  return z.object({
    subtopics: z.array(z.string().check(z.minLength(2), z.maxLength(80))).check(z.minLength(count), z.maxLength(count)),
  });
}

export interface SubtopicRequest {
  system: string;
  /** The subject as a data block (the same block the batch prompts carry). */
  subject: string;
  /** "quiz questions", "interview questions". */
  what: string;
  count: number;
}

/** Problems of a sub-topic plan: wrong count or entries that repeat each other. */
export function checkSubtopics(subtopics: readonly string[], count: number): string[] {
  const problems: string[] = [];
  if (subtopics.length !== count) problems.push(`subtopics has ${plural(subtopics.length, 'entry', 'entries')} but must have exactly ${count}`);
  const seen = new Set<string>();
  subtopics.forEach((s, i) => {
    const key = normalizeText(s);
    if (seen.has(key)) problems.push(`subtopics[${i}] ("${s.slice(0, 60)}") repeats an earlier entry; name a different sub-topic`);
    seen.add(key);
  });
  return problems;
}

export async function* planSubtopics(handle: OllamaHandle, req: SubtopicRequest): AsyncGenerator<GenEvent, StructuredResult<string[]>> {
  const schema = subtopicsSchema(req.count);
  const prompt = renderPrompt('subtopics', { subject: req.subject, what: req.what, count: req.count, schema: JSON.stringify(jsonSchemaOf(schema)) });
  const result = yield* generateStructured(handle, {
    task: 'sub-topic plan',
    schema,
    system: req.system,
    prompt,
    numPredict: answerBudget(handle, 40 + req.count * TOKENS_PER_SUBTOPIC * 2, [req.system, prompt]),
    check: (v) => checkSubtopics(v.subtopics, req.count),
  });
  return { ...result, value: result.value.subtopics.map((s) => s.trim()) };
}

/** The sentence a batch prompt ends with: its own sub-topics (as data), one question each. */
export function assignment(subtopics: readonly string[] | undefined): string {
  if (!subtopics?.length) return '';
  return `\nOther batches cover other sub-topics. Write one question on each of these sub-topics, in this order:\n${dataBlock('subtopics', subtopics, 4000)}\n`;
}
