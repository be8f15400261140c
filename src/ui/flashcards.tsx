// Flashcards (`quiz --flashcards`): the question first, Space or Enter turns the card, then the
// learner grades themself 1-4 (Again, Hard, Good, Easy; or a/h/g/e). Each grade goes to
// `onGrade` as it is given (the command reschedules and saves the card); Esc or Ctrl-C stops with
// status "interrupted". Finishes through useApp().exit(result).
import React, { useEffect, useReducer, useRef } from 'react';
import { Box, Text, render, useApp, useInput } from 'ink';
import type { QuizQuestion } from '../core/quiz/schema.js';
import type { Grade } from '../core/review/schema.js';
import { LETTERS } from '../render/quiz-text.js';
import type { Screen } from '../render/streams.js';
import { inkOptions } from './screen.js';

export interface FlashGrade {
  question: QuizQuestion;
  grade: Grade;
  /** Milliseconds from the card appearing to it being turned. */
  ms: number;
}

export interface FlashcardsResult {
  status: 'completed' | 'interrupted';
  graded: FlashGrade[];
}

const GRADE_KEYS: Record<string, Grade> = { '1': 'again', '2': 'hard', '3': 'good', '4': 'easy', a: 'again', h: 'hard', g: 'good', e: 'easy' };

interface State {
  index: number;
  /** Set once the card is turned: how long that took. */
  turnedAfter?: number;
  shownAt: number;
  graded: FlashGrade[];
  stopped: boolean;
}

type Key = Parameters<Parameters<typeof useInput>[0]>[1];

function onKey(cards: QuizQuestion[], now: () => number, state: State, input: string, key: Key): State {
  if (state.stopped) return state;
  if (key.escape || (key.ctrl && input === 'c')) return { ...state, stopped: true };
  const card = cards[state.index];
  if (!card) return state;
  if (state.turnedAfter === undefined) {
    return key.return || input === ' ' ? { ...state, turnedAfter: Math.max(0, now() - state.shownAt) } : state;
  }
  const grade = GRADE_KEYS[input.toLowerCase()];
  if (!grade) return state;
  return { index: state.index + 1, shownAt: now(), graded: [...state.graded, { question: card, grade, ms: state.turnedAfter }], stopped: false };
}

interface Props {
  cards: QuizQuestion[];
  title: string;
  onGrade: (graded: FlashGrade) => void;
  now?: () => number;
}

export function Flashcards({ cards, title, onGrade, now = Date.now }: Props) {
  const { exit } = useApp();
  const [state, dispatch] = useReducer(
    (s: State, a: { input: string; key: Key }) => onKey(cards, now, s, a.input, a.key),
    undefined,
    (): State => ({ index: 0, shownAt: now(), graded: [], stopped: false }),
  );
  const reported = useRef(0);
  const { index, graded, stopped, turnedAfter } = state;
  const done = index >= cards.length;

  useEffect(() => {
    for (; reported.current < graded.length; reported.current++) onGrade(graded[reported.current]!);
    if (stopped) exit({ status: 'interrupted', graded } satisfies FlashcardsResult);
    else if (done) exit({ status: 'completed', graded } satisfies FlashcardsResult);
  }, [graded, stopped, done, onGrade, exit]);

  useInput((input, key) => dispatch({ input, key }), { isActive: !done && !stopped });

  const card = cards[index];
  if (done || !card) {
    const again = graded.filter((g) => g.grade === 'again').length;
    return <Text bold color="cyan">Graded {graded.length} card{graded.length === 1 ? '' : 's'}{again ? ` · ${again} to see again soon` : ''}</Text>;
  }
  const answer = `${LETTERS[card.correct_index]}) ${card.options[card.correct_index]}`;
  return (
    <Box flexDirection="column">
      <Text dimColor>
        {title} · card {index + 1} of {cards.length} · {card.topic}
      </Text>
      <Text bold>{card.question}</Text>
      {card.options.map((option, j) => (
        <Text key={j} color={turnedAfter !== undefined && j === card.correct_index ? 'green' : undefined}>
          {'  '}{LETTERS[j]}) {option}
        </Text>
      ))}
      {turnedAfter === undefined ? (
        <Text dimColor>Space or Enter: show the answer · Esc: stop</Text>
      ) : (
        <Box flexDirection="column" marginTop={1}>
          <Text color="green">Answer: {answer}</Text>
          <Text>{card.explanation}</Text>
          <Text color="cyan">How well did you know it? 1 Again · 2 Hard · 3 Good · 4 Easy</Text>
          <Text dimColor>Esc: stop</Text>
        </Box>
      )}
    </Box>
  );
}

export async function runFlashcards(screen: Screen, cards: QuizQuestion[], title: string, onGrade: (graded: FlashGrade) => void): Promise<FlashcardsResult> {
  const app = render(<Flashcards cards={cards} title={title} onGrade={onGrade} />, inkOptions(screen));
  return (await app.waitUntilExit()) as FlashcardsResult;
}
