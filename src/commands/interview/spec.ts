import type { InterviewFlags } from './run.js';
import { generatorCommand, type RegisterCommand } from '../global-options.js';
import { DEFAULT_SENIORITY, SENIORITIES, orList } from '../../core/vocabulary.js';
import { examplesText } from '../help-layout.js';

export const registerInterview: RegisterCommand = (program, session) => {
  generatorCommand(program, 'interview')
    .description('interview questions with model answers, or a graded mock interview (--mock)')
    .option('--role <role>', 'the job, e.g. "Backend Developer" (required unless --resume)')
    .option('--level <level>', `${orList(SENIORITIES)} (default ${DEFAULT_SENIORITY})`)
    .option('--type <type>', 'technical, behavioral, system-design or mixed (default mixed)')
    .option('--company <name>', 'the company you interview with, to tailor the questions')
    .option('--count <n>', 'number of questions, 1-30 (default 5)')
    .option('--mock', 'a mock interview: answer each question, get a grade, a follow-up and a summary')
    .option('--resume [id]', 'continue an unfinished mock interview (the latest, or the one with this id)')
    .addHelpText(
      'after',
      '\nIn a mock interview type your answer over several lines and press Ctrl-D to submit; Esc stops (answers so far stay saved).',
    )
    .addHelpText('after', examplesText(
      'careerforge interview --role "Backend Developer" --level senior --type system-design --count 5',
      'careerforge interview --role "Backend Developer" --mock',
      'careerforge interview --resume',
    ))
    .action(async (opts: InterviewFlags) => (await import('./run.js')).interviewCommand(opts, session));
};
