// `careerforge roadmap`: validate options -> generate (core) -> save -> render.
import { createRunContext, newId } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { drive } from '../../core/events.js';
import { generateRoadmap } from '../../core/roadmap/generate.js';
import { sanitizeDeep } from '../../core/sanitize.js';
import { roadmapInputSchema, type RoadmapInput } from '../../core/roadmap/input-schema.js';
import type { VideoResult } from '../../core/videos/videos.js';
import { successEnvelope, writeJson } from '../../render/json.js';
import { withProgress } from '../../render/progress.js';
import { loadFormDefaults } from '../form-defaults.js';
import { elapsed, listFlag, numberFlag, outputMode, parseCommandInput, rawSettings, statsMeta, type GlobalFlags, type Session } from '../shared.js';

export interface RoadmapFlags extends GlobalFlags {
  role?: string;
  level?: string;
  skills?: string;
  hoursPerWeek?: string;
  months?: string;
  goal?: string;
  input?: string;
  videos?: boolean;
}

export async function roadmapCommand(flags: RoadmapFlags, session: Session): Promise<void> {
  const given = {
    role: flags.role,
    level: flags.level,
    skills: listFlag(flags.skills),
    hours_per_week: numberFlag(flags.hoursPerWeek),
    months: numberFlag(flags.months),
    goal: flags.goal,
  };
  const input = await parseCommandInput<RoadmapInput>(roadmapInputSchema, given, flags.input).catch(async (error: unknown) => {
    if (error instanceof UsageError && /^--role: Invalid input: expected string, received undefined/.test(error.message)) {
      // On a terminal, ask; on a pipe raw mode does not exist, so missing input stays a usage error.
      if (outputMode(session) !== 'ink') throw new UsageError('missing --role: say which role to plan for, e.g. --role "Backend Developer"');
      const { last, config } = await loadFormDefaults(session, 'roadmaps');
      const { askRoadmapInput } = await import('../../ui/roadmap-form.js');
      // With --input only the missing role is asked: the file's other values stand.
      const asked = await askRoadmapInput(flags.input === undefined ? given : { ...roadmapInputSchema.shape, role: undefined }, last, config);
      return parseCommandInput<RoadmapInput>(roadmapInputSchema, { ...given, ...asked }, flags.input);
    }
    throw error;
  });

  const ctx = await createRunContext(rawSettings(flags), session.env, session.signal, session.warn, session.calls);
  session.meta.model = ctx.settings.model;
  const outcome = await withProgress({ json: session.json, label: `Planning ${input.months} months for ${input.role}`, warn: session.warn }, (on) =>
    drive(generateRoadmap(ctx.ollama(), input), on),
  );
  const roadmap = sanitizeDeep(outcome.roadmap);
  const id = await ctx.store.update((data) => {
    const id = newId('r', (candidate) => candidate in data.roadmaps);
    data.roadmaps[id] = { id, created_at: new Date().toISOString(), model: ctx.settings.model, input, roadmap, progress: {} };
    return id;
  });
  // YouTube results per month: an extra that never fails the command (see core/videos.ts).
  let videos: Array<{ month: number; query: string; results: VideoResult[] }> | undefined;
  if (flags.videos) {
    const { collectVideos } = await import('../../core/videos/videos.js');
    const queries = roadmap.roadmap.map((m) => `${m.title} ${roadmap.career_role} tutorial`);
    const found = await collectVideos(queries, { home: ctx.home, env: session.env, warn: session.warn });
    videos = roadmap.roadmap.map((m, i) => ({ month: m.month, ...found.groups[i]! }));
    session.meta.videos = found.meta;
  }
  Object.assign(session.meta, statsMeta(outcome.stats), {
    latency_ms: elapsed(session),
    attempts: outcome.attempts,
    calls: outcome.calls,
    strategy: outcome.strategy,
    num_ctx: ctx.settings.num_ctx,
    id,
  });

  const mode = outputMode(session);
  if (mode === 'json') return writeJson(successEnvelope(videos ? { ...roadmap, videos } : roadmap, session.meta));
  const videoLines = async () => {
    if (!videos) return '';
    const [{ videosText }, { colorFor }] = await Promise.all([import('../../render/videos-text.js'), import('../../render/color.js')]);
    const groups = videos.map((v) => ({ label: `Month ${v.month}`, results: v.results }));
    return `\n${videosText(groups, colorFor(process.stdout, session.env), session.meta.videos as { reason?: string }).join('\n')}\n`;
  };
  if (mode === 'ink') {
    const { showRoadmap } = await import('../../ui/roadmap-view.js');
    await showRoadmap(roadmap, session.meta);
    return void process.stdout.write(await videoLines());
  }
  const [{ roadmapText }, { colorFor }] = await Promise.all([import('../../render/roadmap-text.js'), import('../../render/color.js')]);
  process.stdout.write(roadmapText(roadmap, session.meta, colorFor(process.stdout, session.env)) + (await videoLines()));
}
