// The mock interview in a real terminal (tmux, CI unset): an answer left while it was being graded
// is offered again by --resume (in the box, to grade or edit) instead of being asked afresh and
// overwritten; a grading failure keeps the answer, says so on the screen (warnings inside the frame,
// the question header drawn once) and goes on; Ctrl-S skips a question, saved as skipped.
import { describe, expect, it } from 'vitest';
import { readStore } from './support/cli.js';
import { terminalTests } from './support/tmux.js';
import { jsonReply } from './support/fixtures.js';
import { makeGrade, makeInterviewBatch } from './quiz-interview-fixtures.js';

const t = terminalTests('mock', 40);
const { waitFor, keys } = t;

const isGrading = (body: any) => JSON.stringify(body.messages).includes('user_data name=\\"answer\\"');

describe('mock interview in a terminal', () => {
  it('--resume grades the saved answer; a grading failure keeps it and goes on; Ctrl-S skips', async () => {
    // First sitting: the grading never comes back, the user leaves with Esc.
    t.fake.onChat((req) => (isGrading(req.body) ? { fault: 'stall' } : jsonReply(makeInterviewBatch(2))));
    const first = t.start(['interview', '--mock', '--role', 'SRE', '--count', '2']);
    await waitFor(/Question 1 of 2[\s\S]*Ctrl-S: skip/);
    t.type('My saved answer');
    keys('C-d');
    await waitFor(/Grading your answer/);
    keys('Escape');
    expect(await waitFor(/\[exit \d+\]/)).toContain('[exit 130]');
    first.kill();
    const id = Object.keys(readStore(t.home).interviews)[0]!;
    expect(readStore(t.home).interviews[id].mock.turns).toMatchObject([{ question_id: 'q1', kind: 'main', answer: 'My saved answer' }]);

    // Second sitting: the model's grades are invalid every time.
    t.fake.onChat(() => jsonReply({ score: 'high' }));
    t.start(['interview', '--resume', '--retries', '1']);
    let screen = await waitFor(/saved but not graded[\s\S]*My saved answer▌/);
    expect(screen).toContain('Question 1 of 2');
    t.type(' (edited)');
    keys('C-d');
    screen = await waitFor(/Not graded: [\s\S]*Your answer is saved; going on\./);
    expect(screen).toMatch(/warning: grading: attempt 1 of 2 failed [\s\S]*;\s+retrying/);
    expect(screen).not.toContain('attempt 2 of 2');
    expect(screen).toContain('My saved answer (edited)');
    // Warnings are part of the frame: the header is on the screen once, not once per warning.
    expect(screen.match(/Question 1 of 2/g)).toHaveLength(1);
    const graded = t.fake.chatRequests().filter((r) => isGrading(r.body));
    expect(graded.length).toBeGreaterThan(0);
    expect(JSON.stringify(graded.at(-1)!.body.messages)).toContain('My saved answer (edited)');
    keys('Enter');
    await waitFor(/Question 2 of 2/);
    keys('C-s');
    const done = await waitFor(/\[exit \d+\]/);
    expect(done).toContain('[exit 0]');
    expect(done).toContain('Mock interview done: average 0/10 over 0 questions (1 skipped, 1 not graded)');

    const mock = readStore(t.home).interviews[id].mock;
    expect(mock.status).toBe('completed');
    expect(mock.turns).toHaveLength(2);
    expect(mock.turns[0]).toMatchObject({ question_id: 'q1', kind: 'main', answer: 'My saved answer (edited)' });
    expect(mock.turns[0].grade).toBeUndefined();
    expect(mock.turns[0].grade_error).toMatch(/\S/);
    expect(mock.turns[1]).toMatchObject({ question_id: 'q2', kind: 'main', answer: '', skipped: true });
    expect(mock.summary).toMatchObject({ answered: 0, skipped: 1, ungraded: 1 });
  }, 60_000);

  it('a model error while grading (connection dropped) skips that grade with a warning; the next one is graded', async () => {
    let gradings = 0;
    t.fake.onChat((req) => {
      if (!isGrading(req.body)) return jsonReply(makeInterviewBatch(2));
      return ++gradings === 1 ? { fault: 'destroy' } : jsonReply(makeGrade(['Point 2.1', 'Point 2.2', 'Point 2.3'], 8));
    });
    t.start(['interview', '--mock', '--role', 'SRE', '--count', '2', '--retries', '0']);
    await waitFor(/Question 1 of 2[\s\S]*Ctrl-S: skip/);
    t.type('First answer');
    keys('C-d');
    const screen = await waitFor(/Not graded: [\s\S]*Your answer is saved; going on\.[\s\S]*Enter: next question/);
    expect(screen).toContain('First answer');
    keys('Enter');
    await waitFor(/Question 2 of 2/);
    t.type('Second answer');
    keys('C-d');
    await waitFor(/Score: 8\/10[\s\S]*Enter: summary/);
    keys('Enter');
    const done = await waitFor(/\[exit \d+\]/);
    expect(done).toContain('[exit 0]');
    expect(done).toContain('Mock interview done: average 8/10 over 1 question (1 not graded)');
    const [record] = Object.values(readStore(t.home).interviews) as any[];
    expect(record.mock.turns.map((turn: any) => [turn.question_id, turn.answer, turn.grade?.score ?? null, typeof turn.grade_error])).toEqual([
      ['q1', 'First answer', null, 'string'],
      ['q2', 'Second answer', 8, 'undefined'],
    ]);
  }, 60_000);
});
