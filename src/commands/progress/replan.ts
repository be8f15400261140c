// `careerforge progress replan ID` (and `roadmap --replan ID`): validate the changes -> plan what
// is kept (core) -> generate the rest -> save it as the roadmap's next version -> emit the plan.
import { drive } from '../../core/events.js';
import { findRoadmap, summarize, type RoadmapSummary } from '../../core/progress/progress.js';
import { resolveRecord } from '../../core/records/records.js';
import { applyReplan, generateReplan, planReplan, type ReplanChanges } from '../../core/roadmap/replan.js';
import type { SavedRoadmap } from '../../core/store/schema.js';
import * as z from '../../core/zod.js';
import { text } from '../../core/common-schema.js';
import { emit, type View } from '../emit.js';
import { generate, openContext } from '../generation.js';
import type { Session } from '../session.js';
import { numberFlag, parseCommandInput, type GlobalFlags } from '../shared.js';
import { wholeNumber } from '../../core/zod-messages.js';

export interface ReplanFlags extends GlobalFlags {
  hoursPerWeek?: string;
  months?: string;
  goal?: string;
}

const changesSchema = z.strictObject({
  hours_per_week: z.optional(wholeNumber(1, 80)),
  months: z.optional(wholeNumber(1, 24)),
  goal: z.optional(text(500, { min: 1 })),
});

export interface ReplanResult {
  version: number;
  from_version: number;
  kept_months: number;
  new_months: number;
  carried: number;
}

type ReplanData = SavedRoadmap & { summary: RoadmapSummary; replan: ReplanResult };

const replanView: View<ReplanData> = {
  text: async () => {
    const { showText } = await import('../../render/progress-text.js');
    return (data, _meta, c) => `${replanHeadline(data)}\n\n${showText(data, data.summary, c)}\n`;
  },
};

function replanHeadline(data: ReplanData): string {
  const r = data.replan;
  const kept = r.kept_months === 0 ? 'kept no month (none was finished)' : `kept month${r.kept_months === 1 ? ' 1' : `s 1-${r.kept_months}`} as they were`;
  return `Re-planned ${data.id} as version ${r.version}: ${kept}, wrote ${r.new_months} new month${r.new_months === 1 ? '' : 's'}, carried ${r.carried} task mark${r.carried === 1 ? '' : 's'} over. Version ${r.from_version} is kept: careerforge progress show ${data.id} --version ${r.from_version}`;
}

export async function replanCommand(ref: string, flags: ReplanFlags, session: Session): Promise<void> {
  const changes = await parseCommandInput<ReplanChanges>(
    changesSchema,
    { hours_per_week: numberFlag(flags.hoursPerWeek), months: numberFlag(flags.months), goal: flags.goal },
    undefined,
    session.stdin,
  );
  const ctx = await openContext(session, flags);
  const resolved = resolveRecord(await ctx.store.read(), ref, 'roadmaps');
  const saved = resolved.record as unknown as SavedRoadmap;
  // Every usage problem (nothing left to plan, too many months) is found before a request is sent.
  const setup = planReplan(saved, changes);
  const label = `Re-planning ${setup.remaining} month${setup.remaining === 1 ? '' : 's'} of ${saved.roadmap.career_role}`;
  const { roadmap } = await generate(session, ctx, label, (on) => drive(generateReplan(ctx.llm(), saved, setup), on));
  const { record, result } = await ctx.store.update((data) => {
    const fresh = findRoadmap(data, resolved.id); // removed meanwhile: not found, nothing written
    const applied = applyReplan(fresh, roadmap, setup, { model: ctx.settings.model, now: new Date() });
    return { record: structuredClone(fresh), result: applied };
  });
  session.meta.id = resolved.id;
  const replan: ReplanResult = { version: result.version, from_version: setup.version, kept_months: setup.kept, new_months: setup.remaining, carried: result.carried };
  await emit(session, { ...record, summary: summarize(record), replan }, replanView);
}
