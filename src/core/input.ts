// Reading user-supplied files and stdin safely: bounded size, text only, and never waiting on a
// terminal for input that will not come.
import fs from 'node:fs';
import { UsageError } from './errors.js';

export interface ReadTextOptions {
  flag: string;
  maxBytes: number;
  stdin?: NodeJS.ReadStream;
}

export async function readTextInput(source: string, { flag, maxBytes, stdin = process.stdin }: ReadTextOptions): Promise<string> {
  let bytes: Buffer;
  if (source === '-') {
    if (stdin.isTTY) throw new UsageError(`${flag} -: stdin is a terminal; pipe the data in (for example \`cat file | careerforge ... ${flag} -\`)`);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stdin) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw new UsageError(`${flag} -: input is larger than ${Math.round(maxBytes / 1024)} KB`);
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
    if (stat.size > maxBytes) throw new UsageError(`${flag}: ${source} is larger than ${Math.round(maxBytes / 1024)} KB`);
    bytes = fs.readFileSync(source);
  }
  if (bytes.length === 0) throw new UsageError(`${flag}: ${source === '-' ? 'stdin' : source} is empty`);
  if (bytes.includes(0)) throw new UsageError(`${flag}: ${source === '-' ? 'stdin' : source} looks binary, expected text`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\ufffd')) throw new UsageError(`${flag}: ${source === '-' ? 'stdin' : source} is not valid UTF-8 text`);
  return text;
}

export function parseJsonInput(text: string, flag: string): unknown {
  try {
    // JSON.parse refuses a BOM, which Windows editors put at the start of the file.
    return JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new UsageError(`${flag}: malformed JSON (${(error as Error).message})`, 'INVALID_INPUT');
  }
}
