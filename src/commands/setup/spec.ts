import type { GlobalFlags } from '../shared.js';
import { globalOptions, type RegisterCommand } from '../global-options.js';
import { examplesText } from '../help-layout.js';

export const registerSetup: RegisterCommand = (program, session) => {
  globalOptions(program.command('setup'))
    .description('get Ollama ready: pull the model if missing, create the careerforge model, run the health check (safe to repeat)')
    .addHelpText('after', examplesText(
      'careerforge setup',
      'careerforge setup --model llama3.1:8b',
    ))
    .action(async (opts: GlobalFlags) => (await import('./run.js')).setupCommand(opts, session));
};
