// Progressive output of quiz and interview questions (issue 10), in-process: the title and each
// batch of questions go to stdout as soon as that batch and every batch before it are final (with
// --concurrency batches finish out of order; a batch that repeats an earlier one is rewritten and
// holds the batches after it), and the whole output is byte for byte the view printed at once.
// --json stays one document. The pty test (spinner and early questions on a terminal) is in
// terminal-screen.test.ts.
import { describe, expect, it } from 'vitest';
import { parseEnvelope } from './support/cli.js';
import type { RecordedRequest } from './support/fake-ollama.js';
import { Capture, runInProcess } from './support/in-process.js';
import { answerFor, lastPrompt, requestKind } from './support/answer-by-request.js';
import { useFake } from './support/spine.js';
import { quizText } from '../src/render/quiz-text.js';
import { interviewText } from '../src/render/interview-text.js';
import { colorFor } from '../src/render/color.js';

const fake = useFake();
const upToMeta = (text: string) => text.slice(0, text.lastIndexOf('\n', text.length - 2));
const plain = colorFor(false);

/** Which batch a parallel request writes: found from the position of the first sub-topic it was given. */
function batchOf(req: RecordedRequest, firsts: number[]): number {
  const first = /Sub-topic \d+ of \d+ \((\d+)\)/.exec(lastPrompt(req));
  if (!first) throw new Error(`no sub-topics in the batch prompt:\n${lastPrompt(req)}`);
  return firsts.indexOf(Number(first[1]) - 1);
}

/** The saved record of a run, as `show --json` gives it. */
async function saved(r: { stdout: string; home: string }, kind: 'quiz' | 'interview') {
  const id = /saved as ([a-z][0-9a-z]{6})/.exec(r.stdout)![1]!;
  const shown = await runInProcess(['show', id, '--json'], { home: r.home });
  return parseEnvelope(shown.stdout).data.record[kind];
}

/** Batches (starting at question `firsts[i]`) answered only when released; `answer` may replace a batch's answer. */
function gatedBatches(firsts: number[], answer: (req: RecordedRequest, batch: number) => string = (req) => answerFor(req)) {
  const gates = new Map<number, () => void>();
  let serial = 0;
  fake().onChat(async (req) => {
    if (requestKind(req) === 'subtopics') return { content: answerFor(req) };
    const parallel = /Sub-topic/.test(lastPrompt(req));
    const batch = parallel ? batchOf(req, firsts) : serial++;
    // A rewrite (it is told what was asked already) is answered at once.
    if (parallel && /asked_already/.test(lastPrompt(req)) && !/\(none yet\)/.test(lastPrompt(req))) return { content: answerFor(req) };
    await new Promise<void>((resolve) => gates.set(batch, resolve));
    return { content: answer(req, batch) };
  });
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(check()).toBe(true);
  };
  const settle = () => new Promise((r) => setTimeout(r, 100));
  return { release: (n: number) => gates.get(n)!(), gates, until, settle };
}

describe('progressive output of interview questions', () => {
  const args = ['interview', '--role', 'Backend Developer', '--count', '20', '--concurrency', '4'];

  it('prints each batch in order as soon as it and the ones before it are done, and ends as the whole view', async () => {
    const g = gatedBatches([0, 5, 10, 15]);
    const out = new Capture();
    const running = runInProcess(args, { host: fake().host, stdout: out });
    await g.until(() => g.gates.size === 4);
    g.release(1);
    await g.settle();
    expect(out.text()).toBe(''); // batch 2 is done, batch 1 is not: nothing may be printed yet
    g.release(0);
    await g.until(() => out.text().includes('10. '));
    expect(out.text()).toMatch(/^Backend Developer \(mid\): mixed interview, 20 questions\n\n1\. /);
    expect(out.text()).not.toContain('11. ');
    g.release(3);
    await g.settle();
    expect(out.text()).not.toContain('16. ');
    g.release(2);
    const r = await running;
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('changed');
    expect(r.stdout.startsWith(out.text().slice(0, out.text().indexOf('10. ')))).toBe(true);
    expect(r.stdout.match(/^\d+\. /gm)).toEqual(Array.from({ length: 20 }, (_, i) => `${i + 1}. `));
    const interview = await saved(r, 'interview');
    expect(upToMeta(r.stdout)).toBe(upToMeta(interviewText(interview, {}, plain)));
    expect(r.stdout).toMatch(/Tips\n {2}- Think aloud\.\n[\s\S]*saved as i[0-9a-z]{6}/);
  });

  it('--json prints nothing until the one envelope at the end', async () => {
    const g = gatedBatches([0, 5, 10, 15]);
    const out = new Capture();
    const running = runInProcess([...args, '--json'], { host: fake().host, stdout: out });
    await g.until(() => g.gates.size === 4);
    for (const n of [0, 1, 2]) g.release(n);
    await g.settle();
    expect(out.text()).toBe('');
    g.release(3);
    const r = await running;
    expect(r.exitCode, r.stderr).toBe(0);
    expect(parseEnvelope(r.stdout).data.questions).toHaveLength(20);
  });
});

describe('progressive output of a piped quiz', () => {
  it('one batch at a time (concurrency 1): batch 1 is printed while batch 2 is being written', async () => {
    const g = gatedBatches([0, 10]);
    const out = new Capture();
    const running = runInProcess(['quiz', '--topic', 'SQL', '--count', '20', '--seed', '7'], { host: fake().host, stdout: out });
    await g.until(() => g.gates.has(0));
    g.release(0);
    await g.until(() => g.gates.has(1) && out.text().includes('10. '));
    expect(out.text()).toMatch(/^Quiz: SQL \(medium, 20 questions\)\n\n1\. /);
    expect(out.text()).not.toContain('11. ');
    expect(out.text()).not.toContain('Answer key');
    g.release(1);
    const r = await running;
    expect(r.exitCode, r.stderr).toBe(0);
    const quiz = await saved(r, 'quiz');
    // The shuffled options and ids shown early are those of the saved quiz.
    expect(upToMeta(r.stdout)).toBe(upToMeta(quizText(quiz, {}, plain)));
  });

  it('in parallel, a batch that repeats an earlier one is rewritten and holds the batches after it', async () => {
    let first = '';
    const g = gatedBatches([0, 8, 16, 23], (req, batch) => {
      const answer = answerFor(req);
      if (batch === 0) first = answer;
      if (batch !== 1) return answer;
      // Batch 2 repeats batch 1's first question.
      const mine = JSON.parse(answer);
      mine.questions[0].question = JSON.parse(first).questions[0].question;
      return JSON.stringify(mine);
    });
    const out = new Capture();
    const running = runInProcess(['quiz', '--topic', 'SQL', '--count', '30', '--concurrency', '4', '--seed', '7'], { host: fake().host, stdout: out });
    await g.until(() => g.gates.size === 4);
    g.release(0);
    await g.until(() => out.text().includes('8. '));
    g.release(2);
    g.release(3);
    await g.settle();
    expect(out.text()).not.toContain('9. ');
    g.release(1);
    const r = await running;
    expect(r.stderr).not.toContain('changed');
    expect(r.exitCode, r.stderr).toBe(0);
    const chats = fake().chatRequests();
    expect(chats.filter((req) => /asked_already/.test(lastPrompt(req)) && !/\(none yet\)/.test(lastPrompt(req)))).toHaveLength(1);
    expect(r.stdout.match(/^\d+\. Question/gm)).toHaveLength(30);
    const quiz = await saved(r, 'quiz');
    expect(new Set(quiz.questions.map((q: { question: string }) => q.question)).size).toBe(30);
    expect(upToMeta(r.stdout)).toBe(upToMeta(quizText(quiz, {}, plain)));
  });
});
