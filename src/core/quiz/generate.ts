// The quiz generator: questions in batches of at most ten (each batch told which questions exist
// already), semantic checks with repair, then a seeded shuffle of the options so the right answer
// is not stuck where the model likes to put it.
import { randomBytes } from 'node:crypto';
import type { OllamaHandle } from '../llm/client.js';
import { duplicateProblems, generateBatches, normalizeText } from '../llm/batch.js';
import type { GenEvent } from '../events.js';
import { renderPrompt } from '../llm/prompts.js';
import { dataBlock } from '../sanitize.js';
import type { GeneratedQuizQuestion, Quiz, QuizInput } from './schema.js';
import { quizBatchRequestSchema } from './request-schema.js';
import { shuffleOptions } from './shuffle.js';
import type { GenerationOutcome } from '../meta.js';
import { plural } from '../plural.js';

const BATCH = 10;
// About 500 characters of JSON per question (question, four options, explanation, topic).
const TOKENS_PER_QUESTION = 180;
const FRAME_TOKENS = 60;

export interface QuizOutcome extends GenerationOutcome {
  quiz: Quiz;
  seed: string;
}

/** The seed for the option shuffle: --seed when given (reproducible), random otherwise. */
export function quizSeed(settingsSeed: number | undefined): string {
  return settingsSeed === undefined ? randomBytes(6).toString('hex') : String(settingsSeed);
}

export function quizSubject(input: QuizInput): string {
  return input.topic ?? `${input.role} knowledge`;
}

export async function* generateQuiz(handle: OllamaHandle, input: QuizInput, seed: string): AsyncGenerator<GenEvent, QuizOutcome> {
  const system = renderPrompt('system', {});
  const subject = dataBlock('subject', { topic: input.topic, role: input.role, difficulty: input.difficulty });
  const { batches, attempts, calls, stats, normalized } = yield* generateBatches<{ questions: GeneratedQuizQuestion[] }>(handle, {
    total: input.count,
    size: BATCH,
    label: 'quiz',
    what: 'quiz questions',
    subject,
    system,
    batch: (n) => ({
      schema: quizBatchRequestSchema(n),
      prompt: 'quiz',
      values: { subject, count: n, difficulty: input.difficulty },
      tokens: FRAME_TOKENS + n * TOKENS_PER_QUESTION * 1.5,
      check: (batch, earlier) => checkQuizBatch(batch.questions, n, earlier),
    }),
  });
  const questions: GeneratedQuizQuestion[] = batches.flatMap((batch) => batch.questions);
  const withIds = questions.map((q, i) => ({ id: `q${i + 1}`, ...q }));
  const quiz: Quiz = { topic: quizSubject(input), difficulty: input.difficulty, questions: shuffleOptions(withIds, seed) };
  return { quiz, seed, attempts, calls, stats, normalized };
}

// Options that point at other options stop making sense once the options are shuffled.
const POSITIONAL = /\b(all|none|both|neither) of the (above|options|answers|others)\b|^\s*(both|neither)\s*$|^\s*(options?\s+)?[a-d]\s*(and|&|or)\s*[a-d]\s*$/i;

/** Semantic checks on one batch; each problem is phrased for the repair prompt. */
export function checkQuizBatch(questions: GeneratedQuizQuestion[], expected: number, earlier: readonly string[]): string[] {
  const problems: string[] = [];
  if (questions.length !== expected) problems.push(`questions has ${plural(questions.length, 'entry', 'entries')} but must have exactly ${expected}`);
  questions.forEach((q, i) => {
    const at = `questions[${i}]`;
    if (q.options.length !== 4) problems.push(`${at}.options has ${plural(q.options.length, 'entry', 'entries')} but must have exactly 4`);
    const distinct = new Set(q.options.map(normalizeText));
    if (distinct.size !== q.options.length) problems.push(`${at}.options must be four different answers; some repeat`);
    if (!Number.isInteger(q.correct_index) || q.correct_index < 0 || q.correct_index >= q.options.length) {
      problems.push(`${at}.correct_index is ${q.correct_index} but must be 0, 1, 2 or 3 (the index of the right option)`);
    }
    q.options.forEach((option, j) => {
      if (POSITIONAL.test(option)) problems.push(`${at}.options[${j}] ("${option}") refers to other options; every option must stand on its own`);
    });
  });
  problems.push(...duplicateProblems(questions.map((q) => q.question), earlier, (i) => `questions[${i}]`));
  return problems;
}
