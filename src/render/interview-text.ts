// Interview preparation as text, the one view for terminals and pipes: each question with what interviewers look
// for, a model answer, follow-ups and common mistakes, then the tips. Also a mock summary line set.
import type { ChalkInstance } from 'chalk';
import type { Interview } from '../core/interview/schema.js';
import type { Meta } from './json.js';
import { metaLine } from './roadmap-text.js';
import { plural } from '../core/plural.js';

export function interviewTitle(interview: Pick<Interview, 'role' | 'level' | 'type' | 'company'> & { questions?: unknown[] }, count = interview.questions?.length ?? 0): string {
  const at = interview.company ? ` at ${interview.company}` : '';
  return `${interview.role} (${interview.level})${at}: ${interview.type} interview, ${plural(count, 'question')}`;
}

export function interviewText(interview: Interview, meta: Meta, c: ChalkInstance): string {
  return interviewHeadText(interview, interview.questions.length, c) + interviewQuestionsText(interview.questions, 0, c) + interviewTailText(interview.tips, meta, c);
}

// The parts of the one interview view, also printed one by one as the batches finish
// (progressive output): the title, the questions of each batch, then the tips and the meta line.

export function interviewHeadText(interview: Pick<Interview, 'role' | 'level' | 'type' | 'company'>, count: number, c: ChalkInstance): string {
  return `${c.bold(interviewTitle(interview, count))}\n\n`;
}

/** Questions numbered from `first` + 1. */
export function interviewQuestionsText(questions: Interview['questions'], first: number, c: ChalkInstance): string {
  const out: string[] = [];
  questions.forEach((q, k) => {
    out.push(c.bold.cyan(`${first + k + 1}. ${q.question}`) + c.dim(`  [${q.type}, ${q.difficulty}]`));
    out.push(`   ${c.magenta('What interviewers look for:')}`);
    for (const point of q.what_interviewers_look_for) out.push(`     - ${point}`);
    out.push(`   ${c.green('Model answer:')} ${q.model_answer}`);
    out.push(`   ${c.yellow('Follow-ups:')} ${q.follow_ups.join(' | ')}`);
    out.push(`   ${c.red('Common mistakes:')} ${q.common_mistakes.join(' | ')}`, '');
  });
  return out.map((line) => `${line}\n`).join('');
}

export function interviewTailText(tips: Interview['tips'], meta: Meta, c: ChalkInstance): string {
  const out: string[] = [];
  if (tips.length) {
    out.push(c.bold('Tips'));
    for (const tip of tips) out.push(`  - ${tip}`);
    out.push('');
  }
  out.push(c.dim(metaLine(meta)));
  return `${out.join('\n')}\n`;
}
