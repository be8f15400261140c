import type { RegisterCommand } from '../global-options.js';

export const registerList: RegisterCommand = (program, session) => {
  program
    .command('list')
    .description('everything saved, newest first: [roadmaps|skills|interviews|quizzes|bench]')
    .argument('[kind]', 'only this kind: roadmaps, skills, interviews, quizzes or bench')
    .option('--json', 'print one JSON document on stdout (everything else on stderr)')
    .addHelpText('after', '\nExamples:\n  careerforge list\n  careerforge list roadmaps --json | jq -r \'.data.records[].id\'')
    .action(async (kind: string | undefined) => (await import('./run.js')).listCommand(kind, session));
};
