// A 40-column terminal: every view's lines fit, and a wrapped line keeps its indent, with the text
// of a bullet continuing under the text (a hanging indent), not at column 0.
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startFakeOllama } from './support/fake-ollama.js';
import { jsonReply, makeRoadmap } from './support/fixtures.js';
import { makeSkillsReport } from './support/skills-fixtures.js';
import { makeInterviewBatch } from './quiz-interview-fixtures.js';
import { runInProcess } from './support/in-process.js';
import { wrapText } from '../src/render/wrap.js';

const LONG_TASK = 'Read the whole official documentation on closures, prototypes and the event loop carefully';
const LONG_FOCUS = 'Fundamentals of the language and its runtime model in depth';

function longRoadmap() {
  const roadmap = makeRoadmap(1, 10, 'Dev');
  roadmap.roadmap[0]!.weeks[0]!.tasks[0] = LONG_TASK;
  roadmap.roadmap[0]!.weeks[0]!.focus = LONG_FOCUS;
  return roadmap;
}

/** The rows a line of the view became, from the row that starts with `head` on. */
function rowsOf(lines: string[], head: string, count: number): string[] {
  const at = lines.findIndex((l) => l.startsWith(head));
  expect(at, `no row starts with ${JSON.stringify(head)}`).toBeGreaterThanOrEqual(0);
  return lines.slice(at, at + count);
}

async function view40(args: string[], reply: unknown): Promise<string[]> {
  const fake = await startFakeOllama();
  fake.onChat(() => jsonReply(reply));
  try {
    const r = await runInProcess(args, { host: fake.host, tty: { columns: 40 } });
    expect(r.exitCode, r.stderr).toBe(0);
    const lines = stripVTControlCharacters(r.stdout).split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(40);
    return lines;
  } finally {
    await fake.close();
  }
}

describe('a 40-column terminal', () => {
  it('roadmap: a long task wraps under its text after "- ", a long week line keeps its indent', async () => {
    const lines = await view40(['roadmap', '--role', 'Dev', '--months', '1'], longRoadmap());
    expect(rowsOf(lines, '    - Read', 4)).toEqual([
      '    - Read the whole official',
      '      documentation on closures,',
      '      prototypes and the event loop',
      '      carefully',
    ]);
    expect(rowsOf(lines, '  Week 1', 3)).toEqual(['  Week 1 (8 h): Fundamentals of the', '  language and its runtime model in', '  depth']);
  });

  it('skills and interview: numbered and bulleted items continue under their text', async () => {
    const skills = await view40(['skills', '--role', 'Dev', '--skills', 'SQL'], makeSkillsReport('Dev'));
    expect(rowsOf(skills, '  + TypeScript', 2)).toEqual(['  + TypeScript: Three years of', '    TypeScript in the CV.']);
    const gap = rowsOf(skills, '  1. SQL', 4);
    for (const row of gap.slice(1)) expect(row).toMatch(/^ {5}\S/);
    const interview = await view40(['interview', '--role', 'Dev', '--count', '2'], makeInterviewBatch(2, ['technical', 'behavioral']));
    expect(rowsOf(interview, '   Model answer:', 2)).toEqual(['   Model answer: A strong answer to', '   question 1.']);
  });

  it('the ASCII bullet of a LANG=C terminal ("* ") hangs like "• "', () => {
    const line = '  * Point of a long list item that has to wrap twice at forty columns';
    expect(wrapText(line, 40).split('\n')).toEqual(['  * Point of a long list item that', '    has to wrap twice at forty columns']);
    expect(wrapText(line.replace('*', '•'), 40).split('\n')[1]).toBe('    has to wrap twice at forty columns');
  });
});
