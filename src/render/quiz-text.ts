// Plain-text quiz for pipes and files: the questions with lettered options, then an answer key
// with explanations, so a printed quiz can be taken on paper. Also the score history.
import type { ChalkInstance } from 'chalk';
import type { Quiz, QuizAttempt } from '../core/quiz/schema.js';
import type { Meta } from './json.js';
import { metaLine } from './roadmap-text.js';
import { plural } from '../core/plural.js';

export const LETTERS = ['A', 'B', 'C', 'D'];

export function quizText(quiz: Quiz, meta: Meta, c: ChalkInstance): string {
  const out: string[] = [c.bold(`Quiz: ${quiz.topic} (${quiz.difficulty}, ${plural(quiz.questions.length, 'question')})`), ''];
  quiz.questions.forEach((q, i) => {
    out.push(c.bold(`${i + 1}. ${q.question}`) + c.dim(`  [${q.topic}]`));
    q.options.forEach((option, j) => out.push(`   ${LETTERS[j] ?? j + 1}) ${option}`));
    out.push('');
  });
  out.push(c.bold('Answer key'));
  quiz.questions.forEach((q, i) => {
    out.push(`${i + 1}. ${c.green(LETTERS[q.correct_index] ?? String(q.correct_index + 1))}: ${q.options[q.correct_index]}. ${c.dim(q.explanation)}`);
  });
  out.push('', c.dim(metaLine(meta)));
  return `${out.join('\n')}\n`;
}

export interface TopicTotals {
  answered: number;
  correct: number;
}

export function historyText(attempts: QuizAttempt[], topics: Record<string, TopicTotals>, c: ChalkInstance): string {
  if (attempts.length === 0) return 'No quiz attempts yet: take one with `careerforge quiz --topic SQL`.\n';
  const out = [c.bold('Quiz history')];
  for (const a of attempts) {
    const when = (a.finished_at ?? a.started_at).slice(0, 16).replace('T', ' ');
    const score = a.score ? `${a.score.correct}/${a.score.total} (${a.score.percent}%)` : `${a.answers.length}/${a.question_ids.length} answered, unfinished`;
    out.push(`${when}  ${a.id}  ${a.topic.padEnd(24)} ${score}`);
  }
  const names = Object.keys(topics);
  if (names.length) {
    out.push('', c.bold('By topic'));
    for (const name of names.sort()) {
      const t = topics[name]!;
      out.push(`${name.padEnd(28)} ${t.correct}/${t.answered} correct`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** `quiz --history` through emit(): the attempts and the totals per topic. */
export function historyDataText(history: { attempts: QuizAttempt[]; topics: Record<string, TopicTotals> }, _meta: Meta, c: ChalkInstance): string {
  return historyText(history.attempts, history.topics, c);
}
