import { type RegisterCommand } from '../global-options.js';
import { examplesText } from '../help-layout.js';

export const registerCache: RegisterCommand = (program, session) => {
  program
    .command('cache')
    .description('the response cache: stats | clear')
    .argument('<action>', 'stats or clear')
    .option('--json', 'print one JSON document on stdout (everything else on stderr)')
    .addHelpText(
      'after',
      [
        '',
        'Identical requests (provider, model and its digest, messages, schema, sampling options incl. seed and',
        'temperature) can be answered from the cache: generators use it with --cache, `careerforge batch` unless',
        '--no-cache. meta.cached says when an answer came from it.',
        '',
        'Environment:',
        '  CAREERFORGE_CACHE         local (default, under CAREERFORGE_HOME), off, or redis://host:6379/0 for a team',
        '  CAREERFORGE_CACHE_MAX_MB  bound of the local cache, least recently used first out (default 256)',
        '  CAREERFORGE_CACHE_TTL     seconds an entry lives (default 604800, 7 days)',
        'A Redis that cannot be reached costs a warning and no cache, never a failed generation.',
      ].join('\n'),
    )
    .addHelpText('after', examplesText(
      'careerforge cache stats',
      'careerforge cache clear',
    ))
    .action(async (action: string, opts: { json?: boolean }) => (await import('./run.js')).cacheCommand(action, opts, session));
};
