// The interview-question generator: batches of at most five questions (each one is long: look-for
// points, a model answer, follow-ups, mistakes), each told which questions exist already, with
// checks that the count, the types and the STAR structure of behavioral answers are right.
import type { OllamaHandle } from '../llm/client.js';
import { duplicateProblems, generateBatches, normalizeText } from '../llm/batch.js';
import type { GenEvent } from '../events.js';
import { renderPrompt } from '../llm/prompts.js';
import { dataBlock } from '../sanitize.js';
import type { GeneratedInterviewQuestion, Interview, InterviewInput } from './schema.js';
import { interviewBatchRequestSchema } from './request-schema.js';
import type { GenerationOutcome } from '../meta.js';
import { plural } from '../plural.js';

const BATCH = 5;
// About 1,300 characters of JSON per question, and a few short tips per batch.
const TOKENS_PER_QUESTION = 450;
const FRAME_TOKENS = 200;
const MAX_TIPS = 8;

export interface InterviewOutcome extends GenerationOutcome {
  interview: Interview;
}

function typeRule(input: InterviewInput, n: number): string {
  if (input.type !== 'mixed') return `Every question has "type": "${input.type}".`;
  return n >= 3
    ? 'Mix the types: use at least two of "technical", "behavioral" and "system-design".'
    : 'Each "type" is one of "technical", "behavioral" or "system-design".';
}

export async function* generateInterview(handle: OllamaHandle, input: InterviewInput): AsyncGenerator<GenEvent, InterviewOutcome> {
  const system = renderPrompt('system', {});
  const candidate = dataBlock('candidate', { role: input.role, level: input.level, interview_type: input.type, company: input.company });
  const { batches, attempts, calls, stats, normalized } = yield* generateBatches<{ questions: GeneratedInterviewQuestion[]; tips: string[] }>(handle, {
    total: input.count,
    size: BATCH,
    label: 'interview questions',
    what: 'interview questions',
    subject: candidate,
    system,
    batch: (n) => ({
      schema: interviewBatchRequestSchema(n, input.type),
      prompt: 'interview',
      values: { candidate, count: n, type_rule: typeRule(input, n) },
      tokens: Math.ceil((FRAME_TOKENS + n * TOKENS_PER_QUESTION) * 1.5),
      check: (batch, earlier) => checkInterviewBatch(batch.questions, n, input.type, earlier),
    }),
    // Numbered as in the finished interview, so a batch shown early is the interview's own.
    part: (batch, at) => ({ kind: 'interview-batch', ...at, questions: batch.questions.map((q, k) => ({ id: `q${at.first + k + 1}`, ...q })) }),
  });
  const questions: GeneratedInterviewQuestion[] = batches.flatMap((batch) => batch.questions);
  const tips: string[] = [];
  for (const tip of batches.flatMap((batch) => batch.tips)) {
    if (tips.length < MAX_TIPS && !tips.some((t) => normalizeText(t) === normalizeText(tip))) tips.push(tip);
  }
  const interview: Interview = {
    role: input.role,
    level: input.level,
    type: input.type,
    ...(input.company ? { company: input.company } : {}),
    questions: questions.map((q, i) => ({ id: `q${i + 1}`, ...q })),
    tips,
  };
  return { interview, attempts, calls, stats, normalized };
}

const STAR = ['situation', 'task', 'action', 'result'];

/** Semantic checks on one batch; each problem is phrased for the repair prompt. */
export function checkInterviewBatch(
  questions: GeneratedInterviewQuestion[],
  expected: number,
  type: InterviewInput['type'],
  earlier: readonly string[],
): string[] {
  const problems: string[] = [];
  if (questions.length !== expected) problems.push(`questions has ${plural(questions.length, 'entry', 'entries')} but must have exactly ${expected}`);
  questions.forEach((q, i) => {
    const at = `questions[${i}]`;
    if (type !== 'mixed' && q.type !== type) problems.push(`${at}.type is "${q.type}" but every question must be "${type}"`);
    if (q.type === 'behavioral') {
      const answer = q.model_answer.toLowerCase();
      const absent = STAR.filter((word) => !answer.includes(word));
      if (absent.length) problems.push(`${at}.model_answer must follow STAR with labelled parts; it lacks ${absent.map((w) => `"${w[0]!.toUpperCase()}${w.slice(1)}:"`).join(', ')}`);
    }
    const points = new Set(q.what_interviewers_look_for.map(normalizeText));
    if (points.size !== q.what_interviewers_look_for.length) problems.push(`${at}.what_interviewers_look_for repeats a point; list distinct points`);
  });
  if (type === 'mixed' && expected >= 3 && new Set(questions.map((q) => q.type)).size < 2) {
    problems.push('all questions have the same type; a mixed interview uses at least two of technical, behavioral and system-design');
  }
  problems.push(...duplicateProblems(questions.map((q) => q.question), earlier, (i) => `questions[${i}]`));
  return problems;
}
