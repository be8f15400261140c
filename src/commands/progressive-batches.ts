// Progressive output of quiz and interview questions (issue 10): outside --json, the title is
// printed with the first batch of questions that is final and each later batch as soon as it is
// (core yields `quiz-batch` / `interview-batch` parts in order: a batch is final once it and every
// batch before it are done and checked against each other); the command then prints only the tail
// (answer key, tips, meta line). Same lines as the whole view; the spinner is cleared before each.
import type { ChalkInstance } from 'chalk';
import type { Part } from '../core/parts.js';
import { renderText, type View } from './emit.js';
import type { Session } from './session.js';

type BatchPart = Extract<Part, { kind: 'quiz-batch' | 'interview-batch' }>;

export interface BatchViews<Q> {
  head: (count: number, c: ChalkInstance) => string;
  questions: (questions: Q[], first: number, c: ChalkInstance) => string;
}

export interface ProgressiveBatches<Q> {
  onPart(part: Part): void;
  started(): boolean;
  /** Whether what went out is exactly the title and questions of the finished result (then print only the tail). */
  shows(questions: Q[]): Promise<boolean>;
}

export function progressiveBatches<Q>(session: Session, kind: BatchPart['kind'], count: number, views: BatchViews<Q>): ProgressiveBatches<Q> {
  const head: View<null> = { text: async () => (_data, _meta, c) => views.head(count, c) };
  const batch: View<{ questions: Q[]; first: number }> = { text: async () => (data, _meta, c) => views.questions(data.questions, data.first, c) };
  const shown: Array<{ text: string; first: number; size: number }> = [];
  let next = 0;
  let chain = Promise.resolve();
  const write = (text: Promise<string>, first: number, size: number) => {
    chain = chain.then(async () => {
      const out = await text;
      shown.push({ text: out, first, size });
      session.stdout.write(out);
    });
  };
  return {
    onPart(part) {
      if (session.mode === 'json' || part.kind !== kind || part.index !== next) return;
      if (next === 0) write(renderText(session, null, head), -1, 0);
      next++;
      const questions = part.questions as Q[];
      write(renderText(session, { questions, first: part.first }, batch), part.first, questions.length);
    },
    started: () => next > 0,
    async shows(questions) {
      await chain;
      const again = await Promise.all(
        shown.map((s) => (s.first < 0 ? renderText(session, null, head) : renderText(session, { questions: questions.slice(s.first, s.first + s.size), first: s.first }, batch))),
      );
      const covered = shown.reduce((n, s) => n + s.size, 0);
      const same = covered === questions.length && again.every((text, i) => text === shown[i]!.text);
      if (!same) session.warn('the questions changed after some were shown; they are printed whole below');
      return same;
    },
  };
}
