import type { EvalFlags } from './run.js';
import { globalOptions, type RegisterCommand } from '../global-options.js';
import { examplesText } from '../help-layout.js';

export const registerEval: RegisterCommand = (program, session) => {
  const cmd = globalOptions(program.command('eval'));
  // The shared --model takes a comma-separated list here: the models to compare.
  const model = cmd.options.find((o) => o.long === '--model');
  if (model) model.description = 'models to evaluate, comma-separated (env CAREERFORGE_MODEL; default mistral:7b-instruct-v0.3-q4_K_M)';
  cmd
    .description('run the shipped profiles through every generator on one or more models and report what each model gets right')
    .option('-g, --generators <list>', 'generators to run, comma-separated: roadmap, skills, interview, quiz (default all)')
    .option('--profiles <n>', 'only the first N shipped profiles (default all)')
    .option('--quick', 'three profiles at small sizes (2 months, 2 interview and 3 quiz questions): minutes, not an hour')
    .option('--format <format>', 'text (default), md or csv')
    .option('--compare [id]', 'show the change against an earlier run: the newest of each model, or the run with this id')
    .addHelpText('after', examplesText(
      'careerforge eval --quick --model mistral:7b-instruct-v0.3-q4_K_M,llama3.1:8b',
      'careerforge eval --generators roadmap,quiz --profiles 4 --format md > eval.md',
    ))
    .action(async (opts: EvalFlags) => (await import('./run.js')).evalCommand(opts, session));
};
