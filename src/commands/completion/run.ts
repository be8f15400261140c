// `careerforge completion bash|zsh|fish` and the hidden `__complete` the scripts call. The scripts
// are thin (as cobra's are): they hand the words typed so far to `careerforge __complete`, which
// answers from the command tree itself, so commands and flags never drift from the CLI.
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import type { Session } from '../session.js';
import { SCRIPTS } from './scripts.js';
import { candidates } from './candidates.js';

export async function completionCommand(shell: string, session: Session): Promise<void> {
  const script = SCRIPTS[shell];
  if (!script) throw new UsageError(`unknown shell "${shell}": use bash, zsh or fish`);
  session.stdout.write(script);
}

export async function completeWords(program: Command, words: string[], session: Session): Promise<void> {
  const found = await candidates(program, words.length ? words : [''], session.env);
  if (found.length) session.stdout.write(`${found.join('\n')}\n`);
}
