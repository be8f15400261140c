// `careerforge setup`: make a fresh machine ready. Check Ollama, pull the base model (the one asked
// for, or the Modelfile's FROM) when missing, create the `careerforge` model on it, then run
// the health check. Every step is safe to repeat: present models are not pulled again, and
// creating a model that exists just rewrites its manifest from the same layers.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireOllama, type LlmHandle, type OllamaClientHandle } from '../llm/client.js';
import { CareerForgeError } from '../errors.js';
import { probeVersion } from '../llm/ollama-errors.js';
import { normalizeModel, runHealth, type HealthCheck, type HealthReport } from './health.js';
import { createSpec, ModelfileError, type CreateSpec } from './modelfile.js';

export const COACH_MODEL = 'careerforge';

export type SetupEvent =
  | { type: 'step'; step: 'server' | 'pull' | 'create' | 'health'; detail: string }
  | { type: 'pull-progress'; model: string; status: string; completed?: number; total?: number }
  | { type: 'create-progress'; status: string }
  | { type: 'check'; check: HealthCheck };

export interface SetupReport {
  host: string;
  version: string;
  present: string[];
  pulled: string[];
  created: { model: string; from: string; modelfile: string };
  health: HealthReport;
}

/** The Modelfile ships at the package root (package.json "files"); dist/ and src/core/ollama-admin/ sit at different depths. */
export function findModelfile(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, 'Modelfile');
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new CareerForgeError('INTERNAL', 'Modelfile not found next to the CareerForge package: reinstall careerforge');
}

export async function* runSetup(llm: LlmHandle, modelfilePath: string = findModelfile()): AsyncGenerator<SetupEvent, SetupReport> {
  // setup pulls and creates Ollama models: on an OpenAI-compatible server the model is loaded by its own CLI.
  const handle = requireOllama(llm, 'setup');
  let spec;
  try {
    spec = createSpec(fs.readFileSync(modelfilePath, 'utf8'));
  } catch (error) {
    const why = error instanceof ModelfileError ? error.message : (error as Error).message;
    throw new CareerForgeError('INTERNAL', `${modelfilePath} is not a usable Modelfile: ${why}`);
  }

  const version = await probeVersion(handle.ollama, handle.classify, handle.host);
  yield { type: 'step', step: 'server', detail: `Ollama ${version} at ${handle.host}` };

  const coach = normalizeModel(COACH_MODEL);
  const base = baseOf(spec, handle.model);
  // Only the base is needed: the configured model is either that base or the coach built on it.
  const wanted = [normalizeModel(base.from)];
  const { models } = await handle.ollama.list().catch((error: unknown) => Promise.reject(handle.classify(error)));
  const have = new Set(models.map((m) => normalizeModel(m.name)));
  const present = wanted.filter((m) => have.has(m));
  const pulled: string[] = [];
  for (const model of present) yield { type: 'step', step: 'pull', detail: `${model} already pulled` };
  for (const model of wanted.filter((m) => !have.has(m))) {
    yield { type: 'step', step: 'pull', detail: `pulling ${model}` };
    let last = '';
    try {
      for await (const part of await handle.ollama.pull({ model, stream: true })) {
        last = part.status;
        yield { type: 'pull-progress', model, status: part.status, ...(part.total ? { completed: part.completed ?? 0, total: part.total } : {}) };
      }
    } catch (error) {
      throw pullError(handle, model, error);
    }
    if (last !== 'success') throw new CareerForgeError('OLLAMA_ERROR', `pulling ${model} ended with "${last || 'nothing'}" instead of success: run \`ollama pull ${model}\` to see why`);
    pulled.push(model);
  }

  yield { type: 'step', step: 'create', detail: `creating ${COACH_MODEL} from ${base.from}` };
  try {
    let last = '';
    const request = { model: COACH_MODEL, from: base.from, parameters: base.parameters, stream: true as const };
    for await (const part of await handle.ollama.create({ ...request, ...(base.system === undefined ? {} : { system: base.system }), ...(base.template === undefined ? {} : { template: base.template }) })) {
      last = part.status;
      yield { type: 'create-progress', status: part.status };
    }
    if (last !== 'success') throw new CareerForgeError('OLLAMA_ERROR', `creating ${COACH_MODEL} ended with "${last || 'nothing'}" instead of success`);
  } catch (error) {
    if (error instanceof CareerForgeError) throw error;
    const e = handle.classify(error);
    throw e.code === 'INTERNAL' ? new CareerForgeError('OLLAMA_ERROR', `creating ${COACH_MODEL} failed: ${(error as Error).message}`) : e;
  }

  yield { type: 'step', step: 'health', detail: `checking ${handle.model}` };
  const health = runHealth(handle);
  let step = await health.next();
  while (!step.done) {
    yield { type: 'check', check: step.value.check };
    step = await health.next();
  }
  return { host: handle.host, version, present, pulled, created: { model: coach, from: base.from, modelfile: modelfilePath }, health: step.value };
}

/**
 * What the coach is built from: the model asked for (`--model`, CAREERFORGE_MODEL, config), or the
 * Modelfile's FROM when that is the coach itself. On another base the Modelfile's TEMPLATE and its
 * stop list (Mistral's [INST] tokens, which replace the base's own list rather than adding to it)
 * would break the other model's chat format, so only the portable settings and SYSTEM go along.
 */
export function baseOf(spec: CreateSpec, model: string): CreateSpec {
  const asked = normalizeModel(model);
  if (asked === normalizeModel(COACH_MODEL) || asked === normalizeModel(spec.from)) return spec;
  const parameters = Object.fromEntries(Object.entries(spec.parameters).filter(([key]) => !TEMPLATE_BOUND.has(key)));
  return { from: model, parameters, ...(spec.system === undefined ? {} : { system: spec.system }) };
}

/** Modelfile parameters that belong to the base model's chat template. */
const TEMPLATE_BOUND: ReadonlySet<string> = new Set(['stop']);

function pullError(handle: OllamaClientHandle, model: string, error: unknown): CareerForgeError {
  const e = handle.classify(error);
  // A mid-stream {"error": ...} line (unknown tag, disk full) arrives as a plain Error.
  if (e.code === 'INTERNAL') return new CareerForgeError('OLLAMA_ERROR', `pulling ${model} failed: ${(error as Error).message}`);
  if (e.code === 'OLLAMA_ERROR' || e.code === 'MODEL_NOT_FOUND') return new CareerForgeError(e.code, `pulling ${model} failed: ${e.message}`);
  return e;
}
