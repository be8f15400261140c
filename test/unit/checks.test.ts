// The semantic checks that turn a schema-valid but wrong plan into repair problems, and the
// prompt-truncation warning. Problems are phrased for the model, so their exact text matters.
import { describe, expect, it } from 'vitest';
import { jsonSchemaOf, promptTruncation } from '../../src/core/llm/generate.js';
import { estimateTokens } from '../../src/core/llm/budget.js';
import { checkMonth, checkOutline, checkRoadmap } from '../../src/core/roadmap/generate.js';
import { monthSchema, outlineSchema, roadmapSchema } from '../../src/core/roadmap/schema.js';
import { makeMonth, makeOutline, makeRoadmap } from '../support/fixtures.js';

const input = { months: 3, hours_per_week: 10 };

describe('checkRoadmap', () => {
  it('accepts a plan that fits the request', () => {
    expect(checkRoadmap(makeRoadmap(3, 10), input)).toEqual([]);
  });

  it('reports a missing month', () => {
    const plan = makeRoadmap(3);
    plan.roadmap.splice(1, 1);
    expect(checkRoadmap(plan, input)).toEqual([
      'roadmap has 2 months but the plan must have exactly 3',
      'roadmap[1].month is 3 but must be 2 (months are numbered 1..N with no gap)',
    ]);
  });

  it('reports weeks out of order, hours over the budget and empty tasks, each with its path', () => {
    const plan = makeRoadmap(3);
    const weeks = plan.roadmap[2]!.weeks;
    weeks[1]!.week = 3;
    weeks[2]!.hours = 11;
    weeks[3]!.hours = 0;
    weeks[0]!.tasks = [];
    weeks[1]!.tasks = ['ok', '  '];
    expect(checkRoadmap(plan, input)).toEqual([
      'roadmap[2].weeks[0].tasks must list at least one non-empty task',
      'roadmap[2].weeks[1].week is 3 but must be 2 (weeks are numbered 1, 2, 3... in each month)',
      'roadmap[2].weeks[1].tasks must list at least one non-empty task',
      "roadmap[2].weeks[2].hours is 11 but must be more than 0 and at most 10 (the learner's hours per week)",
      "roadmap[2].weeks[3].hours is 0 but must be more than 0 and at most 10 (the learner's hours per week)",
    ]);
  });
});

describe('checkMonth', () => {
  it('accepts a good month and checks its number', () => {
    expect(checkMonth(makeMonth(4), 4, 10)).toEqual([]);
    expect(checkMonth(makeMonth(4), 5, 10)).toEqual(['month.month is 4 but must be 5 (months are numbered 1..N with no gap)']);
  });

  it('bounds the weeks of a month and the project hours', () => {
    const month = makeMonth(1);
    month.weeks = [1, 2, 3, 4, 5, 6].map((week) => ({ week, focus: 'f', hours: 2, tasks: ['t'] }));
    month.projects[0]!.estimated_hours = 0;
    expect(checkMonth(month, 1, 10)).toEqual(['month has 6 weeks; a month has at most 5', 'month.projects[0].estimated_hours must be positive']);
  });

  it('holds hours to the learner budget exactly', () => {
    const month = makeMonth(1, 5);
    expect(month.weeks.map((w) => w.hours)).toEqual([5, 5, 5, 5]);
    expect(checkMonth(month, 1, 5)).toEqual([]);
    month.weeks[0]!.hours = 5.5;
    expect(checkMonth(month, 1, 5)).toHaveLength(1);
  });
});

describe('checkOutline', () => {
  it('wants exactly the asked months, numbered without gaps', () => {
    expect(checkOutline(makeOutline(12), { months: 12 })).toEqual([]);
    const outline = makeOutline(4);
    outline.months[2]!.month = 7;
    expect(checkOutline(outline, { months: 5 })).toEqual([
      'months has 4 entries but the plan must have exactly 5',
      'months[2].month is 7 but must be 3 (numbered 1..5 with no gap)',
    ]);
  });
});

describe('promptTruncation', () => {
  it('stays quiet while the prompt leaves room in the context', () => {
    expect(promptTruncation({ prompt_eval_count: 1000 }, 8192)).toBeUndefined();
    expect(promptTruncation({ prompt_eval_count: 0 }, 8192)).toBeUndefined();
    expect(promptTruncation({ prompt_eval_count: 7781 }, 8192)).toBeUndefined();
  });

  it('warns, naming --num-ctx, once the prompt fills 95% of it', () => {
    expect(promptTruncation({ prompt_eval_count: 7782 }, 8192)).toBe(
      'The prompt used 7782 of num_ctx=8192 tokens and was probably truncated by Ollama: raise --num-ctx',
    );
    expect(promptTruncation({ prompt_eval_count: 2048 }, 2048)).toContain('--num-ctx');
  });
});

describe('schemas sent as format', () => {
  it('are plain JSON schemas without $schema, with the fields the prompts promise', () => {
    const roadmap = jsonSchemaOf(roadmapSchema) as { type: string; properties: Record<string, unknown>; required: string[] };
    expect(roadmap).not.toHaveProperty('$schema');
    expect(roadmap.type).toBe('object');
    expect(roadmap.required).toEqual(['career_role', 'overview', 'timeline', 'roadmap', 'final_outcome', 'resources']);
    expect(Object.keys((jsonSchemaOf(outlineSchema) as { properties: object }).properties)).toContain('months');
    expect(Object.keys((jsonSchemaOf(monthSchema) as { properties: object }).properties)).toContain('weeks');
  });

  it('estimates tokens at 3.5 characters each, rounding up', () => {
    expect(estimateTokens('abcdefg')).toBe(2);
    expect(estimateTokens('abc', 'defg', 'h')).toBe(3);
  });
});
