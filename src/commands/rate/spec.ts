import type { RateFlags } from './run.js';
import type { RegisterCommand } from '../global-options.js';

export const registerRate: RegisterCommand = (program, session) => {
  program
    .command('rate')
    .description('rate a saved generation 1-5 (shown by show and logs; export --rated makes a dataset of them)')
    .argument('<id>', 'its id, a unique start of it, or latest')
    .argument('<rating>', '1 (useless) to 5 (excellent)')
    .option('--note <text>', 'why, in a sentence (kept with the rating)')
    .option('--kind <kind>', 'look only among roadmaps, skills, interviews or quizzes (with latest: the newest of that kind)')
    .option('--json', 'print one JSON document on stdout (everything else on stderr)')
    .addHelpText('after', '\nExamples:\n  careerforge rate latest 5\n  careerforge rate r1a2 2 --note "month 3 repeats month 2"')
    .action(async (id: string, rating: string, opts: RateFlags) => (await import('./run.js')).rateCommand(id, rating, opts, session));
};
