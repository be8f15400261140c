import type { RoadmapFlags } from './run.js';
import { generatorCommand, type RegisterCommand } from '../global-options.js';
import { DEFAULT_LEVEL, LEVELS, orList } from '../../core/vocabulary.js';
import { examplesText } from '../help-layout.js';

export const registerRoadmap: RegisterCommand = (program, session) => {
  generatorCommand(program, 'roadmap')
    .description('a month-by-month learning plan for a target role')
    .option('--role <role>', 'target role, e.g. "Backend Developer" (required)')
    .option('--level <level>', `your level: ${orList(LEVELS)} (default ${DEFAULT_LEVEL})`)
    .option('--skills <list>', 'skills you already have, comma-separated')
    .option('--hours-per-week <hours>', 'hours you can study each week, 1-80 (default 10)')
    .option('--months <n>', 'length of the plan in months, 1-24 (default 6)')
    .option('--goal <text>', 'what you want to achieve, in a sentence')
    .option('--input <file>', 'read the profile from a JSON file (- for stdin); flags override it')
    .option('--replan <id>', 'plan the rest of a saved roadmap again from its progress (as `progress replan ID`; takes --hours-per-week, --months remaining, --goal)')
    .option('--videos', 'add a few YouTube tutorials per month (needs the internet; env CAREERFORGE_VIDEO_TIMEOUT seconds per search, default 8)')
    .addHelpText('after', examplesText(
      'careerforge roadmap --role "Backend Developer" --level intermediate --months 3',
      'careerforge roadmap --input profile.json --json',
      'careerforge roadmap --role "Data Engineer" --dry-run',
    ))
    .action(async (opts: RoadmapFlags) => (await import('./run.js')).roadmapCommand(opts, session));
};
