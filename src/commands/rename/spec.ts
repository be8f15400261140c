import type { RenameFlags } from './run.js';
import type { RegisterCommand } from '../global-options.js';
import { examplesText } from '../help-layout.js';

export const registerRename: RegisterCommand = (program, session) => {
  program
    .command('rename')
    .description('give a saved record a title of your own (shown by list and show)')
    .argument('<id>', 'its id, a unique start of it, or latest')
    .argument('<title>', 'the new title, at most 120 characters')
    .option('--kind <kind>', 'look only among roadmaps, skills, interviews, quizzes or bench')
    .option('--json', 'print one JSON document on stdout (everything else on stderr)')
    .addHelpText('after', examplesText(
      'careerforge rename r1a2b3c "Backend, 2026 plan"',
    ))
    .action(async (id: string, title: string, opts: RenameFlags) => (await import('./run.js')).renameCommand(id, title, opts, session));
};
