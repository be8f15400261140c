import type { ShowFlags } from './run.js';
import type { RegisterCommand } from '../global-options.js';

export const registerShow: RegisterCommand = (program, session) => {
  program
    .command('show')
    .description('show a saved roadmap, skills report, interview, quiz or bench run')
    .argument('<id>', 'its id, a unique start of it, or latest')
    .option('--format <format>', 'text (default), md or json')
    .option('--kind <kind>', 'look only among roadmaps, skills, interviews, quizzes or bench (with latest: the newest of that kind)')
    .option('--json', 'print one JSON document on stdout (everything else on stderr)')
    .addHelpText('after', '\nExamples:\n  careerforge show r1a2\n  careerforge show latest --format md > plan.md\n  careerforge show latest --kind quizzes --json')
    .action(async (id: string, opts: ShowFlags) => (await import('./run.js')).showCommand(id, opts, session));
};
