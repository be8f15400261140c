import type { GlobalFlags } from '../shared.js';
import { globalOptions, type RegisterCommand } from '../global-options.js';
import { recordOptions } from '../record-options.js';
import { examplesText } from '../help-layout.js';

export const registerHealth: RegisterCommand = (program, session) => {
  recordOptions(globalOptions(program.command('health')), { dryRun: false })
    .description('check that Ollama is up, the model is pulled, loaded and answering')
    .addHelpText('after', examplesText(
      'careerforge health',
      'careerforge health --json | jq -e \'.success\'',
    ))
    .action(async (opts: GlobalFlags) => (await import('./run.js')).healthCommand(opts, session));
};
