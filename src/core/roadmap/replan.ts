// Re-planning a saved roadmap from the learner's progress. The leading months whose every task is
// done or skipped are kept as they are (the same objects, so the saved JSON is identical); the
// rest is written again from what was done, skipped and left: an outline of the months to come,
// then one call per month (the per-month strategy of long plans). The plan before becomes a
// version in the record's history, and the progress of the kept tasks carries over.
import type { OllamaHandle } from '../llm/client.js';
import { CareerForgeError, ExitCode, UsageError } from '../errors.js';
import { sumCounts, type GenEvent } from '../events.js';
import { answerBudget } from '../llm/budget.js';
import { generateStructured, jsonSchemaOf } from '../llm/generate.js';
import { renderPrompt } from '../llm/prompts.js';
import { dataBlock } from '../sanitize.js';
import type { RoadmapVersion, SavedRoadmap } from '../store/schema.js';
import { FRAME_TOKENS, generateMonths, type RoadmapOutcome } from './generate.js';
import { roadmapInputSchema, type RoadmapInput } from './input-schema.js';
import { replanOutlineRequestSchema } from './request-schema.js';
import type { Roadmap } from './schema.js';
import { plural } from '../plural.js';

/** What the user may change in a re-plan (`--hours-per-week`, `--months` remaining, `--goal`). */
export interface ReplanChanges {
  hours_per_week?: number;
  months?: number;
  goal?: string;
}

export interface ReplanSetup {
  /** The version re-planned from. */
  version: number;
  /** Leading months kept as they are. */
  kept: number;
  remaining: number;
  total: number;
  /** The input of the new version: the old profile with the changes. */
  input: RoadmapInput;
  /** What the learner did in the months that are written again, for the prompts. */
  progress: { kept_months: Array<{ month: number; title: string; checkpoint: string }>; done: string[]; skipped: string[]; left: string[] };
}

const MAX_MONTHS = 24;

/** How many leading months have every task done or skipped. */
export function completeMonths(saved: SavedRoadmap): number {
  let kept = 0;
  for (const [mi, month] of saved.roadmap.roadmap.entries()) {
    const keys = month.weeks.flatMap((w, wi) => w.tasks.map((_t, ti) => `${mi + 1}.${wi + 1}.${ti + 1}`));
    if (keys.length === 0 || keys.some((k) => saved.progress[k] === undefined)) break;
    kept++;
  }
  return kept;
}

/** Decide what a re-plan keeps and asks for; every problem is a usage error before anything is sent. */
export function planReplan(saved: SavedRoadmap, changes: ReplanChanges): ReplanSetup {
  const plan = saved.roadmap.roadmap;
  const kept = completeMonths(saved);
  const remaining = changes.months ?? plan.length - kept;
  if (remaining < 1) {
    throw new UsageError(`all ${plural(plan.length, 'month')} of ${saved.id} are done: pass --months N to plan N more`);
  }
  const total = kept + remaining;
  if (total > MAX_MONTHS) {
    throw new UsageError(`--months: ${kept} kept + ${plural(remaining, 'new month')} is ${total}; a plan has at most ${MAX_MONTHS} months`);
  }
  const old = saved.input;
  const parsed = roadmapInputSchema.safeParse({
    role: typeof old.role === 'string' ? old.role : saved.roadmap.career_role,
    ...pick(old, ['level', 'skills', 'hours_per_week', 'goal']),
    ...(changes.hours_per_week === undefined ? {} : { hours_per_week: changes.hours_per_week }),
    ...(changes.goal === undefined ? {} : { goal: changes.goal }),
    months: total,
  });
  if (!parsed.success) throw new CareerForgeError('STORE_ERROR', `the saved input of ${saved.id} no longer validates: ${parsed.error.issues[0]?.message}`, ExitCode.failure);
  const progress: ReplanSetup['progress'] = {
    kept_months: plan.slice(0, kept).map((m, i) => ({ month: i + 1, title: m.title, checkpoint: m.checkpoint })),
    done: [],
    skipped: [],
    left: [],
  };
  plan.forEach((month, mi) => {
    if (mi < kept) return;
    month.weeks.forEach((week, wi) => week.tasks.forEach((task, ti) => {
      const state = saved.progress[`${mi + 1}.${wi + 1}.${ti + 1}`];
      (state === 'done' ? progress.done : state === 'skipped' ? progress.skipped : progress.left).push(task);
    }));
  });
  return { version: saved.version ?? 1, kept, remaining, total, input: parsed.data, progress };
}

function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

/** The new months: an outline of the months to come, then one call per month with the whole outline. */
export async function* generateReplan(handle: OllamaHandle, saved: SavedRoadmap, setup: ReplanSetup): AsyncGenerator<GenEvent, RoadmapOutcome> {
  const { kept, remaining, total, input } = setup;
  const system = renderPrompt('system', {});
  const profile = dataBlock('profile', input);
  const progress = dataBlock('progress', setup.progress);
  const schema = replanOutlineRequestSchema(remaining);
  const prompt = renderPrompt('roadmap-replan', {
    profile,
    progress,
    kept,
    first: kept + 1,
    last: total,
    remaining,
    total,
    hours_per_week: input.hours_per_week,
    schema: JSON.stringify(jsonSchemaOf(schema)),
  });
  const outline = yield* generateStructured(handle, {
    task: 're-plan outline',
    schema,
    system,
    prompt,
    numPredict: answerBudget(handle, FRAME_TOKENS * 2 + remaining * 80, [system, prompt]),
  });
  const keptMonths = saved.roadmap.roadmap.slice(0, kept);
  const fresh = outline.value.months.map((m, i) => ({ month: kept + 1 + i, title: m.title, focus: m.focus }));
  const whole = [...keptMonths.map((m, i) => ({ month: i + 1, title: m.title, focus: `done: ${m.checkpoint}` })), ...fresh];
  // The month calls of a long plan, told the whole outline (the kept months as done) and the progress.
  const parts = yield* generateMonths(handle, { input, system, profile: `${profile}\n\n${progress}` }, whole, fresh.map((item) => ({ item })));
  const { months: _outline, ...frame } = outline.value;
  const roadmap: Roadmap = { career_role: saved.roadmap.career_role, ...frame, roadmap: [...keptMonths, ...parts.value] };
  return { roadmap, ...sumCounts([outline, parts]), strategy: 'outline+months' };
}

/**
 * Make the new plan the record's current version (inside a store update, on the fresh record).
 * The months kept are taken from the record as it is now, so they stay identical even if it was
 * read again; a record re-planned by another run meanwhile is an error, not a silent overwrite.
 */
export function applyReplan(saved: SavedRoadmap, generated: Roadmap, setup: ReplanSetup, head: { model: string; now: Date }): { version: number; carried: number } {
  const version = saved.version ?? 1;
  if (version !== setup.version) {
    throw new CareerForgeError('STORE_ERROR', `${saved.id} was re-planned by another run meanwhile (now version ${version}): run the re-plan again`, ExitCode.failure);
  }
  const previous: RoadmapVersion = {
    version,
    saved_at: saved.replanned?.at ?? saved.created_at,
    model: saved.model,
    input: saved.input,
    roadmap: saved.roadmap,
    progress: saved.progress,
  };
  const kept = saved.roadmap.roadmap.slice(0, setup.kept);
  const progress = Object.fromEntries(Object.entries(saved.progress).filter(([key]) => Number(key.split('.')[0]) <= setup.kept));
  saved.versions = [...(saved.versions ?? []), previous];
  saved.version = version + 1;
  saved.model = head.model;
  saved.input = setup.input;
  saved.roadmap = { ...generated, roadmap: [...kept, ...generated.roadmap.slice(setup.kept)] };
  saved.progress = progress;
  saved.replanned = { at: head.now.toISOString(), from_version: version, kept_months: setup.kept };
  return { version: version + 1, carried: Object.keys(progress).length };
}

/** Version N of a record: the current one, or one from its history. */
export function roadmapVersion(saved: SavedRoadmap, n: number): SavedRoadmap {
  const current = saved.version ?? 1;
  if (n === current) return saved;
  const old = saved.versions?.find((v) => v.version === n);
  if (!old) {
    const known = [...(saved.versions ?? []).map((v) => v.version), current].join(', ');
    throw new UsageError(`--version: ${saved.id} has no version ${n} (it has ${known})`);
  }
  return { id: saved.id, created_at: old.saved_at, model: old.model, input: old.input, roadmap: old.roadmap, progress: old.progress, version: old.version, ...(saved.title ? { title: saved.title } : {}) };
}
