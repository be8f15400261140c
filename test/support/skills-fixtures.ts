// A valid skills-gap report (matches the schema and the semantic checks), so tests can script
// the fake server with a good answer and then break exactly one thing about it.
import type { SkillsReport } from '../../src/core/skills/schema.js';

export function makeSkillsReport(role = 'Backend Developer'): SkillsReport {
  return {
    target_role: role,
    readiness_score: 62,
    readiness_rationale: 'Strong TypeScript, but no production database or container work yet.',
    strengths: [{ skill: 'TypeScript', evidence: 'Three years of TypeScript in the CV.' }],
    gaps: [
      { skill: 'Docker', category: 'tool', importance: 'important', current_level: 'beginner', target_level: 'intermediate', estimated_hours: 20, first_step: 'Containerise a small API.' },
      { skill: 'SQL', category: 'technical', importance: 'critical', current_level: 'beginner', target_level: 'intermediate', estimated_hours: 40, first_step: 'Work through joins on a sample schema.' },
    ],
    transferable_skills: [{ skill: 'Code review', relevance: 'Same practice on any backend team.' }],
    learning_order: ['SQL', 'Docker'],
  };
}
