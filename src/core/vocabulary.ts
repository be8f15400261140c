// The words CareerForge grades things with, in one place: the learning level (roadmaps, skills,
// the profile in config), the seniority an interview is pitched at, the difficulty of a quiz or an
// interview question, and how a learning level reads as a seniority. Plain constants (no zod) so
// the eager option specs can name them in their help without loading a schema library.

/** How far along a learner is: roadmaps, skills and the profile's `level`. */
export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];
export const DEFAULT_LEVEL: Level = 'beginner';

/** A skill's current level can also be none at all. */
export const SKILL_LEVELS = ['none', ...LEVELS] as const;

/** The seniority an interview is pitched at. */
export const SENIORITIES = ['intern', 'junior', 'mid', 'senior', 'staff'] as const;
export type Seniority = (typeof SENIORITIES)[number];
export const DEFAULT_SENIORITY: Seniority = 'mid';

/** How hard a quiz, or one interview question, is. */
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
export const DEFAULT_DIFFICULTY: Difficulty = 'medium';

// The profile keeps a learning level; an interview form reads it as the nearest seniority.
const SENIORITY_FOR_LEVEL: Record<Level, Seniority> = { beginner: 'junior', intermediate: 'mid', advanced: 'senior' };

export function seniorityForLevel(level: Level): Seniority {
  return SENIORITY_FOR_LEVEL[level];
}

/** ['a', 'b', 'c'] -> "a, b or c", for help and error messages. */
export function orList(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** A skills report's 0..100 readiness as the learning level a follow-up roadmap starts from. */
export function levelForReadiness(score: number): Level {
  return score >= 70 ? 'advanced' : score >= 40 ? 'intermediate' : 'beginner';
}
