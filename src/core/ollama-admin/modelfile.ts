// A small Ollama Modelfile parser and checker: `careerforge setup` builds its create request from
// it, and the deploy tests validate the repo Modelfile without an Ollama binary. It follows Ollama's documented syntax: one instruction per line (case-insensitive),
// `#` comment lines, values that are bare, "quoted" or """triple-quoted""" across several lines.

export type InstructionName = 'FROM' | 'PARAMETER' | 'TEMPLATE' | 'SYSTEM' | 'ADAPTER' | 'LICENSE' | 'MESSAGE' | 'REQUIRES';

export interface Instruction {
  name: InstructionName;
  /** PARAMETER: the parameter name; MESSAGE: the role. Absent for the other instructions. */
  key?: string;
  value: string;
  /** 1-based line where the instruction starts, for error messages. */
  line: number;
}

export class ModelfileError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'ModelfileError';
  }
}

const INSTRUCTIONS: ReadonlySet<string> = new Set<InstructionName>([
  'FROM', 'PARAMETER', 'TEMPLATE', 'SYSTEM', 'ADAPTER', 'LICENSE', 'MESSAGE', 'REQUIRES',
]);

type ParamType = 'int' | 'float' | 'bool' | 'string';

// The PARAMETER names Ollama accepts, with the type its option parser expects. An unknown name
// makes `ollama create` fail, so catching it here saves a broken deploy.
export const KNOWN_PARAMETERS: Readonly<Record<string, ParamType>> = {
  num_ctx: 'int', repeat_last_n: 'int', seed: 'int', num_predict: 'int', top_k: 'int',
  num_gpu: 'int', num_thread: 'int', num_keep: 'int', mirostat: 'int', num_batch: 'int',
  main_gpu: 'int',
  repeat_penalty: 'float', temperature: 'float', top_p: 'float', min_p: 'float',
  mirostat_eta: 'float', mirostat_tau: 'float', tfs_z: 'float', typical_p: 'float',
  presence_penalty: 'float', frequency_penalty: 'float',
  penalize_newline: 'bool', numa: 'bool', use_mmap: 'bool',
  stop: 'string',
};

const MESSAGE_ROLES: ReadonlySet<string> = new Set(['system', 'user', 'assistant']);

/** Parse Modelfile text into instructions; throws ModelfileError on a syntax error. */
export function parseModelfile(text: string): Instruction[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: Instruction[] = [];
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const trimmed = (lines[i] ?? '').trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;

    const head = /^(\S+)\s*(.*)$/.exec(trimmed);
    const word = (head?.[1] ?? '').toUpperCase();
    if (!INSTRUCTIONS.has(word)) throw new ModelfileError(`unknown instruction "${head?.[1] ?? ''}"`, lineNo);
    const name = word as InstructionName;
    let rest = head?.[2] ?? '';

    let key: string | undefined;
    if (name === 'PARAMETER' || name === 'MESSAGE') {
      const kv = /^(\S+)\s+([\s\S]*)$/.exec(rest);
      if (!kv) throw new ModelfileError(`${name} needs a ${name === 'PARAMETER' ? 'name' : 'role'} and a value`, lineNo);
      key = kv[1];
      rest = kv[2] ?? '';
    }

    const { value, lastIndex } = readValue(lines, i, rest, lineNo);
    i = lastIndex;
    if (value.trim() === '' && name !== 'SYSTEM' && name !== 'TEMPLATE') {
      throw new ModelfileError(`${name} has an empty value`, lineNo);
    }
    out.push(key === undefined ? { name, value, line: lineNo } : { name, key, value, line: lineNo });
  }
  return out;
}

// Reads a bare, "quoted" or """multi-line""" value that begins in `rest` on line `index`.
function readValue(lines: string[], index: number, rest: string, lineNo: number): { value: string; lastIndex: number } {
  if (rest.startsWith('"""')) {
    let body = rest.slice(3);
    let at = index;
    for (;;) {
      const close = body.indexOf('"""');
      if (close >= 0) {
        if (body.slice(close + 3).trim() !== '') throw new ModelfileError('text after closing """', at + 1);
        return { value: body.slice(0, close), lastIndex: at };
      }
      at++;
      if (at >= lines.length) throw new ModelfileError('unterminated """ value', lineNo);
      body += `\n${lines[at] ?? ''}`;
    }
  }
  if (rest.startsWith('"')) {
    const m = /^"((?:[^"\\]|\\.)*)"\s*$/.exec(rest);
    if (!m) throw new ModelfileError('unterminated or malformed "quoted" value', lineNo);
    return { value: (m[1] ?? '').replace(/\\(.)/g, '$1'), lastIndex: index };
  }
  return { value: rest.trim(), lastIndex: index };
}

function checkParameter(key: string, value: string): string | undefined {
  const type = KNOWN_PARAMETERS[key];
  if (type === undefined) return `unknown PARAMETER "${key}"`;
  switch (type) {
    case 'int':
      return /^-?\d+$/.test(value) ? undefined : `PARAMETER ${key} must be an integer, got "${value}"`;
    case 'float':
      return value !== '' && Number.isFinite(Number(value)) ? undefined : `PARAMETER ${key} must be a number, got "${value}"`;
    case 'bool':
      return /^(true|false)$/i.test(value) ? undefined : `PARAMETER ${key} must be true or false, got "${value}"`;
    case 'string':
      return undefined;
  }
}

/**
 * Every problem with a Modelfile, as readable strings; an empty array means it is valid.
 * Syntax errors come back as a single entry instead of being thrown, so callers can assert on it.
 */
export function checkModelfile(text: string): string[] {
  let instructions: Instruction[];
  try {
    instructions = parseModelfile(text);
  } catch (err) {
    if (err instanceof ModelfileError) return [err.message];
    throw err;
  }
  const problems: string[] = [];
  const froms = instructions.filter((ins) => ins.name === 'FROM');
  if (froms.length === 0) problems.push('no FROM instruction');
  else if (instructions[0]?.name !== 'FROM') problems.push('FROM must be the first instruction');
  if (froms.length > 1) problems.push(`FROM appears ${froms.length} times`);

  for (const ins of instructions) {
    if (ins.name === 'PARAMETER') {
      const problem = checkParameter(ins.key ?? '', ins.value);
      if (problem) problems.push(`line ${ins.line}: ${problem}`);
    }
    if (ins.name === 'MESSAGE' && !MESSAGE_ROLES.has(ins.key ?? '')) {
      problems.push(`line ${ins.line}: MESSAGE role must be system, user or assistant, got "${ins.key ?? ''}"`);
    }
  }
  const numCtx = instructions.find((ins) => ins.name === 'PARAMETER' && ins.key === 'num_ctx');
  if (numCtx && Number(numCtx.value) <= 0) problems.push(`line ${numCtx.line}: num_ctx must be positive`);
  return problems;
}

/** All values of one PARAMETER, in file order (stop may repeat). */
export function parameterValues(instructions: readonly Instruction[], key: string): string[] {
  return instructions.filter((ins) => ins.name === 'PARAMETER' && ins.key === key).map((ins) => ins.value);
}

/** What `ollama create` needs from a Modelfile, in the shape of ollama-js's CreateRequest. */
export interface CreateSpec {
  from: string;
  system?: string;
  template?: string;
  parameters: Record<string, unknown>;
}

/** Typed PARAMETER values (stop collects into a list, as the API expects) plus FROM/SYSTEM/TEMPLATE. */
export function createSpec(text: string): CreateSpec {
  const problems = checkModelfile(text);
  if (problems.length > 0) throw new ModelfileError(problems[0] ?? 'invalid Modelfile', 0);
  const instructions = parseModelfile(text);
  const parameters: Record<string, unknown> = {};
  for (const ins of instructions) {
    if (ins.name !== 'PARAMETER' || ins.key === undefined) continue;
    const type = KNOWN_PARAMETERS[ins.key];
    if (type === 'string') parameters[ins.key] = [...((parameters[ins.key] as string[] | undefined) ?? []), ins.value];
    else if (type === 'bool') parameters[ins.key] = /^true$/i.test(ins.value);
    else parameters[ins.key] = Number(ins.value);
  }
  const find = (name: InstructionName) => instructions.find((ins) => ins.name === name)?.value;
  const spec: CreateSpec = { from: find('FROM') ?? '', parameters };
  const system = find('SYSTEM');
  const template = find('TEMPLATE');
  if (system !== undefined) spec.system = system;
  if (template !== undefined) spec.template = template;
  return spec;
}
