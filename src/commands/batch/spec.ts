import type { BatchFlags } from './run.js';
import { globalOptions, type RegisterCommand } from '../global-options.js';
import { recordOptions } from '../record-options.js';
import { examplesText } from '../help-layout.js';

export const registerBatch: RegisterCommand = (program, session) => {
  recordOptions(globalOptions(program.command('batch')), { dryRun: false })
    .description('run roadmap, skills, interview or quiz for every line of a JSONL file, resumably')
    .argument('<kind>', 'roadmap, skills, interview or quiz')
    .requiredOption('--input <file>', 'one JSON object per line: the fields of the command\'s --input plus an "id" (- for stdin)')
    .requiredOption('--out <file>', 'results, one JSON envelope per input line with its "id"; a rerun skips the ids already done and retries the failed')
    .option('--no-cache', 'always ask the model (batch answers identical requests from the response cache by default)')
    .addHelpText('after', '\nBatch results go to --out only: nothing is saved to your own store. Progress goes to stderr.\nSet --concurrency to the server\'s slots (vLLM: 16-64; Ollama: OLLAMA_NUM_PARALLEL).')
    .addHelpText('after', examplesText(
      'careerforge batch roadmap --input people.jsonl --out roadmaps.jsonl --concurrency 4',
    ))
    .action(async (kind: string, opts: BatchFlags) => (await import('./run.js')).batchCommand(kind, opts, session));
};
