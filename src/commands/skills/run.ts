// `careerforge skills`: validate the profile (flags, --input JSON, a CV and a job description)
// -> gap analysis (core) -> optional roadmap that closes the gaps, optional videos -> save -> emit.
import { MissingInputError, UsageError } from '../../core/errors.js';
import { drive, sumCounts } from '../../core/events.js';
import { readDocument } from '../../core/documents/read.js';
import { generateRoadmap } from '../../core/roadmap/generate.js';
import { addRecord } from '../../core/store/record.js';
import { MAX_DOCUMENT_BYTES, skillsInputSchema, type SkillsInput } from '../../core/skills/schema.js';
import type { SkillsData } from '../../render/skills-text.js';
import { generateSkillsReport, orderedGaps, roadmapInputFromGaps } from '../../core/skills/generate.js';
import * as z from '../../core/zod.js';
import type { View } from '../emit.js';
import { loadFormDefaults, profileFallback } from '../form-defaults.js';
import { emitGenerated, generate, openContext, saveGenerated } from '../generation.js';
import type { Session } from '../session.js';
import { listFlag, numberFlag, parseCommandInput, type GlobalFlags } from '../shared.js';

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

export const skillsView: View<SkillsData> = {
  text: async () => (await import('../../render/skills-text.js')).skillsText,
};

const MISSING_ROLE = 'missing --role: say which role to assess against, e.g. --role "Backend Developer"';
const NOTHING_TO_ASSESS = 'nothing to assess: give your skills with --skills "TypeScript:advanced,SQL" or a CV with --resume FILE';
// Everything but the role, for finding out what else the form must ask.
const withoutRole = z.extend(skillsInputSchema, { role: z.optional(skillsInputSchema.shape.role) });

async function readInput(flags: SkillsFlags, session: Session): Promise<SkillsInput> {
  const fromStdin = [['--input', flags.input], ['--resume', flags.resume], ['--job', flags.job]].filter(([, v]) => v === '-').map(([f]) => f);
  if (fromStdin.length > 1) throw new UsageError(`${fromStdin.join(' and ')} both read stdin; give files for all but one`);
  const document = (source: string | undefined, flag: string) =>
    source === undefined ? undefined : readDocument(source, { flag, maxBytes: MAX_DOCUMENT_BYTES, stdin: session.stdin });
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
  const canAsk = session.canPrompt() && ![flags.input, flags.resume, flags.job].includes('-');
  const nothingToAssess = (p: { skills: string[]; resume?: string }) => p.skills.length === 0 && p.resume === undefined;
  const fallback = await profileFallback(session, skillsInputSchema.shape, ['role', 'hours_per_week', 'months'], canAsk);
  const ask = async (partial: Record<string, unknown>, need: { role: boolean; skills: boolean }) => {
    const [{ askSkillsInput }, defaults] = await Promise.all([import('../../ui/skills-form.js'), loadFormDefaults(session, 'skills')]);
    const asked = await askSkillsInput(session.screen(), need, defaults);
    return parseCommandInput<SkillsInput>(skillsInputSchema, { ...partial, ...asked }, undefined, session.stdin);
  };
  const input = await parseCommandInput<SkillsInput>(skillsInputSchema, given, flags.input, session.stdin, fallback).catch(async (error: unknown) => {
    if (!(error instanceof MissingInputError && error.field === 'role')) throw error;
    if (!canAsk) throw new UsageError(MISSING_ROLE);
    const partial = await parseCommandInput(withoutRole, given, flags.input, session.stdin, fallback);
    return ask(partial, { role: true, skills: nothingToAssess(partial) });
  });
  if (!nothingToAssess(input)) return input;
  if (!canAsk) throw new UsageError(NOTHING_TO_ASSESS);
  return ask(input, { role: false, skills: true });
}

export async function skillsCommand(flags: SkillsFlags, session: Session): Promise<void> {
  const input = await readInput(flags, session);
  const ctx = await openContext(session, flags);
  const { report, plan } = await generate(session, ctx, `Assessing your skills for ${input.role}`, async (on) => {
    const analysis = await drive(generateSkillsReport(ctx.ollama(), input), on);
    const outcome = { report: analysis.value, attempts: analysis.attempts, calls: analysis.calls, stats: analysis.stats, normalized: analysis.normalized };
    if (!flags.toRoadmap) return { ...outcome, plan: undefined };
    const planInput = roadmapInputFromGaps(input, analysis.value);
    const planned = await drive(generateRoadmap(ctx.ollama(), planInput), on);
    return { ...outcome, ...sumCounts([outcome, planned]), plan: { input: planInput, roadmap: planned.roadmap } };
  });

  let videos: SkillsData['videos'];
  if (flags.videos) {
    const { videosFor } = await import('../videos-source.js');
    const gaps = orderedGaps(report).slice(0, 8);
    const found = await videosFor(gaps.map((g) => `${g.skill} tutorial for ${input.role}`), session, ctx.home);
    videos = gaps.map((g, i) => ({ skill: g.skill, ...found.groups[i]! }));
    session.meta.videos = found.meta;
  }

  // The report and the roadmap that closes its gaps are saved together, or not at all.
  const { resume, job, ...profile } = input;
  const model = ctx.settings.model;
  const ids = await saveGenerated(session, () => ctx.store.update((data) => {
    const now = new Date();
    const roadmapId = plan ? addRecord(data, 'roadmaps', { model, input: plan.input, now }, { roadmap: plan.roadmap, progress: {} }) : undefined;
    const saved = { ...profile, has_resume: resume !== undefined, has_job: job !== undefined };
    const id = addRecord(data, 'skills', { model, input: saved, now }, { report, ...(roadmapId ? { roadmap_id: roadmapId } : {}), ...(videos ? { videos } : {}) });
    return { id, roadmapId };
  }));
  if (ids) Object.assign(session.meta, { id: ids.id, ...(ids.roadmapId ? { roadmap_id: ids.roadmapId } : {}) });
  await emitGenerated(session, { ...report, ...(plan ? { roadmap_id: ids?.roadmapId, roadmap: plan.roadmap } : {}), ...(videos ? { videos } : {}) }, skillsView);
}
