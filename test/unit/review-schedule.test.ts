// Spaced repetition in-process, over simulated days (the clock is injected): intervals grow while
// the answers are right, fall back when one is wrong, retention shortens or stretches them, and a
// broken card is left alone while the rest of the deck goes on.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARDS_FILE, CardRecorder, dueCards, dueSummary, loadCards, type ReviewEntry } from '../../src/core/review/cards.js';
import { gradeAnswer, gradeFromTime } from '../../src/core/review/grade.js';
import type { Grade } from '../../src/core/review/schema.js';
import { LocalStore } from '../../src/core/store/store.js';
import type { QuizQuestion } from '../../src/core/quiz/schema.js';
import { tempHome } from '../support/cli.js';

const DAY = 86_400_000;
const START = new Date('2026-03-02T09:00:00Z');

function question(n: number): QuizQuestion {
  return { id: `q${n}`, question: `What is ${n}?`, options: ['a', 'b', 'c', 'd'], correct_index: n % 4, explanation: `Because ${n}.`, topic: 'Joins' };
}

function deck(retention = 0.9) {
  const home = tempHome();
  const warnings: string[] = [];
  const store = new LocalStore(home, (m) => warnings.push(m));
  let now = START;
  const clock = { set: (d: Date) => (now = d), get: () => now };
  const recorder = (source: 'quiz' | 'review' = 'review') => new CardRecorder(store, { retention, source, now: () => now, warn: (m) => warnings.push(m) });
  const entry = (n: number, grade: Grade): ReviewEntry => ({ quiz: { id: 'zquiz01', topic: 'SQL' }, question: question(n), grade, correct: grade !== 'again' });
  return { home, store, warnings, clock, recorder, entry };
}

/** Reviews card q1 on its due date with each grade in turn; returns the interval after each, in days. */
async function intervals(grades: Grade[], retention = 0.9): Promise<number[]> {
  const d = deck(retention);
  const out: number[] = [];
  for (const grade of grades) {
    const card = (await d.recorder().record(d.entry(1, grade)))!;
    out.push(card.reviews.at(-1)!.interval_days);
    d.clock.set(new Date(card.fsrs.due));
  }
  return out;
}

describe('FSRS over simulated days', () => {
  it('stretches the interval after every right answer and falls back after a wrong one', async () => {
    const days = await intervals(['good', 'good', 'good', 'good', 'again', 'good', 'good']);
    const [g1, g2, g3, g4, again, after1, after2] = days as [number, number, number, number, number, number, number];
    expect(g1).toBeGreaterThanOrEqual(1);
    expect(g2).toBeGreaterThan(g1);
    expect(g3).toBeGreaterThan(g2);
    expect(g4).toBeGreaterThan(g3);
    expect(g4).toBeGreaterThan(30);
    // The lapse: back to a few days, far below where it was, then growing again.
    expect(again).toBeLessThan(g1 + 3);
    expect(again).toBeLessThan(g4 / 5);
    expect(after1).toBeGreaterThan(again);
    expect(after2).toBeGreaterThan(after1);
  });

  it('counts a lapse and keeps each review', async () => {
    const d = deck();
    let card = (await d.recorder().record(d.entry(1, 'good')))!;
    d.clock.set(new Date(card.fsrs.due));
    card = (await d.recorder().record(d.entry(1, 'again')))!;
    expect(card.fsrs.lapses).toBe(1);
    expect(card.fsrs.reps).toBe(2);
    expect(card.reviews.map((r) => r.grade)).toEqual(['good', 'again']);
    expect(card.reviews[1]!.at).toBe(card.fsrs.last_review);
  });

  it('gives Easy longer intervals than Good, and Hard shorter', async () => {
    const [easy] = await intervals(['easy']);
    const [good] = await intervals(['good']);
    const [hard] = await intervals(['hard']);
    expect(easy).toBeGreaterThan(good!);
    expect(good).toBeGreaterThan(hard!);
  });

  it('asks sooner at a higher desired retention', async () => {
    const high = await intervals(['good', 'good', 'good'], 0.97);
    const low = await intervals(['good', 'good', 'good'], 0.8);
    expect(high[2]).toBeLessThan(low[2]!);
  });

  it('makes a quiz answered on day 0 come due: the wrong one on day 1, the right one later', async () => {
    const d = deck();
    const quiz = d.recorder('quiz');
    await quiz.record(d.entry(1, 'good'));
    await quiz.record(d.entry(2, 'again'));
    await quiz.settled();
    const cards = await loadCards(d.store, () => undefined);
    expect(cards).toHaveLength(2);
    expect(dueSummary(cards, START).due).toBe(0);
    const day1 = new Date(START.getTime() + DAY);
    expect(dueCards(cards, day1).map((c) => c.question.id)).toEqual(['q2']);
    const summary = dueSummary(cards, new Date(START.getTime() + 10 * DAY));
    expect(summary).toMatchObject({ due: 2, total: 2, next_due: null, topics: [{ topic: 'SQL', due: 2, total: 2 }] });
    expect(dueSummary(cards, day1, 'joins').due).toBe(1);
    expect(dueSummary(cards, day1, 'Python').total).toBe(0);
  });
});

describe('a broken card', () => {
  it('is left byte for byte, reported, and the others are still scheduled', async () => {
    const d = deck();
    await d.recorder().record(d.entry(1, 'good'));
    const file = d.store.path('cards');
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    const good = data.cards['zquiz01:q1'];
    const broken = { ...good, id: 'zquiz01:q9', fsrs: { ...good.fsrs, due: 'next tuesday' } };
    data.cards['zquiz01:q9'] = broken;
    fs.writeFileSync(file, JSON.stringify(data));
    const cards = await loadCards(d.store, (m) => d.warnings.push(m));
    expect(cards.map((c) => c.id)).toEqual(['zquiz01:q1']);
    expect(d.warnings.join('\n')).toMatch(/1 card left as it is and not asked \(zquiz01:q9: fsrs\.due/);
    await d.recorder().record(d.entry(2, 'again'));
    await d.recorder().record(d.entry(9, 'good'));
    const after = (await d.store.readFile(CARDS_FILE)).cards;
    expect(after['zquiz01:q9']).toEqual(broken);
    expect(Object.keys(after).sort()).toEqual(['zquiz01:q1', 'zquiz01:q2', 'zquiz01:q9']);
    expect(d.warnings.join('\n')).toMatch(/card zquiz01:q9 does not fit/);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('corrupt'))).toEqual([]);
  });

  it('a cards.json that is not JSON is left as it is by a read and set aside by the next review, the store untouched', async () => {
    const d = deck();
    fs.writeFileSync(path.join(d.home, 'store.json'), JSON.stringify({ roadmaps: {}, __internal__: { migrations: { version: '1.0.0' } } }));
    const storeBefore = fs.readFileSync(path.join(d.home, 'store.json'));
    fs.writeFileSync(d.store.path('cards'), '{"cards": {');
    expect(await loadCards(d.store, () => undefined)).toEqual([]);
    expect(d.warnings.join('\n')).toMatch(/cards\.json is unreadable \(not valid JSON .*\); going on without it and leaving it as it is until it is fixed/);
    expect(fs.readFileSync(d.store.path('cards'), 'utf8')).toBe('{"cards": {');
    await d.recorder().record(d.entry(1, 'good'));
    expect(d.warnings.join('\n')).toMatch(/cards\.json was unreadable .*moved it to .*cards\.json\.corrupt-/);
    const backup = fs.readdirSync(d.home).find((f) => f.startsWith('cards.json.corrupt-'))!;
    expect(fs.readFileSync(path.join(d.home, backup), 'utf8')).toBe('{"cards": {');
    expect(fs.readFileSync(path.join(d.home, 'store.json'))).toEqual(storeBefore);
  });
});

describe('grading an answer', () => {
  it('wrong is Again whatever the rating; right is the rating, else from the answer time', () => {
    expect(gradeAnswer({ correct: false, rating: 'easy', ms: 1000 })).toBe('again');
    expect(gradeAnswer({ correct: true, rating: 'hard', ms: 1000 })).toBe('hard');
    expect(gradeAnswer({ correct: true })).toBe('good');
    expect(gradeAnswer({ correct: true, ms: 12_000 })).toBe('good');
    expect(gradeFromTime(2_000)).toBe('easy');
    expect(gradeFromTime(45_000)).toBe('hard');
    expect(gradeFromTime(Number.NaN)).toBe('good');
  });
});
