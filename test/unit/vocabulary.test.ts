// The one vocabulary (src/core/vocabulary.ts): the schemas and forms take their words from it, a
// learning level reads as a seniority for every level, and the help wording stays as it was.
import { describe, expect, it } from 'vitest';
import { levelSchema } from '../../src/core/common-schema.js';
import { interviewInputSchema, interviewLevelSchema } from '../../src/core/interview/schema.js';
import { quizDifficultySchema, quizInputSchema } from '../../src/core/quiz/schema.js';
import { roadmapInputSchema } from '../../src/core/roadmap/input-schema.js';
import { parseSkill, skillsInputSchema } from '../../src/core/skills/schema.js';
import { interviewFields } from '../../src/ui/interview-form.js';
import {
  DIFFICULTIES, LEVELS, SENIORITIES, levelForReadiness, orList, seniorityForLevel,
} from '../../src/core/vocabulary.js';

describe('vocabulary', () => {
  it('is what the schemas accept', () => {
    expect(levelSchema.options).toEqual([...LEVELS]);
    expect(interviewLevelSchema.options).toEqual([...SENIORITIES]);
    expect(quizDifficultySchema.options).toEqual([...DIFFICULTIES]);
    expect(roadmapInputSchema.parse({ role: 'Dev' }).level).toBe('beginner');
    expect(quizInputSchema.parse({ topic: 'SQL' }).difficulty).toBe('medium');
    expect(interviewInputSchema.parse({ role: 'Dev' }).level).toBe('mid');
  });

  it('reads every learning level as a seniority the interview accepts', () => {
    expect(LEVELS.map(seniorityForLevel)).toEqual(['junior', 'mid', 'senior']);
    for (const level of LEVELS) expect(interviewLevelSchema.safeParse(seniorityForLevel(level)).success).toBe(true);
    const level = interviewFields({}, { config: { level: 'advanced' } }).find((f) => f.name === 'level');
    expect(level && 'default' in level ? level.default : undefined).toBe('senior');
  });

  it('maps a readiness score to the level a follow-up roadmap starts from', () => {
    expect([0, 39, 40, 69, 70, 100].map(levelForReadiness)).toEqual(['beginner', 'beginner', 'intermediate', 'intermediate', 'advanced', 'advanced']);
  });

  it('checks skill levels against the same words', () => {
    expect(parseSkill('TypeScript: Advanced')).toEqual({ name: 'TypeScript', level: 'advanced' });
    expect(skillsInputSchema.safeParse({ role: 'Dev', skills: ['SQL:intermediate', 'Go'] }).success).toBe(true);
    const bad = skillsInputSchema.safeParse({ role: 'Dev', skills: ['SQL:expert'] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('expected "Skill" or "Skill:level" with level beginner, intermediate or advanced');
  });

  it('words a list for help and errors', () => {
    expect(orList(SENIORITIES)).toBe('intern, junior, mid, senior or staff');
    expect(orList(['one'])).toBe('one');
    expect(orList([])).toBe('');
  });
});
