import type { LogsFlags } from './run.js';
import type { RegisterCommand } from '../global-options.js';

export const registerLogs: RegisterCommand = (program, session) => {
  program
    .command('logs')
    .description('the log of every model call: [list] | on | off | status | path')
    .argument('[action]', 'list (default), on, off, status or path')
    .option('-n, --count <n>', 'show the last N calls (default 10; 0 for all)')
    .option('--command <name>', 'only calls made by this command (roadmap, skills, interview, quiz, health, progress)')
    .option('--id <id>', 'only calls of this saved record (or of this call or run id)')
    .option('--json', 'print one JSON document on stdout (everything else on stderr)')
    .addHelpText('after', '\nExamples:\n  careerforge logs -n 3\n  careerforge logs --id r1a2b3c --json | jq \'.data.calls[].reply\'\n  careerforge logs off')
    .action(async (action: string | undefined, opts: LogsFlags) => (await import('./run.js')).logsCommand(action, opts, session));
};
