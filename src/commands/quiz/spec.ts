import type { QuizFlags } from './run.js';
import { generatorCommand, type RegisterCommand } from '../global-options.js';
import { DEFAULT_DIFFICULTY, DIFFICULTIES, orList } from '../../core/vocabulary.js';
import { examplesText } from '../help-layout.js';

export const registerQuiz: RegisterCommand = (program, session) => {
  generatorCommand(program, 'quiz')
    .description('a multiple-choice knowledge quiz: take it in the terminal, or --json for pipelines')
    .option('--topic <topic>', 'what to quiz on, e.g. "SQL" (this or --role is required)')
    .option('--role <role>', 'quiz on the knowledge a role needs, e.g. "Data Engineer"')
    .option('--difficulty <level>', `${orList(DIFFICULTIES)} (default ${DEFAULT_DIFFICULTY})`)
    .option('--count <n>', 'number of questions, 1-50 (default 10)')
    .option('--retry-mistakes', 'ask again the questions you missed or skipped last time (of --topic if given)')
    .option('--history', 'list past quiz scores (of --topic if given)')
    .option('--review', 'spaced repetition: ask the cards due today (of --topic if given) and reschedule them')
    .option('--due', 'count the cards due today (of --topic if given)')
    .option('--flashcards', 'show the cards of --topic as question/answer flashcards to grade yourself')
    .option('--retention <r>', 'desired recall when a card comes back, 0.7-0.99 (env CAREERFORGE_RETENTION; default 0.9)')
    .addHelpText(
      'after',
      '\nOn a terminal the quiz is taken one question at a time: 1-4 or arrows+Enter to answer, s to skip, Esc to stop.\nPiped, it prints the questions with an answer key; --json prints the quiz with its answers.\nEvery answered question becomes a spaced-repetition card (FSRS): quiz --review asks the due ones.',
    )
    .addHelpText('after', examplesText(
      'careerforge quiz --topic SQL --difficulty medium --count 10',
      'careerforge quiz --role "Data Engineer" --count 5 --json',
      'careerforge quiz --review',
    ))
    .action(async (opts: QuizFlags) => (await import('./run.js')).quizCommand(opts, session));
};
