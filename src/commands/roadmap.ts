// `careerforge roadmap`: validate options -> generate (core) -> save -> render.
import { createRunContext, newId } from '../core/context.js';
import { UsageError } from '../core/errors.js';
import { drive, tokensPerSecond } from '../core/events.js';
import { generateRoadmap } from '../core/roadmap.js';
import { sanitizeDeep } from '../core/sanitize.js';
import { roadmapInputSchema, type RoadmapInput } from '../core/schemas/profile.js';
import { successEnvelope, writeJson } from '../render/json.js';
import { createReporter } from '../render/progress.js';
import { elapsed, listFlag, numberFlag, outputMode, parseCommandInput, rawSettings, type GlobalFlags, type Session } from './shared.js';

export interface RoadmapFlags extends GlobalFlags {
  role?: string;
  level?: string;
  skills?: string;
  hoursPerWeek?: string;
  months?: string;
  goal?: string;
  input?: string;
}

export async function roadmapCommand(flags: RoadmapFlags, session: Session): Promise<void> {
  const input = await parseCommandInput<RoadmapInput>(
    roadmapInputSchema,
    {
      role: flags.role,
      level: flags.level,
      skills: listFlag(flags.skills),
      hours_per_week: numberFlag(flags.hoursPerWeek),
      months: numberFlag(flags.months),
      goal: flags.goal,
    },
    flags.input,
  ).catch((error: unknown) => {
    if (error instanceof UsageError && /^--role: Invalid input: expected string, received undefined/.test(error.message)) {
      throw new UsageError('missing --role: say which role to plan for, e.g. --role "Backend Developer"');
    }
    throw error;
  });

  const ctx = await createRunContext(rawSettings(flags), session.env, session.signal, session.warn);
  session.meta.model = ctx.settings.model;
  const reporter = await createReporter({ json: session.json, label: `Planning ${input.months} months for ${input.role}`, warn: session.warn });
  let outcome;
  try {
    outcome = await drive(generateRoadmap(ctx.ollama(), input), (event) => reporter.on(event));
  } finally {
    reporter.stop();
  }
  const roadmap = sanitizeDeep(outcome.roadmap);
  const id = await ctx.store.update((data) => {
    const id = newId('r', (candidate) => candidate in data.roadmaps);
    data.roadmaps[id] = { id, created_at: new Date().toISOString(), model: ctx.settings.model, input, roadmap, progress: {} };
    return id;
  });
  Object.assign(session.meta, {
    latency_ms: elapsed(session),
    tokens_used: outcome.stats.prompt_tokens + outcome.stats.completion_tokens,
    prompt_tokens: outcome.stats.prompt_tokens,
    completion_tokens: outcome.stats.completion_tokens,
    tokens_per_sec: tokensPerSecond(outcome.stats),
    attempts: outcome.attempts,
    calls: outcome.calls,
    strategy: outcome.strategy,
    num_ctx: ctx.settings.num_ctx,
    id,
  });

  const mode = outputMode(session);
  if (mode === 'json') return writeJson(successEnvelope(roadmap, session.meta));
  if (mode === 'ink') {
    const { showRoadmap } = await import('../ui/roadmap-view.js');
    return showRoadmap(roadmap, session.meta);
  }
  const [{ roadmapText }, { colorFor }] = await Promise.all([import('../render/roadmap-text.js'), import('../render/color.js')]);
  process.stdout.write(roadmapText(roadmap, session.meta, colorFor(process.stdout, session.env)));
}
