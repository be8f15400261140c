// CVs and job ads in tests: a file in a fresh temp dir, and the text the model received in its
// data block (decoded from the escaped JSON the prompt carries).
import fs from 'node:fs';
import path from 'node:path';
import { tempHome } from './cli.js';
import type { FakeOllama } from './fake-ollama.js';

/** Write `content` to `name` in a new temp directory; returns the path. */
export function documentFile(name: string, content: string | Buffer): string {
  const p = path.join(tempHome(), name);
  fs.writeFileSync(p, content);
  return p;
}

/** The CV or job text as the model received it in the first chat request, decoded from its data block. */
export function documentSent(fake: FakeOllama, name: 'cv' | 'job_description'): string {
  const [req] = fake.chatRequests();
  const prompt = String(req!.body.messages.at(-1).content);
  const block = new RegExp(`<user_data name="${name}">\\n([\\s\\S]*?)\\n</user_data>`).exec(prompt);
  if (!block) throw new Error(`no ${name} block in:\n${prompt}`);
  return JSON.parse(block[1]!.replace(/\\u003c/g, '<').replace(/\\u003e/g, '>')) as string;
}
