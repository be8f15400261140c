import type { ExportFlags } from './run.js';
import type { RegisterCommand } from '../global-options.js';

export const registerExport: RegisterCommand = (program, session) => {
  program
    .command('export')
    .description('export your data: --rated writes the rated generations with their prompts as a JSONL fine-tuning dataset')
    .option('--rated', 'one line per accepted model call of each rated generation: {"messages":[system,user,assistant],"rating","note",...}')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--json', 'print one JSON document on stdout (everything else on stderr)')
    .addHelpText('after', '\nExamples:\n  careerforge export --rated > rated.jsonl\n  careerforge export --rated --out rated.jsonl')
    .action(async (opts: ExportFlags) => (await import('./run.js')).exportCommand(opts, session));
};
