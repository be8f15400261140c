import type { GlobalFlags } from '../shared.js';
import { globalOptions, type RegisterCommand } from '../global-options.js';
import { examplesText } from '../help-layout.js';

export const registerConfig: RegisterCommand = (program, session) => {
  globalOptions(program.command('config'))
    .description('read or change stored settings: get KEY | set KEY VALUE | unset KEY | list | path')
    .argument('<action>', 'get, set, unset, list or path')
    .argument('[args...]', 'KEY and VALUE')
    .addHelpText('after', examplesText(
      'careerforge config set model llama3.1:8b',
      'careerforge config list',
      'careerforge config unset model',
    ))
    .action(async (action: string, args: string[], opts: GlobalFlags) => (await import('./run.js')).configCommand(action, args, opts, session));
};
