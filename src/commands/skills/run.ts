// `careerforge skills`: validate the profile (flags, --input JSON, a CV and a job description)
// -> gap analysis (core) -> optional roadmap that closes the gaps, optional videos -> save -> render.
import { createRunContext, newId } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { addStats, drive } from '../../core/events.js';
import { readTextInput } from '../../core/input.js';
import { generateRoadmap } from '../../core/roadmap/generate.js';
import { sanitizeDeep } from '../../core/sanitize.js';
import { MAX_DOCUMENT_BYTES, skillsInputSchema, type SkillsInput } from '../../core/skills/schema.js';
import type { SkillsData } from '../../render/skills-text.js';
import { generateSkillsReport, orderedGaps, roadmapInputFromGaps } from '../../core/skills/generate.js';
import { successEnvelope, writeJson } from '../../render/json.js';
import { withProgress } from '../../render/progress.js';
import * as z from '../../core/zod.js';
import { loadFormDefaults } from '../form-defaults.js';
import { elapsed, listFlag, numberFlag, outputMode, parseCommandInput, rawSettings, statsMeta, type GlobalFlags, type Session } from '../shared.js';

export interface SkillsFlags extends GlobalFlags {
  role?: string;
  skills?: string;
  resume?: string;
  job?: string;
  goal?: string;
  input?: string;
  toRoadmap?: boolean;
  months?: string;
  hoursPerWeek?: string;
  videos?: boolean;
}

const MISSING_ROLE = 'missing --role: say which role to assess against, e.g. --role "Backend Developer"';
const NOTHING_TO_ASSESS = 'nothing to assess: give your skills with --skills "TypeScript:advanced,SQL" or a CV with --resume FILE';
// Everything but the role, for finding out what else the form must ask.
const withoutRole = z.extend(skillsInputSchema, { role: z.optional(skillsInputSchema.shape.role) });

async function readInput(flags: SkillsFlags, session: Session): Promise<SkillsInput> {
  const fromStdin = [['--input', flags.input], ['--resume', flags.resume], ['--job', flags.job]].filter(([, v]) => v === '-').map(([f]) => f);
  if (fromStdin.length > 1) throw new UsageError(`${fromStdin.join(' and ')} both read stdin; give files for all but one`);
  const document = (source: string | undefined, flag: string) =>
    source === undefined ? undefined : readTextInput(source, { flag, maxBytes: MAX_DOCUMENT_BYTES });
  const [resume, job] = [await document(flags.resume, '--resume'), await document(flags.job, '--job')];
  for (const [text, flag] of [[resume, '--resume'], [job, '--job']] as const) {
    if (text !== undefined && text.trim() === '') throw new UsageError(`${flag}: the file holds only whitespace`);
  }
  const given = {
    role: flags.role,
    skills: listFlag(flags.skills),
    resume,
    job,
    goal: flags.goal,
    months: numberFlag(flags.months),
    hours_per_week: numberFlag(flags.hoursPerWeek),
  };
  // On a terminal, ask for what is missing; on a pipe (raw mode does not exist there), or when
  // stdin already carried a document, missing input stays a usage error.
  const canAsk = outputMode(session) === 'ink' && ![flags.input, flags.resume, flags.job].includes('-');
  const nothingToAssess = (p: { skills: string[]; resume?: string }) => p.skills.length === 0 && p.resume === undefined;
  const ask = async (partial: Record<string, unknown>, need: { role: boolean; skills: boolean }) => {
    const [{ askSkillsInput }, defaults] = await Promise.all([import('../../ui/skills-form.js'), loadFormDefaults(session, 'skills')]);
    const asked = await askSkillsInput(need, defaults);
    return parseCommandInput<SkillsInput>(skillsInputSchema, { ...partial, ...asked }, undefined);
  };
  const input = await parseCommandInput<SkillsInput>(skillsInputSchema, given, flags.input).catch(async (error: unknown) => {
    if (error instanceof UsageError && /^--role: Invalid input: expected string, received undefined/.test(error.message)) {
      if (!canAsk) throw new UsageError(MISSING_ROLE);
      const partial = await parseCommandInput(withoutRole, given, flags.input);
      return ask(partial, { role: true, skills: nothingToAssess(partial) });
    }
    throw error;
  });
  if (!nothingToAssess(input)) return input;
  if (!canAsk) throw new UsageError(NOTHING_TO_ASSESS);
  return ask(input, { role: false, skills: true });
}

export async function skillsCommand(flags: SkillsFlags, session: Session): Promise<void> {
  const input = await readInput(flags, session);
  const ctx = await createRunContext(rawSettings(flags), session.env, session.signal, session.warn, session.calls);
  session.meta.model = ctx.settings.model;
  const { analysis, plan } = await withProgress({ json: session.json, label: `Assessing your skills for ${input.role}`, warn: session.warn }, async (on) => {
    const analysis = await drive(generateSkillsReport(ctx.ollama(), input), on);
    if (!flags.toRoadmap) return { analysis, plan: undefined };
    const planInput = roadmapInputFromGaps(input, analysis.value);
    return { analysis, plan: { input: planInput, outcome: await drive(generateRoadmap(ctx.ollama(), planInput), on) } };
  });
  const report = sanitizeDeep(analysis.value);
  const roadmap = plan ? sanitizeDeep(plan.outcome.roadmap) : undefined;

  let videos: SkillsData['videos'];
  if (flags.videos) {
    const { collectVideos } = await import('../../core/videos/videos.js');
    const gaps = orderedGaps(report).slice(0, 8);
    const found = await collectVideos(gaps.map((g) => `${g.skill} tutorial for ${input.role}`), { home: ctx.home, env: session.env, warn: session.warn });
    videos = gaps.map((g, i) => ({ skill: g.skill, ...found.groups[i]! }));
    session.meta.videos = found.meta;
  }

  const { resume, job, ...profile } = input;
  const ids = await ctx.store.update((data) => {
    const now = new Date().toISOString();
    const id = newId('s', (candidate) => candidate in data.skills);
    let roadmapId: string | undefined;
    if (plan && roadmap) {
      roadmapId = newId('r', (candidate) => candidate in data.roadmaps);
      data.roadmaps[roadmapId] = { id: roadmapId, created_at: now, model: ctx.settings.model, input: plan.input, roadmap, progress: {} };
    }
    const saved = { ...profile, has_resume: resume !== undefined, has_job: job !== undefined };
    data.skills[id] = { id, created_at: now, model: ctx.settings.model, input: saved, report, ...(roadmapId ? { roadmap_id: roadmapId } : {}), ...(videos ? { videos } : {}) };
    return { id, roadmapId };
  });
  const stats = plan ? addStats(analysis.stats, plan.outcome.stats) : analysis.stats;
  Object.assign(session.meta, statsMeta(stats), {
    latency_ms: elapsed(session),
    attempts: analysis.attempts + (plan?.outcome.attempts ?? 0),
    calls: 1 + (plan?.outcome.calls ?? 0),
    num_ctx: ctx.settings.num_ctx,
    id: ids.id,
    ...(ids.roadmapId ? { roadmap_id: ids.roadmapId } : {}),
  });
  const data: SkillsData = { ...report, ...(roadmap ? { roadmap_id: ids.roadmapId, roadmap } : {}), ...(videos ? { videos } : {}) };

  const mode = outputMode(session);
  if (mode === 'json') return writeJson(successEnvelope(data, session.meta));
  if (mode === 'ink') {
    const { showSkills } = await import('../../ui/skills-view.js');
    return showSkills(data, session.meta);
  }
  const [{ skillsText }, { colorFor }] = await Promise.all([import('../../render/skills-text.js'), import('../../render/color.js')]);
  process.stdout.write(skillsText(data, session.meta, colorFor(process.stdout, session.env)));
}
