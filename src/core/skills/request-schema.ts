// The skills-gap report schema sent as `format`: a 0..100 integer score, integer hours per gap,
// and bounded lists and strings (core/llm/bounded.ts). What the grammar cannot say (a skill is a
// strength or a gap, learning_order names the gaps) stays in checkSkillsReport.
import * as z from '../zod.js';
import { int, list, text } from '../llm/bounded.js';
import { LEVELS, SKILL_LEVELS } from '../vocabulary.js';

export const MAX_GAPS = 12;

export function skillsReportRequestSchema() {
  return z.object({
    target_role: text(120),
    readiness_score: int(0, 100),
    readiness_rationale: text(400),
    strengths: list(z.object({ skill: text(80), evidence: text(300) }), 0, 10),
    gaps: list(
      z.object({
        skill: text(80),
        category: z.enum(['technical', 'tool', 'soft']),
        importance: z.enum(['critical', 'important', 'nice-to-have']),
        current_level: z.enum(SKILL_LEVELS),
        target_level: z.enum(LEVELS),
        estimated_hours: int(1, 1000),
        first_step: text(300),
      }),
      0,
      MAX_GAPS,
    ),
    transferable_skills: list(z.object({ skill: text(80), relevance: text(300) }), 0, 8),
    learning_order: list(text(80), 0, MAX_GAPS),
  });
}
