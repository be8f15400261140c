import type { BenchFlags } from './run.js';
import { globalOptions, type RegisterCommand } from '../global-options.js';
import { examplesText } from '../help-layout.js';

export const registerBench: RegisterCommand = (program, session) => {
  globalOptions(program.command('bench'))
    .description('measure local models like llama-bench: prompt and generation tokens/s, latency, load time, roofline')
    .option('-m, --models <list>', 'models to measure, comma-separated (default: --model)')
    .option('-p, --n-prompt <list>', 'prompt sizes in tokens for pp tests, comma-separated; 0 skips (default 512)')
    .option('-n, --n-gen <list>', 'generated tokens for tg tests, comma-separated; 0 skips (default 128)')
    .option('--pg', 'also run prompt + generation in one request (pp+tg tests)')
    .option('-r, --repetitions <n>', 'measured runs per test after one warm-up, 1-100 (default 5)')
    .option('--parallel <list>', 'concurrency sweep: simultaneous streams for tg tests, e.g. 1,2,4 (default 1)')
    .option('--bandwidth <GB/s>', 'GPU memory bandwidth for the roofline (default: looked up from the GPU name)')
    .option('--no-load', 'skip the cold versus warm load-time measurement')
    .option('--csv', 'print CSV, one row per model and test')
    .option('--md', 'print a Markdown report')
    .option('--compare', 'show the change against the previous run of each model')
    .addHelpText('after', examplesText(
      'careerforge bench',
      'careerforge bench -m mistral:7b-instruct-v0.3-q4_K_M,llama3.2 -p 128,512 -n 64,128',
      'careerforge bench --compare',
    ))
    .action(async (opts: BenchFlags) => (await import('./run.js')).benchCommand(opts, session));
};
