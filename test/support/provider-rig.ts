// One fake model server behind a provider-neutral face, so a test can run the same scenario on
// `--provider ollama` (the Ollama fake) and `--provider openai` (the OpenAI-compatible fake, as
// vLLM or llama-server): the CLI arguments that point at it, valid answers for whatever schema a
// request carried, and the faults both wires can produce, each in its own server's bytes.
import type { ChatReply, RecordedRequest } from './fake-ollama.js';
import { startFakeOllama } from './fake-ollama.js';
import { startFakeOpenAI, type Flavor, type OpenAIReply } from './fake-openai.js';
import { validReply } from './answer-by-schema.js';

export type RigKind = 'ollama' | Flavor;
export type Fault = 'status-500' | 'status-503' | 'midstream-error' | 'cut' | 'length';

export interface Rig {
  kind: RigKind;
  provider: 'ollama' | 'openai';
  /** --provider and --host for this server. */
  args: string[];
  /** The host as messages name it. */
  url: string;
  requests: RecordedRequest[];
  chats(): RecordedRequest[];
  /** Answer every chat with a valid reply for its schema (fenced in ```json on openai when asked). */
  answerAll(opts?: { fence?: boolean }): void;
  /** Fail every chat this way. */
  always(fault: Fault): void;
  /** Queue one fault before the valid answers. */
  once(fault: Fault): void;
  close(): Promise<void>;
}

export const FAULT_MESSAGE = 'CUDA error: out of memory';

/** The schema a request carried, wherever its wire puts it. */
export function schemaOf(req: RecordedRequest): any {
  return req.body?.format ?? req.body?.response_format?.json_schema?.schema;
}

/** The request as the Ollama-shaped helpers (answer-by-schema.ts) read it. */
export function ollamaShaped(req: RecordedRequest): RecordedRequest {
  return req.body?.format ? req : { ...req, body: { ...req.body, format: schemaOf(req) } };
}

/** A schema-less call (bench): `n` one-token words, so the server's count is exactly what was asked. */
function plain(n: number): { content: string; chunks: number } {
  return { content: 'word '.repeat(n), chunks: n };
}

function ollamaFault(fault: Fault, req?: RecordedRequest): ChatReply {
  switch (fault) {
    case 'status-500':
      return { fault: 'status', status: 500, error: FAULT_MESSAGE };
    case 'status-503':
      return { fault: 'status', status: 503, error: 'server busy, please try again.  maximum pending requests exceeded' };
    case 'midstream-error':
      return { fault: 'midstream-error', content: '{"a":', error: FAULT_MESSAGE };
    case 'cut':
      return { fault: 'cut', content: '{"a":' };
    case 'length':
      return { content: String((req ? (validReply(req) as { content: string }).content : '{"a": 1}')).slice(0, 30), doneReason: 'length' };
  }
}

function openaiFault(fault: Fault, req?: RecordedRequest): OpenAIReply {
  switch (fault) {
    case 'status-500':
      return { fault: 'status', status: 500, message: FAULT_MESSAGE };
    case 'status-503':
      return { fault: 'status', status: 503 };
    case 'midstream-error':
      return { fault: 'midstream-error', content: '{"a":', error: FAULT_MESSAGE };
    case 'cut':
      return { fault: 'cut', content: '{"a":' };
    case 'length':
      return { content: String(req ? (validReply(ollamaShaped(req)) as { content: string }).content : '{"a": 1}').slice(0, 30), finishReason: 'length' };
  }
}

export async function startRig(kind: RigKind, opts: { apiKey?: string } = {}): Promise<Rig> {
  if (kind === 'ollama') {
    const fake = await startFakeOllama();
    return {
      kind,
      provider: 'ollama',
      args: ['--provider', 'ollama', '--host', fake.host],
      url: fake.url,
      requests: fake.requests,
      chats: () => fake.chatRequests(),
      answerAll: () => fake.onChat((req, index) => (req.body?.format ? validReply(req, index) : plain(Number(req.body?.options?.num_predict ?? 8)))),
      always: (fault) => fake.onChat((req) => ollamaFault(fault, req)),
      once: (fault) => fake.reply(ollamaFault(fault)),
      close: () => fake.close(),
    };
  }
  const fake = await startFakeOpenAI({ flavor: kind, ...opts });
  return {
    kind,
    provider: 'openai',
    args: ['--provider', 'openai', '--host', fake.url],
    url: fake.url,
    requests: fake.requests,
    chats: () => fake.chatRequests(),
    answerAll: (o = {}) =>
      fake.onChat((req, index) => {
        if (!schemaOf(req)) return plain(Number(req.body?.max_tokens ?? 8));
        const reply = validReply(ollamaShaped(req), index) as { content: string };
        return { content: reply.content, fence: o.fence === true };
      }),
    always: (fault) => fake.onChat((req) => openaiFault(fault, req)),
    once: (fault) => fake.reply(openaiFault(fault)),
    close: () => fake.close(),
  };
}
