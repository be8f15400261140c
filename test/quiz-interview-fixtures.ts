// Valid model answers for quiz and interview generation and grading, so tests can script the fake
// server with a good reply and then break exactly one thing about it.
import type { GeneratedQuizQuestion } from '../src/core/quiz/schema.js';
import type { GeneratedInterviewQuestion, Grade } from '../src/core/interview/schema.js';

/** Like a real 7B model: the right answer always first. */
export function makeQuizQuestion(n: number, topic = 'SQL joins'): GeneratedQuizQuestion {
  return {
    question: `Question number ${n} about ${topic}?`,
    options: [`Right answer ${n}`, `Wrong answer ${n}a`, `Wrong answer ${n}b`, `Wrong answer ${n}c`],
    correct_index: 0,
    explanation: `Because right answer ${n} is right.`,
    topic,
  };
}

export function makeQuizBatch(count: number, from = 1) {
  return { questions: Array.from({ length: count }, (_, i) => makeQuizQuestion(from + i)) };
}

const STAR = 'Situation: a release slipped. Task: recover it. Action: I cut scope with the team. Result: shipped a week later.';

export function makeInterviewQuestion(n: number, type: GeneratedInterviewQuestion['type'] = 'technical'): GeneratedInterviewQuestion {
  return {
    type,
    difficulty: 'medium',
    question: `Interview question ${n} (${type})?`,
    what_interviewers_look_for: [`Point ${n}.1`, `Point ${n}.2`, `Point ${n}.3`],
    model_answer: type === 'behavioral' ? STAR : `A strong answer to question ${n}.`,
    follow_ups: [`Follow-up to ${n}?`],
    common_mistakes: [`Mistake ${n}`],
  };
}

export function makeInterviewBatch(count: number, types: GeneratedInterviewQuestion['type'][] = ['technical'], from = 1) {
  return {
    questions: Array.from({ length: count }, (_, i) => makeInterviewQuestion(from + i, types[i % types.length])),
    tips: ['Think aloud.', 'Ask clarifying questions.'],
  };
}

export function makeGrade(criteria: string[], score = 8, met = true): Grade {
  return {
    score,
    criteria: criteria.map((criterion) => ({ criterion, met, note: met ? 'Covered.' : 'Not covered.' })),
    strengths: met ? ['Clear structure'] : [],
    stronger_answer: 'A stronger answer that covers every point.',
    follow_up_question: 'Can you give a concrete example?',
  };
}
