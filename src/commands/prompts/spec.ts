import type { PromptsFlags } from './run.js';
import type { RegisterCommand } from '../global-options.js';

export const registerPrompts: RegisterCommand = (program, session) => {
  program
    .command('prompts')
    .description('the prompt templates: list | show NAME | edit NAME | path [NAME] | reset NAME')
    .argument('[action]', 'list (default), show, edit, path or reset')
    .argument('[name]', 'a prompt name, e.g. roadmap (see prompts list)')
    .option('--shipped', 'show: the shipped template even when you have your own copy')
    .option('--json', 'print one JSON document on stdout (everything else on stderr)')
    .addHelpText('after', '\nYour copies live in the CareerForge home (prompts path) and override the shipped ones; updates never touch them.\n\nExamples:\n  careerforge prompts list\n  EDITOR=nano careerforge prompts edit roadmap\n  careerforge prompts reset roadmap')
    .action(async (action: string | undefined, name: string | undefined, opts: PromptsFlags) =>
      (await import('./run.js')).promptsCommand(action, name, opts, session));
};
