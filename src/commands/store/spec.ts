import type { RegisterCommand } from '../global-options.js';

export const registerStore: RegisterCommand = (program, session) => {
  program
    .command('store')
    .description('saved records that could not be read: list them (and why), restore them once fixed')
    .argument('[action]', 'list (default) or restore')
    .argument('[ids...]', 'restore: the ids shown by store list (default: every one that fits again)')
    .option('--json', 'print one JSON document on stdout (everything else on stderr)')
    .addHelpText('after', '\nExamples:\n  careerforge store list\n  careerforge store restore r1a2b3c')
    .action(async (action: string | undefined, ids: string[]) => (await import('./run.js')).storeCommand(action, ids, session));
};
