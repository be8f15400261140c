import type { Command } from 'commander';
import type { RegisterCommand } from '../global-options.js';
import { examplesText } from '../help-layout.js';

const INSTALL = [
  '',
  'Install (then open a new shell):',
  '  bash: careerforge completion bash > ~/.local/share/bash-completion/completions/careerforge',
  '  zsh:  careerforge completion zsh > "${fpath[1]}/_careerforge"',
  '  fish: careerforge completion fish > ~/.config/fish/completions/careerforge.fish',
].join('\n');

export const registerCompletion: RegisterCommand = (program, session) => {
  program
    .command('completion')
    .description('print a shell completion script: bash, zsh or fish')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText('after', INSTALL)
    .addHelpText('after', examplesText(
      'source <(careerforge completion bash)   # this shell only',
    ))
    .action(async (shell: string) => (await import('./run.js')).completionCommand(shell, session));
  // The scripts call this for every TAB: candidates for the words typed so far, one per line.
  program
    .command('__complete', { hidden: true })
    .argument('[words...]')
    .allowUnknownOption()
    .helpOption(false)
    .action(async (words: string[], _opts: unknown, cmd: Command) => (await import('./run.js')).completeWords(cmd.parent!, words, session));
};
