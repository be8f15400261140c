import type { GlobalFlags } from '../shared.js';
import { globalOptions, type RegisterCommand } from '../global-options.js';

export const registerSetup: RegisterCommand = (program, session) => {
  globalOptions(program.command('setup'))
    .description('get Ollama ready: pull the model if missing, create the careerforge model, run the health check (safe to repeat)')
    .action(async (opts: GlobalFlags) => (await import('./run.js')).setupCommand(opts, session));
};
