// Taking a quiz in the terminal: one question at a time, 1-4 or arrows+Enter to answer, s to
// skip, immediate feedback with the explanation, then the score and a review of the mistakes.
// Every answer goes to `onAnswer` as it is given (the command saves it); Esc or Ctrl-C ends the
// quiz with status "interrupted". Finishes through useApp().exit(result).
import React, { useEffect, useState } from 'react';
import { Box, Text, render, useApp, useInput } from 'ink';
import type { QuizQuestion } from '../core/schemas/quiz.js';
import type { GivenAnswer } from '../core/quiz-attempts.js';
import { applyColorPolicy } from '../render/color.js';
import { LETTERS } from '../render/quiz-text.js';

export interface QuizRunResult {
  status: 'completed' | 'interrupted';
  answers: GivenAnswer[];
}

interface Props {
  questions: QuizQuestion[];
  title: string;
  onAnswer: (answer: GivenAnswer) => void;
}

const right = (a: GivenAnswer) => a.chosen === a.question.correct_index;

function Feedback({ answer }: { answer: GivenAnswer }) {
  const q = answer.question;
  const key = `${LETTERS[q.correct_index]}) ${q.options[q.correct_index]}`;
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
            {'  '}you: {chosen === null ? 'skipped' : `${LETTERS[chosen]}) ${q.options[chosen]}`} · answer: {LETTERS[q.correct_index]}) {q.options[q.correct_index]}
          </Text>
          <Text dimColor>{'  '}{q.explanation}</Text>
        </Box>
      ))}
    </Box>
  );
}

export function QuizTaker({ questions, title, onAnswer }: Props) {
  const { exit } = useApp();
  const [index, setIndex] = useState(0);
  const [cursor, setCursor] = useState(0);
  const [answers, setAnswers] = useState<GivenAnswer[]>([]);
  const [showing, setShowing] = useState<GivenAnswer | undefined>();
  const done = index >= questions.length;
  const question = questions[index];

  useEffect(() => {
    if (done) exit({ status: 'completed', answers } satisfies QuizRunResult);
  }, [done, answers, exit]);

  const give = (chosen: number | null) => {
    if (!question) return;
    const answer: GivenAnswer = { question, chosen };
    onAnswer(answer);
    setAnswers((list) => [...list, answer]);
    setShowing(answer);
  };

  useInput((input, key) => {
    if (key.escape || (key.ctrl && input === 'c')) return exit({ status: 'interrupted', answers } satisfies QuizRunResult);
    if (done || !question) return;
    if (showing) {
      if (key.return || input === ' ' || input === 'n' || key.rightArrow) {
        setShowing(undefined);
        setCursor(0);
        setIndex((i) => i + 1);
      }
      return;
    }
    const width = question.options.length;
    if (/^[1-9]$/.test(input) && Number(input) <= width) return give(Number(input) - 1);
    const letter = LETTERS.indexOf(input.toUpperCase());
    if (input.length === 1 && letter >= 0 && letter < width) return give(letter);
    if (key.upArrow) setCursor((c) => (c + width - 1) % width);
    else if (key.downArrow) setCursor((c) => (c + 1) % width);
    else if (key.return) give(cursor);
    else if (input === 's' || input === 'S') give(null);
  }, { isActive: !done });

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
      {showing ? <Feedback answer={showing} /> : <Text dimColor>1-{question.options.length} or ↑↓+Enter: answer · s: skip · Esc: stop</Text>}
    </Box>
  );
}

export async function runQuiz(questions: QuizQuestion[], title: string, onAnswer: (answer: GivenAnswer) => void): Promise<QuizRunResult> {
  applyColorPolicy();
  const app = render(<QuizTaker questions={questions} title={title} onAnswer={onAnswer} />, { exitOnCtrlC: false });
  return (await app.waitUntilExit()) as QuizRunResult;
}
