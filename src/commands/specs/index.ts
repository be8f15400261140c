// Every subcommand, in help order. A registration holds only options and help text; the command
// itself loads with import() when it runs. Add one line per command.
import type { RegisterCommand } from './global.js';
import { registerInterview } from './interview.js';
import { registerQuiz } from './quiz.js';
import { registerRoadmap } from './roadmap.js';
import { registerSkills } from './skills.js';
import { registerHealth } from './health.js';
import { registerConfig } from './config.js';
import { registerProgress } from './progress.js';
import { registerBench } from './bench.js';
import { registerSetup } from './setup.js';

export const commands: RegisterCommand[] = [
  registerRoadmap,
  registerInterview,
  registerQuiz,
  registerSkills,
  registerHealth,
  registerConfig,
  registerProgress,
  registerBench,
  registerSetup,
];
