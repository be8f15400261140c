// Taking a quiz in the terminal: one question at a time, 1-4 or arrows+Enter to answer, s to
// skip, immediate feedback with the explanation, then the score and a review of the mistakes.
// Every answer goes to `onAnswer` as it is given (the command saves it); Esc or Ctrl-C ends the
// quiz with status "interrupted". Finishes through useApp().exit(result). With `grading` (quiz
// --review) a right answer is rated Hard/Good/Easy on the feedback screen, and each answer is
// handed over when its feedback closes, with the rating.
import React, { useEffect, useReducer, useRef } from 'react';
import { Box, Text, render, useApp, useInput } from 'ink';
import type { QuizQuestion } from '../core/quiz/schema.js';
import type { GivenAnswer } from '../core/quiz/attempts.js';
import type { Screen } from '../render/streams.js';
import { inkOptions } from './screen.js';
import { LETTERS } from '../render/quiz-text.js';
import { RATING_KEYS, RatingHint } from './review-grade.js';

export interface QuizRunResult {
  status: 'completed' | 'interrupted';
  answers: GivenAnswer[];
}

interface Props {
  questions: QuizQuestion[];
  title: string;
  onAnswer: (answer: GivenAnswer) => void;
  /** Ask for a rating of right answers (spaced-repetition review). */
  grading?: boolean;
  /** The clock answer times are read from. */
  now?: () => number;
}

const right = (a: GivenAnswer) => a.chosen === a.question.correct_index;
// Options are named by the numbers shown beside them (and typed to answer), never by letters.
const optionLabel = (q: QuizQuestion, j: number) => `${j + 1}. ${q.options[j]}`;

function Feedback({ answer, grading }: { answer: GivenAnswer; grading?: boolean }) {
  const q = answer.question;
  const key = optionLabel(q, q.correct_index);
  return (
    <Box flexDirection="column" marginTop={1}>
      {answer.chosen === null ? (
        <Text color="yellow">Skipped. The answer is {key}</Text>
      ) : right(answer) ? (
        <Text color="green">✔ Correct!</Text>
      ) : (
        <Text color="red">✘ Not quite. The answer is {key}</Text>
      )}
      <Text>{q.explanation}</Text>
      {grading && <RatingHint answer={answer} />}
      <Text dimColor>Enter: continue · Esc: stop</Text>
    </Box>
  );
}

function Summary({ answers, total }: { answers: GivenAnswer[]; total: number }) {
  const correct = answers.filter(right).length;
  const skipped = answers.filter((a) => a.chosen === null).length;
  const mistakes = answers.filter((a) => !right(a));
  return (
    <Box flexDirection="column">
      <Text bold color={correct === total ? 'green' : 'cyan'}>
        Score: {correct}/{total} ({total ? Math.round((correct / total) * 100) : 0}%){skipped ? ` · ${skipped} skipped` : ''}
      </Text>
      {mistakes.length > 0 && <Text bold>Review of mistakes</Text>}
      {mistakes.map(({ question: q, chosen }) => (
        <Box key={q.id} flexDirection="column" marginLeft={1}>
          <Text>• {q.question}</Text>
          <Text>
            {'  '}you: {chosen === null ? 'skipped' : optionLabel(q, chosen)} · answer: {optionLabel(q, q.correct_index)}
          </Text>
          <Text dimColor>{'  '}{q.explanation}</Text>
        </Box>
      ))}
    </Box>
  );
}

interface State {
  index: number;
  cursor: number;
  answers: GivenAnswer[];
  /** The answer whose feedback is on screen. */
  showing?: GivenAnswer;
  stopped: boolean;
  /** When the current question appeared. */
  shownAt: number;
}

interface Mode {
  grading: boolean;
  now: () => number;
}

type Key = Parameters<Parameters<typeof useInput>[0]>[1];

// Keys go through a reducer so each one sees the state left by the one before, however fast
// they arrive (a paste, or a test writing several keys in a row).
// Grading, an answer is kept back while its feedback shows (the rating comes there) and handed
// over as the feedback closes, by a key or by Esc.
function onKey(questions: QuizQuestion[], mode: Mode, state: State, input: string, key: Key): State {
  if (state.stopped) return state;
  const { showing } = state;
  const kept = (rating?: GivenAnswer['rating']) =>
    mode.grading && showing ? [...state.answers, rating && right(showing) ? { ...showing, rating } : showing] : state.answers;
  if (key.escape || (key.ctrl && input === 'c')) return { ...state, answers: kept(), stopped: true };
  const question = questions[state.index];
  if (!question) return state;
  if (showing) {
    const rating = mode.grading && right(showing) ? RATING_KEYS[input.toLowerCase()] : undefined;
    const next = rating || key.return || input === ' ' || input === 'n' || key.rightArrow;
    return next ? { ...state, answers: kept(rating), showing: undefined, cursor: 0, index: state.index + 1, shownAt: mode.now() } : state;
  }
  const width = question.options.length;
  const give = (chosen: number | null): State => {
    const answer: GivenAnswer = { question, chosen, ms: Math.max(0, mode.now() - state.shownAt) };
    return { ...state, answers: mode.grading ? state.answers : [...state.answers, answer], showing: answer };
  };
  if (/^[1-9]$/.test(input) && Number(input) <= width) return give(Number(input) - 1);
  const letter = LETTERS.indexOf(input.toUpperCase());
  if (input.length === 1 && letter >= 0 && letter < width) return give(letter);
  if (key.upArrow) return { ...state, cursor: (state.cursor + width - 1) % width };
  if (key.downArrow) return { ...state, cursor: (state.cursor + 1) % width };
  if (key.return) return give(state.cursor);
  if (input === 's' || input === 'S') return give(null);
  return state;
}

export function QuizTaker({ questions, title, onAnswer, grading = false, now = Date.now }: Props) {
  const { exit } = useApp();
  const [state, dispatch] = useReducer(
    (s: State, a: { input: string; key: Key }) => onKey(questions, { grading, now }, s, a.input, a.key),
    undefined,
    (): State => ({ index: 0, cursor: 0, answers: [], stopped: false, shownAt: now() }),
  );
  const reported = useRef(0);
  const { index, cursor, answers, showing, stopped } = state;
  const done = index >= questions.length;
  const question = questions[index];

  useEffect(() => {
    // Each answer is handed over once, as soon as it is given.
    for (; reported.current < answers.length; reported.current++) onAnswer(answers[reported.current]!);
    if (stopped) exit({ status: 'interrupted', answers } satisfies QuizRunResult);
    else if (done) exit({ status: 'completed', answers } satisfies QuizRunResult);
  }, [answers, stopped, done, onAnswer, exit]);

  useInput((input, key) => dispatch({ input, key }), { isActive: !done && !stopped });

  if (done || !question) return <Summary answers={answers} total={questions.length} />;
  return (
    <Box flexDirection="column">
      <Text dimColor>
        {title} · question {index + 1} of {questions.length} · {question.topic}
      </Text>
      <Text bold>{question.question}</Text>
      {question.options.map((option, j) => {
        const picked = showing?.chosen === j;
        const isKey = showing && j === question.correct_index;
        const color = isKey ? 'green' : picked ? 'red' : !showing && j === cursor ? 'cyan' : undefined;
        return (
          <Text key={j} color={color}>
            {!showing && j === cursor ? '❯' : ' '} {j + 1}. {option}
          </Text>
        );
      })}
      {showing ? <Feedback answer={showing} grading={grading} /> : <Text dimColor>1-{question.options.length} or ↑↓+Enter: answer · s: skip · Esc: stop</Text>}
    </Box>
  );
}

export async function runQuiz(screen: Screen, questions: QuizQuestion[], title: string, onAnswer: (answer: GivenAnswer) => void, opts: { grading?: boolean } = {}): Promise<QuizRunResult> {
  const app = render(<QuizTaker questions={questions} title={title} onAnswer={onAnswer} grading={opts.grading} />, inkOptions(screen));
  return (await app.waitUntilExit()) as QuizRunResult;
}
