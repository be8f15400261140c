// Options of the commands whose model calls are recorded: the call log switches and --dry-run.
// cli.ts reads them in a preAction hook (see call-records.ts), so the commands' own code never
// has to pass them on.
import type { Command } from 'commander';
import { shared } from './help-layout.js';

export function recordOptions(cmd: Command, opts: { dryRun?: boolean } = {}): Command {
  return shared(cmd, 'Dry run and call log:', (c) => addRecordOptions(c, opts));
}

function addRecordOptions(cmd: Command, { dryRun = true }: { dryRun?: boolean }): Command {
  if (dryRun) cmd.option('--dry-run', 'print the exact request (messages, schema, options) that would be sent; send nothing, save nothing');
  return cmd
    .option('--no-log', 'do not write this run to the call log (see `careerforge logs`)')
    .option('--log-documents', 'keep CV and job text in the call log (otherwise only their size and sha256)');
}
