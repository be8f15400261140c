// Reading user-supplied files and stdin safely: bounded size, text only, and never waiting on a
// terminal for input that will not come.
import fs from 'node:fs';
import { UsageError } from './errors.js';

export interface ReadTextOptions {
  flag: string;
  maxBytes: number;
  /** The session's stdin, read when the source is `-`. */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

export async function readTextInput(source: string, opts: ReadTextOptions): Promise<string> {
  return decodeText(await readInputBytes(source, opts), source, opts.flag);
}

/** The bytes of a file or of stdin (`-`), refused when missing, not a file, empty or over `maxBytes`. */
export async function readInputBytes(source: string, { flag, maxBytes, stdin }: ReadTextOptions): Promise<Buffer> {
  let bytes: Buffer;
  if (source === '-') {
    if (stdin.isTTY) throw new UsageError(`${flag} -: stdin is a terminal; pipe the data in (for example \`cat file | careerforge ... ${flag} -\`)`);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stdin) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw tooLarge(flag, source, maxBytes);
      chunks.push(chunk as Buffer);
    }
    bytes = Buffer.concat(chunks);
  } else {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(source);
    } catch {
      throw new UsageError(`${flag}: cannot read ${source}: no such file`);
    }
    if (!stat.isFile()) throw new UsageError(`${flag}: ${source} is not a regular file`);
    if (stat.size > maxBytes) throw tooLarge(flag, source, maxBytes);
    bytes = fs.readFileSync(source);
  }
  if (bytes.length === 0) throw new UsageError(`${flag}: ${sourceName(source)} is empty`);
  return bytes;
}

/** UTF-8 text, or a usage error naming the source when the bytes are binary or not UTF-8. */
export function decodeText(bytes: Buffer, source: string, flag: string): string {
  if (bytes.includes(0)) throw new UsageError(`${flag}: ${sourceName(source)} looks binary, expected text`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\ufffd')) throw new UsageError(`${flag}: ${sourceName(source)} is not valid UTF-8 text`);
  return text;
}

export function tooLarge(flag: string, source: string, maxBytes: number): UsageError {
  const what = source === '-' ? `${flag} -: input` : `${flag}: ${source}`;
  return new UsageError(`${what} is larger than ${Math.round(maxBytes / 1024)} KB`);
}

export const sourceName = (source: string): string => (source === '-' ? 'stdin' : source);

export function parseJsonInput(text: string, flag: string): unknown {
  try {
    // JSON.parse refuses a BOM, which Windows editors put at the start of the file.
    return JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new UsageError(`${flag}: malformed JSON (${(error as Error).message})`, 'INVALID_INPUT');
  }
}
