import type { ProgressFlags } from './run.js';
import type { RegisterCommand } from '../global-options.js';

export const registerProgress: RegisterCommand = (program, session) => {
  program
    .command('progress')
    .description('track saved roadmaps: [list] | show ID | done|skip|undo ID TASK... | export ID')
    .argument('[action]', 'list (default), show, done, skip, undo or export')
    .argument('[args...]', 'roadmap ID, then task addresses M.W.T (e.g. 2.3.1) or M.W for a whole week')
    .option('--json', 'print one JSON document on stdout (everything else on stderr)')
    .option('--format <format>', 'export: md (a Markdown checklist, default) or ics (iCalendar, one event a week)')
    .option('--start <date>', 'export ics: first day of week 1, YYYY-MM-DD (required for ics)')
    .option('--time <HH:MM>', 'export ics: timed events at this local time (all-day events without it)')
    .option('--duration <minutes>', 'export ics: length of timed events in minutes (default 60)')
    .option('--out <file>', 'export: write to this file instead of stdout')
    .addHelpText('after', '\nExamples:\n  careerforge progress\n  careerforge progress show r1a2b3c\n  careerforge progress done r1a2b3c 1.1.1 1.2\n  careerforge progress export r1a2b3c --format ics --start 2026-01-05 --out plan.ics')
    .action(async (action: string | undefined, args: string[], opts: ProgressFlags) =>
      (await import('./run.js')).progressCommand(action, args, opts, session));
};
