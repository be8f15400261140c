import type { SkillsFlags } from './run.js';
import { generatorCommand, type RegisterCommand } from '../global-options.js';
import { examplesText } from '../help-layout.js';

export const registerSkills: RegisterCommand = (program, session) => {
  generatorCommand(program, 'skills')
    .description('a skills-gap analysis for a target role: readiness, strengths, gaps and what to learn first')
    .option('--role <role>', 'target role, e.g. "Backend Developer" (required)')
    .option('--skills <list>', 'your skills, comma-separated, each optionally with a level: "TypeScript:advanced,SQL:beginner,Docker"')
    .option('--resume <file>', 'your CV: plain text, Markdown or PDF (its text at most 50 KB; - for stdin)')
    .option('--job <file>', 'a job description to match against: text or PDF, at most 50 KB of text (- for stdin)')
    .option('--goal <text>', 'what you want to achieve, in a sentence')
    .option('--input <file>', 'read the profile from a JSON file (- for stdin); flags override it')
    .option('--to-roadmap', 'also generate and save a roadmap that closes the gaps, in the same run')
    .option('--months <n>', 'with --to-roadmap: length of the plan in months, 1-24 (default 6)')
    .option('--hours-per-week <hours>', 'with --to-roadmap: hours you can study each week, 1-80 (default 10)')
    .option('--videos', 'add a few YouTube tutorials per gap (needs the internet; env CAREERFORGE_VIDEO_TIMEOUT seconds per search, default 8)')
    .addHelpText('after', examplesText(
      'careerforge skills --role "Platform Engineer" --skills "TypeScript:advanced,SQL:beginner,Docker"',
      'careerforge skills --role "Data Engineer" --resume cv.md --job posting.txt --to-roadmap --months 4',
    ))
    .action(async (opts: SkillsFlags) => (await import('./run.js')).skillsCommand(opts, session));
};
