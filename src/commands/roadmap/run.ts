// `careerforge roadmap`: validate options -> generate (core) -> save -> emit.
import { MissingInputError, UsageError } from '../../core/errors.js';
import { drive } from '../../core/events.js';
import { generateRoadmap } from '../../core/roadmap/generate.js';
import { roadmapInputSchema, type RoadmapInput } from '../../core/roadmap/input-schema.js';
import type { RoadmapData } from '../../render/roadmap-text.js';
import { emit, type View } from '../emit.js';
import { progressive, tailView } from './progressive.js';
import { loadFormDefaults, profileFallback } from '../form-defaults.js';
import { generate, openContext, saveRecord } from '../generation.js';
import type { Session } from '../session.js';
import { listFlag, numberFlag, parseCommandInput, type GlobalFlags } from '../shared.js';
import { plural } from '../../core/plural.js';

export interface RoadmapFlags extends GlobalFlags {
  role?: string;
  level?: string;
  skills?: string;
  hoursPerWeek?: string;
  months?: string;
  goal?: string;
  input?: string;
  videos?: boolean;
  replan?: string;
}

export const roadmapView: View<RoadmapData> = {
  text: async () => (await import('../../render/roadmap-text.js')).roadmapDataText,
};

async function readInput(flags: RoadmapFlags, session: Session): Promise<RoadmapInput> {
  const given = {
    role: flags.role,
    level: flags.level,
    skills: listFlag(flags.skills),
    hours_per_week: numberFlag(flags.hoursPerWeek),
    months: numberFlag(flags.months),
    goal: flags.goal,
  };
  const fallback = await profileFallback(session, roadmapInputSchema.shape, ['role', 'level', 'hours_per_week', 'months']);
  const parse = (values: Record<string, unknown>) => parseCommandInput<RoadmapInput>(roadmapInputSchema, values, flags.input, session.stdin, fallback);
  return parse(given).catch(async (error: unknown) => {
    if (!(error instanceof MissingInputError && error.field === 'role')) throw error;
    // On a terminal, ask; on a pipe raw mode does not exist, so missing input stays a usage error.
    if (!session.canPrompt()) throw new UsageError('missing --role: say which role to plan for, e.g. --role "Backend Developer"');
    const { last, config } = await loadFormDefaults(session, 'roadmaps');
    const { askRoadmapInput } = await import('../../ui/roadmap-form.js');
    // With --input only the missing role is asked: the file's other values stand.
    const asked = await askRoadmapInput(session.screen(), flags.input === undefined ? given : { ...roadmapInputSchema.shape, role: undefined }, last, config);
    return parse({ ...given, ...asked });
  });
}

export async function roadmapCommand(flags: RoadmapFlags, session: Session): Promise<void> {
  if (flags.replan !== undefined) {
    const clash = (['role', 'level', 'skills', 'input', 'videos'] as const).find((key) => flags[key] !== undefined);
    if (clash) throw new UsageError(`--replan keeps the saved profile: leave out --${clash} (it takes --hours-per-week, --months and --goal)`);
    return (await import('../progress/replan.js')).replanCommand(flags.replan, flags, session);
  }
  const input = await readInput(flags, session);
  const ctx = await openContext(session, flags);
  // Long plans print as they arrive (not with --videos, whose results come after the plan).
  const live = flags.videos ? undefined : progressive(session);
  const label = `Planning ${plural(input.months, 'month')} for ${input.role}`;
  const { roadmap } = await generate(session, ctx, label, (on) => drive(generateRoadmap(ctx.ollama(), input), on), live?.onPart);
  await live?.flushed();
  await saveRecord(session, ctx, 'roadmaps', input, { roadmap, progress: {} });
  if (live?.started()) {
    if (await live.shows(roadmap)) return emit(session, roadmap, tailView);
    return emit(session, roadmap, roadmapView);
  }
  if (!flags.videos) return emit(session, roadmap, roadmapView);
  // YouTube results per month: an extra that never fails the command (see core/videos).
  const { videosFor } = await import('../videos-source.js');
  const found = await videosFor(roadmap.roadmap.map((m) => `${m.title} ${roadmap.career_role} tutorial`), session, ctx.home);
  session.meta.videos = found.meta;
  await emit(session, { ...roadmap, videos: roadmap.roadmap.map((m, i) => ({ month: m.month, ...found.groups[i]! })) }, roadmapView);
}
