// The mock interview: grading one answer as structured output against the question's
// what_interviewers_look_for, deciding the next step from the saved transcript (so --resume picks
// up exactly where the user left off), and the summary at the end.
import type { OllamaHandle } from '../llm/client.js';
import { normalizeText } from '../llm/batch.js';
import { answerBudget } from '../llm/budget.js';
import type { CallStats, GenEvent } from '../events.js';
import { generateStructured, jsonSchemaOf } from '../llm/generate.js';
import { renderPrompt } from '../llm/prompts.js';
import { dataBlock } from '../sanitize.js';
import { gradeRequestSchema } from './request-schema.js';
import { type Grade, type Interview, type InterviewQuestion, type MockSummary, type MockTurn, type SavedGrade } from './schema.js';
import { plural } from '../plural.js';

/** Below this score an answer is weak and gets one follow-up question. */
export const WEAK_SCORE = 6;
export const MAX_ANSWER_CHARS = 6000;
const GRADE_TOKENS = 900;

export interface MockStep {
  question: InterviewQuestion;
  index: number;
  total: number;
  kind: 'main' | 'follow-up';
  /** The text to answer: the question itself, or the follow-up. */
  prompt: string;
  /** An answer saved for this step but not graded (left while grading, or grading failed). */
  saved?: string;
}

const graded = (turns: MockTurn[], id: string, kind: MockTurn['kind']) => turns.find((t) => t.question_id === id && t.kind === kind && t.grade);
const latest = (turns: MockTurn[], id: string, kind: MockTurn['kind']) => turns.findLast((t) => t.question_id === id && t.kind === kind);

/** The key of a step in `passed` (see nextStep). */
export const stepKey = (step: Pick<MockStep, 'kind'> & { question: { id: string } }) => `${step.question.id}:${step.kind}`;

/**
 * The next thing to ask, from the transcript; undefined when the interview is over. A step is done
 * when graded or skipped, or when it is in `passed` (its grading failed in this sitting: the
 * answer is kept and the interview goes on). An answer saved without a grade is offered again
 * with `saved` set, so --resume grades it instead of asking the question afresh.
 */
export function nextStep(interview: Interview, turns: MockTurn[], passed: ReadonlySet<string> = new Set()): MockStep | undefined {
  const total = interview.questions.length;
  const pending = (question: InterviewQuestion, kind: MockTurn['kind']): { saved?: string } | undefined => {
    const turn = latest(turns, question.id, kind);
    if (graded(turns, question.id, kind) || turn?.skipped || passed.has(`${question.id}:${kind}`)) return undefined;
    return turn && turn.answer !== '' ? { saved: turn.answer } : {};
  };
  for (const [index, question] of interview.questions.entries()) {
    const main = pending(question, 'main');
    if (main) return { question, index, total, kind: 'main', prompt: question.question, ...main };
    const grade = graded(turns, question.id, 'main')?.grade;
    if (grade && grade.score < WEAK_SCORE) {
      const followUp = pending(question, 'follow-up');
      if (followUp) return { question, index, total, kind: 'follow-up', prompt: latest(turns, question.id, 'follow-up')?.prompt ?? grade.follow_up_question, ...followUp };
    }
  }
  return undefined;
}

export async function* gradeAnswer(
  handle: OllamaHandle,
  step: Pick<MockStep, 'question' | 'prompt' | 'kind'>,
  answer: string,
): AsyncGenerator<GenEvent, { grade: SavedGrade; stats: CallStats }> {
  const { question } = step;
  const system = renderPrompt('system', {});
  const criteria = question.what_interviewers_look_for;
  const schema = gradeRequestSchema(criteria.length);
  const prompt = renderPrompt('grade-answer', {
    question: dataBlock('question', {
      question: question.question,
      ...(step.kind === 'follow-up' ? { follow_up_asked: step.prompt } : {}),
      type: question.type,
      reference_answer: question.model_answer,
    }),
    criteria: dataBlock('look_for', criteria),
    criteria_count: criteria.length,
    answer: dataBlock('answer', answer, MAX_ANSWER_CHARS + 200),
    schema: JSON.stringify(jsonSchemaOf(schema)),
  });
  const result = yield* generateStructured(handle, {
    task: 'grading',
    schema,
    system,
    prompt,
    numPredict: answerBudget(handle, GRADE_TOKENS * 2, [system, prompt]),
    check: (grade) => checkGrade(grade, criteria),
  });
  const grade = result.value;
  // The criteria are the question's own points, in order, whatever wording the model echoed.
  const aligned = grade.criteria.map((c, i) => ({ ...c, criterion: criteria[i] ?? c.criterion }));
  return {
    grade: { ...grade, criteria: aligned, missing: aligned.filter((c) => !c.met).map((c) => c.criterion) },
    stats: result.stats,
  };
}

/** A grade must assess every point interviewers look for, one entry each, in order. */
export function checkGrade(grade: Grade, criteria: readonly string[]): string[] {
  const problems: string[] = [];
  if (grade.criteria.length !== criteria.length) {
    problems.push(`criteria has ${plural(grade.criteria.length, 'entry', 'entries')} but must have exactly ${criteria.length}, one per point interviewers look for`);
  }
  grade.criteria.forEach((c, i) => {
    const want = criteria[i];
    if (want !== undefined && normalizeText(c.criterion) !== normalizeText(want)) {
      problems.push(`criteria[${i}].criterion must be "${want}" (the points in the given order)`);
    }
  });
  const met = grade.criteria.filter((c) => c.met).length;
  if (met === 0 && grade.score > 5) problems.push(`score is ${grade.score} but the answer meets none of the points; score at most 5`);
  if (criteria.length > 0 && met === criteria.length && grade.score < 5) problems.push(`score is ${grade.score} but the answer meets every point; score at least 5`);
  return problems;
}

export function summarize(interview: Interview, turns: MockTurn[]): MockSummary {
  const scores = interview.questions
    .map((q) => ({ question_id: q.id, score: graded(turns, q.id, 'main')?.grade?.score }))
    .filter((s): s is { question_id: string; score: number } => s.score !== undefined);
  const counts = new Map<string, number>();
  for (const turn of turns) for (const point of turn.kind === 'main' ? (turn.grade?.missing ?? []) : []) counts.set(point, (counts.get(point) ?? 0) + 1);
  const top_missing = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([point]) => point);
  const average = scores.length ? scores.reduce((n, s) => n + s.score, 0) / scores.length : 0;
  const skipped = interview.questions.filter((q) => latest(turns, q.id, 'main')?.skipped).length;
  const ungraded = interview.questions.filter((q) => { const t = latest(turns, q.id, 'main'); return t && !t.skipped && !graded(turns, q.id, 'main'); }).length;
  return { average_score: Math.round(average * 10) / 10, answered: scores.length, skipped, ungraded, scores, top_missing };
}
