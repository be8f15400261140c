import type { RmFlags } from './run.js';
import type { RegisterCommand } from '../global-options.js';
import { examplesText } from '../help-layout.js';

export const registerRm: RegisterCommand = (program, session) => {
  program
    .command('rm')
    .description('delete a saved record (asks first on a terminal; --yes otherwise)')
    .argument('<id>', 'its id, a unique start of it, or latest')
    .option('-y, --yes', 'delete without asking (needed when stdin is not a terminal)')
    .option('--kind <kind>', 'look only among roadmaps, skills, interviews, quizzes or bench')
    .option('--json', 'print one JSON document on stdout (everything else on stderr)')
    .addHelpText('after', examplesText(
      'careerforge rm z9x8 --yes',
      'careerforge rm latest --kind quizzes',
    ))
    .action(async (id: string, opts: RmFlags) => (await import('./run.js')).rmCommand(id, opts, session));
};
