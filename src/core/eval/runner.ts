// The eval loop: every selected profile through every selected generator on every model, calling
// the core generators directly on the command's own handle. A case that ends in a typed error is
// a measurement (counted by its code); only what makes the rest meaningless stops the run:
// Ctrl-C, a server that cannot be reached, a model that is not there.
import type { LlmHandle } from '../llm/client.js';
import type { CallHooks, CallResult } from '../llm/hooks.js';
import { isCareerForgeError } from '../errors.js';
import type { GenEvent } from '../events.js';
import type { GenerationOutcome } from '../meta.js';
import { generateRoadmap } from '../roadmap/generate.js';
import { generateSkillsReport } from '../skills/generate.js';
import { generateInterview } from '../interview/generate.js';
import { generateQuiz, quizSeed } from '../quiz/generate.js';
import { inputsOf, type EvalProfile, type GeneratorInputs, type GeneratorName } from './profiles.js';
import { summarize } from './summary.js';
import type { EvalCase, EvalEvent, EvalPlan, EvalRun } from './types.js';

/** Errors that end the run instead of being counted against a model. */
const FATAL = new Set(['INTERRUPTED', 'OLLAMA_UNREACHABLE', 'MODEL_NOT_FOUND', 'STORE_ERROR', 'USAGE', 'INVALID_INPUT']);

export function newEvalRun(plan: EvalPlan, host: string, profiles: readonly EvalProfile[]): EvalRun {
  return { id: '', created_at: new Date().toISOString(), host, plan, profiles: profiles.map((p) => p.id), cases: [], summary: [] };
}

function generatorFor(handle: LlmHandle, name: GeneratorName, inputs: GeneratorInputs): AsyncGenerator<GenEvent, GenerationOutcome> {
  switch (name) {
    case 'roadmap':
      return generateRoadmap(handle, inputs.roadmap);
    case 'skills':
      return generateSkillsReport(handle, inputs.skills);
    case 'interview':
      return generateInterview(handle, inputs.interview);
    case 'quiz':
      return generateQuiz(handle, inputs.quiz, quizSeed(handle.settings.seed));
  }
}

/** Every request's result, read from the call hooks beside whatever hooks (call log) were there. */
function observe(handle: LlmHandle): CallResult[] {
  const seen: CallResult[] = [];
  const prev: CallHooks | undefined = handle.hooks;
  handle.hooks = {
    ...(prev?.beforeCall ? { beforeCall: prev.beforeCall.bind(prev) } : {}),
    afterCall(request, context, result) {
      prev?.afterCall?.(request, context, result);
      seen.push(result);
    },
  };
  // Pool jobs (--concurrency) run on forked handles, which take the hooks the handle was made with: give them these.
  const fork = handle.fork?.bind(handle);
  if (fork) {
    handle.fork = (signal) => {
      const forked = fork(signal);
      forked.hooks = handle.hooks!;
      return forked;
    };
  }
  return seen;
}

/** Fills `run` as cases finish, so a caller still has what finished when the run stops. */
export async function* runEval(
  plan: EvalPlan,
  profiles: readonly EvalProfile[],
  handleFor: (model: string) => Promise<LlmHandle>,
  run: EvalRun,
): AsyncGenerator<EvalEvent, EvalRun> {
  const total = plan.models.length * plan.generators.length * profiles.length;
  const inputs = profiles.map((p) => ({ id: p.id, inputs: inputsOf(p) }));
  for (const model of plan.models) {
    const handle = await handleFor(model);
    const seen = observe(handle);
    for (const generator of plan.generators) {
      for (const profile of inputs) {
        yield { type: 'case-start', model, generator, profile: profile.id, done: run.cases.length, total };
        seen.length = 0;
        const started = performance.now();
        let outcome: GenerationOutcome | undefined;
        let failure: { code: string; message: string } | undefined;
        try {
          const gen = generatorFor(handle, generator, profile.inputs);
          for (;;) {
            const step = await gen.next();
            if (step.done) {
              outcome = step.value;
              break;
            }
            if (step.value.type === 'warning') yield { type: 'warning', message: step.value.message };
          }
        } catch (error) {
          if (!isCareerForgeError(error) || FATAL.has(error.code)) throw error;
          failure = { code: error.code, message: error.message };
        }
        const c = caseOf(model, generator, profile.id, seen, performance.now() - started, outcome, failure);
        run.cases.push(c);
        run.summary = summarize(run.cases);
        yield { type: 'case-done', case: c, done: run.cases.length, total };
      }
    }
  }
  return run;
}

function caseOf(
  model: string,
  generator: GeneratorName,
  profile: string,
  calls: readonly CallResult[],
  latencyMs: number,
  outcome: GenerationOutcome | undefined,
  failure: { code: string; message: string } | undefined,
): EvalCase {
  const sum = (pick: (r: CallResult) => number | undefined) => calls.reduce((n, r) => n + (pick(r) ?? 0), 0);
  // Valid first time: every request sent came back valid on its own (no failed attempt, no salvage).
  const result = failure ? 'failed' : calls.every((r) => r.outcome === 'ok') ? 'first_try' : 'repaired';
  return {
    model,
    generator,
    profile,
    result,
    ...(failure ?? {}),
    attempts: calls.length,
    normalized: outcome?.normalized ?? 0,
    latency_ms: Math.round(latencyMs),
    prompt_tokens: sum((r) => r.promptTokens),
    completion_tokens: sum((r) => r.completionTokens),
    eval_ns: sum((r) => r.durations?.eval),
  };
}
