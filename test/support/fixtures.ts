// Valid model answers, built to match the schemas and semantic checks, so tests can script the
// fake server with a good reply and then break exactly one thing about it.
import type { Month, Outline, Roadmap } from '../../src/core/roadmap/schema.js';

export function makeMonth(month: number, hoursPerWeek = 10): Month {
  return {
    month,
    title: `Month ${month} topic`,
    weeks: [1, 2, 3, 4].map((week) => ({
      week,
      focus: `Focus ${month}.${week}`,
      hours: Math.min(hoursPerWeek, 8),
      tasks: [`Task ${month}.${week}.1`, `Task ${month}.${week}.2`],
    })),
    tools: ['Git', 'Docker'],
    projects: [{ name: `Project ${month}`, difficulty: 'intermediate', estimated_hours: 12 }],
    checkpoint: `Checkpoint ${month}`,
  };
}

export function makeRoadmap(months = 3, hoursPerWeek = 10, role = 'Backend Developer'): Roadmap {
  return {
    career_role: role,
    overview: `A ${months}-month plan to become a ${role}.`,
    timeline: `${months} months`,
    roadmap: Array.from({ length: months }, (_, i) => makeMonth(i + 1, hoursPerWeek)),
    final_outcome: 'Ready to apply for junior roles.',
    resources: { official_docs: ['Node.js docs'], courses: ['The Odin Project'], youtube_channels: ['Fireship'] },
  };
}

export function makeOutline(months = 12, role = 'Backend Developer'): Outline {
  const { roadmap: _r, ...frame } = makeRoadmap(1, 10, role);
  return {
    ...frame,
    overview: `A ${months}-month plan to become a ${role}.`,
    timeline: `${months} months`,
    months: Array.from({ length: months }, (_, i) => ({ month: i + 1, title: `Month ${i + 1} topic`, focus: `Focus of month ${i + 1}` })),
  };
}

/** A reply the fake server streams back as the model's content. */
export function jsonReply(value: unknown, extra: Record<string, unknown> = {}) {
  return { content: JSON.stringify(value), ...extra };
}
