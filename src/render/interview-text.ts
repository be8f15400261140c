// Interview preparation as text, the one view for terminals and pipes: each question with what interviewers look
// for, a model answer, follow-ups and common mistakes, then the tips. Also a mock summary line set.
import type { ChalkInstance } from 'chalk';
import type { Interview } from '../core/interview/schema.js';
import type { Meta } from './json.js';
import { metaLine } from './roadmap-text.js';
import { plural } from '../core/plural.js';

export function interviewTitle(interview: Interview): string {
  const at = interview.company ? ` at ${interview.company}` : '';
  return `${interview.role} (${interview.level})${at}: ${interview.type} interview, ${plural(interview.questions.length, 'question')}`;
}

export function interviewText(interview: Interview, meta: Meta, c: ChalkInstance): string {
  const out: string[] = [c.bold(interviewTitle(interview)), ''];
  interview.questions.forEach((q, i) => {
    out.push(c.bold.cyan(`${i + 1}. ${q.question}`) + c.dim(`  [${q.type}, ${q.difficulty}]`));
    out.push(`   ${c.magenta('What interviewers look for:')}`);
    for (const point of q.what_interviewers_look_for) out.push(`     - ${point}`);
    out.push(`   ${c.green('Model answer:')} ${q.model_answer}`);
    out.push(`   ${c.yellow('Follow-ups:')} ${q.follow_ups.join(' | ')}`);
    out.push(`   ${c.red('Common mistakes:')} ${q.common_mistakes.join(' | ')}`, '');
  });
  if (interview.tips.length) {
    out.push(c.bold('Tips'));
    for (const tip of interview.tips) out.push(`  - ${tip}`);
    out.push('');
  }
  out.push(c.dim(metaLine(meta)));
  return `${out.join('\n')}\n`;
}
