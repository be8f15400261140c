// Every subcommand, in help order. A registration holds only options and help text; the command
// itself loads with import() when it runs. Add one line per command.
import type { RegisterCommand } from './global-options.js';
import { registerInterview } from './interview/spec.js';
import { registerQuiz } from './quiz/spec.js';
import { registerRoadmap } from './roadmap/spec.js';
import { registerSkills } from './skills/spec.js';
import { registerHealth } from './health/spec.js';
import { registerConfig } from './config/spec.js';
import { registerProgress } from './progress/spec.js';
import { registerBench } from './bench/spec.js';
import { registerEval } from './eval/spec.js';
import { registerSetup } from './setup/spec.js';
import { registerLogs } from './logs/spec.js';
import { registerList } from './list/spec.js';
import { registerShow } from './show/spec.js';
import { registerRm } from './rm/spec.js';
import { registerRename } from './rename/spec.js';
import { registerPrompts } from './prompts/spec.js';
import { registerCache } from './cache/spec.js';
import { registerRate } from './rate/spec.js';
import { registerExport } from './export/spec.js';
import { registerCompletion } from './completion/spec.js';
import { registerBatch } from './batch/spec.js';
import { registerStore } from './store/spec.js';

export const commands: RegisterCommand[] = [
  registerRoadmap,
  registerInterview,
  registerQuiz,
  registerSkills,
  registerBatch,
  registerHealth,
  registerConfig,
  registerProgress,
  registerBench,
  registerEval,
  registerSetup,
  registerLogs,
  registerList,
  registerShow,
  registerRm,
  registerRename,
  registerPrompts,
  registerCache,
  registerRate,
  registerExport,
  registerStore,
  registerCompletion,
];
