// Options every model-backed command takes. Each names its env variable and default, because
// settings resolve flag > env > config > default (src/core/config/settings.ts).
import type { Command } from 'commander';
import type { Session } from './session.js';
import { recordOptions } from './record-options.js';
import { shared } from './help-layout.js';

/** A command's registration: options and help only, with the implementation behind import(). */
export type RegisterCommand = (program: Command, session: Session) => void;

export function globalOptions(cmd: Command): Command {
  shared(cmd, 'Options:', (c) => c.option('--json', 'print one JSON document on stdout (everything else on stderr)'));
  return shared(cmd, 'Model options:', modelOptions);
}

function modelOptions(cmd: Command): Command {
  return cmd
    .option('--provider <name>', 'ollama, or openai for vLLM / llama-server / LM Studio (env CAREERFORGE_PROVIDER; default ollama)')
    .option('--host <url>', 'Ollama server (env OLLAMA_HOST; default http://127.0.0.1:11434), or with --provider openai the base URL (env OPENAI_BASE_URL; default http://127.0.0.1:8000/v1)')
    .option('--model <name>', 'Ollama model (env CAREERFORGE_MODEL; default mistral:7b-instruct-v0.3-q4_K_M)')
    .option('--num-ctx <tokens>', 'context window sent on every call (env CAREERFORGE_NUM_CTX; default 8192)')
    .option('--num-predict <tokens>', 'cap on generated tokens per call (env CAREERFORGE_NUM_PREDICT; default sized per request)')
    .option('--timeout <seconds>', 'give up after this long without a byte from Ollama (env CAREERFORGE_TIMEOUT; default 300)')
    .option('--retries <n>', 'repair attempts after an invalid answer (env CAREERFORGE_RETRIES; default 2)')
    .option('--temperature <t>', 'sampling temperature 0-2 (env CAREERFORGE_TEMPERATURE; default 0.4)')
    .option('--seed <n>', 'sampling seed for reproducible answers (env CAREERFORGE_SEED)')
    .option('--fold-system', 'send the system prompt inside the first user turn, for chat templates that refuse one (env CAREERFORGE_FOLD_SYSTEM)')
    .option('--concurrency <n>', 'independent calls sent at once, 1-32; match the server\'s slots (OLLAMA_NUM_PARALLEL) (env CAREERFORGE_CONCURRENCY; default 1)');
}

/** Generators only (never bench or health, whose point is a real request). */
export function cacheOption(cmd: Command): Command {
  return shared(cmd, 'Model options:', (c) => c.option('--cache', 'answer an identical earlier request from the response cache (off by default; see `careerforge cache --help`)'));
}

/** `careerforge NAME` for a generator: the model options, --cache, and the call-log and --dry-run switches. */
export function generatorCommand(program: Command, name: string): Command {
  return recordOptions(cacheOption(globalOptions(program.command(name))));
}
