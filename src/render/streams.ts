// The stream shapes output is written through: process.stdout/stderr/stdin in the CLI, captures in
// tests. Renderers and Ink views take them from the session and never reach for `process`.

/** A stream we write to. */
export interface OutStream {
  write(chunk: string, callback?: () => void): boolean;
  isTTY?: boolean;
  columns?: number;
}

/** A stream we read from; Ink needs the raw-mode part on a TTY. */
export type InStream = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

/** Where an Ink screen draws and reads keys, and whether it may colour. */
export interface Screen {
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  env: NodeJS.ProcessEnv;
  color: boolean;
  /** Time a person spent on this screen (a form), taken out of the run's meta.latency_ms. */
  away?: (ms: number) => void;
}

/** One JSON document on one line: the --json contract. */
export function writeJson(stream: OutStream, doc: unknown): void {
  stream.write(`${JSON.stringify(doc)}\n`);
}
