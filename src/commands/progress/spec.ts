import type { ProgressFlags } from './run.js';
import { cacheOption, globalOptions, type RegisterCommand } from '../global-options.js';
import { recordOptions } from '../record-options.js';

export const registerProgress: RegisterCommand = (program, session) => {
  // The model options (and --json) come from globalOptions: `progress replan` generates.
  recordOptions(cacheOption(globalOptions(program.command('progress'))))
    .description('track saved roadmaps: [list] | show ID | done|skip|undo ID TASK... | export ID | replan ID')
    .argument('[action]', 'list (default), show, done, skip, undo, export or replan')
    .argument('[args...]', 'roadmap ID, then task addresses M.W.T (e.g. 2.3.1) or M.W for a whole week')
    .option('--format <format>', 'export: md (a Markdown checklist, default) or ics (iCalendar, one event a week)')
    .option('--start <date>', 'export ics: first day of week 1, YYYY-MM-DD (required for ics); list/show: the schedule runs from it (default: the first done)')
    .option('--time <HH:MM>', 'export ics: timed events at this local time (all-day events without it)')
    .option('--duration <minutes>', 'export ics: length of timed events in minutes (default 60)')
    .option('--out <file>', 'export: write to this file instead of stdout')
    .option('--force', 'export: overwrite the --out file if it exists')
    .option('--version <n>', 'show: an earlier version of a re-planned roadmap')
    .option('--hours-per-week <hours>', 'replan: new hours per week, 1-80 (default: as before)')
    .option('--months <n>', 'replan: months still to come, 1-24 (default: as many as are left)')
    .option('--goal <text>', 'replan: a new goal, in a sentence')
    .addHelpText('after', '\nExamples:\n  careerforge progress\n  careerforge progress show r1a2b3c\n  careerforge progress done r1a2b3c 1.1.1 1.2\n  careerforge progress export r1a2b3c --format ics --start 2026-01-05 --out plan.ics\n  careerforge progress replan r1a2b3c --hours-per-week 6 --months 4\n  careerforge progress show r1a2b3c --version 1')
    .action(async (action: string | undefined, args: string[], opts: ProgressFlags) =>
      (await import('./run.js')).progressCommand(action, args, opts, session));
};
