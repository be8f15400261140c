// Run the built CLI as a user would: a real process through bin/careerforge.js, with its own
// CAREERFORGE_HOME (a fresh temp dir) and OLLAMA_HOST pointing at a fake server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type Result } from 'execa';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin', 'careerforge.js');

export function tempHome(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'careerforge-test-'));
}

export interface RunOptions {
  host?: string;
  home?: string;
  env?: Record<string, string | undefined>;
  input?: string;
  timeoutMs?: number;
  cwd?: string;
}

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  home: string;
  /** The child process, when the run was one (runInProcess has none). */
  raw?: Result;
}

export async function runCli(args: string[], opts: RunOptions = {}): Promise<CliResult> {
  const home = opts.home ?? tempHome();
  const raw = await execa('node', [BIN, ...args], {
    reject: false,
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    timeout: opts.timeoutMs ?? 20_000,
    stripFinalNewline: false,
    extendEnv: true,
    env: {
      CAREERFORGE_HOME: home,
      OLLAMA_HOST: opts.host ?? '127.0.0.1:9',
      CAREERFORGE_MODEL: undefined,
      CAREERFORGE_NUM_CTX: undefined,
      CAREERFORGE_RETRIES: undefined,
      CAREERFORGE_TIMEOUT: undefined,
      NO_COLOR: undefined,
      FORCE_COLOR: undefined,
      CI: '1',
      // A UTF-8 locale whatever the machine running the tests has (LANG=C draws ASCII glyphs).
      LANG: 'C.UTF-8',
      LC_ALL: undefined,
      LC_CTYPE: undefined,
      ...opts.env,
    },
  });
  return { exitCode: raw.exitCode ?? -1, stdout: String(raw.stdout), stderr: String(raw.stderr), home, raw };
}

/** stdout must be exactly one JSON document: parse it strictly. */
export function parseEnvelope(stdout: string): { success: boolean; data?: any; error?: { code: string; message: string }; meta: Record<string, any> } {
  const lines = stdout.trimEnd().split('\n');
  if (lines.length !== 1) throw new Error(`stdout is not one JSON line:\n${stdout}`);
  return JSON.parse(lines[0]!);
}

export function readStore(home: string): any {
  const file = path.join(home, 'store.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}
