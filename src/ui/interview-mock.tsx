// The mock interview: a question, a multi-line answer, the grade (score, strengths, what was
// missing against what interviewers look for, a stronger answer), one follow-up after a weak
// answer, and a summary at the end. The command's controller saves and grades; this view only
// drives the conversation. Esc or Ctrl-C ends it with status "interrupted".
import React, { useCallback, useEffect, useRef, useState } from 'react';
import { Box, Text, render, useApp, useInput } from 'ink';
import type { MockStep } from '../core/interview/mock.js';
import type { MockSummary, SavedGrade } from '../core/interview/schema.js';
import { applyColorPolicy } from '../render/color.js';
import { liveOptions } from './live-screen.js';
import { AnswerInput } from './interview-answer-input.js';

export interface MockController {
  first: MockStep | undefined;
  maxChars: number;
  submit(step: MockStep, answer: string, onTokens: (tokens: number) => void): Promise<{ grade: SavedGrade; next: MockStep | undefined }>;
  finish(): Promise<MockSummary>;
}

export interface MockRunResult {
  status: 'completed' | 'interrupted';
  summary?: MockSummary;
}

type Phase =
  | { kind: 'answer'; step: MockStep }
  | { kind: 'grading'; step: MockStep; tokens: number }
  | { kind: 'graded'; step: MockStep; grade: SavedGrade; next: MockStep | undefined }
  | { kind: 'finishing' }
  | { kind: 'summary'; summary: MockSummary };

function GradeView({ grade }: { grade: SavedGrade }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold color={grade.score >= 7 ? 'green' : grade.score >= 5 ? 'yellow' : 'red'}>
        Score: {grade.score}/10
      </Text>
      {grade.strengths.length > 0 && <Text color="green">Strengths: {grade.strengths.join('; ')}</Text>}
      {grade.missing.length > 0 && <Text color="red">Missing: {grade.missing.join('; ')}</Text>}
      <Text>
        <Text bold>Stronger answer:</Text> {grade.stronger_answer}
      </Text>
    </Box>
  );
}

function SummaryView({ summary }: { summary: MockSummary }) {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold>
        Mock interview done: average {summary.average_score}/10 over {summary.answered} question{summary.answered === 1 ? '' : 's'}
      </Text>
      <Text>{summary.scores.map((s) => `${s.question_id}: ${s.score}`).join(' · ')}</Text>
      {summary.top_missing.length > 0 && <Text color="yellow">Work on: {summary.top_missing.join('; ')}</Text>}
    </Box>
  );
}

export function MockInterview({ controller }: { controller: MockController }) {
  const { exit } = useApp();
  const [phase, setPhase] = useState<Phase>(controller.first ? { kind: 'answer', step: controller.first } : { kind: 'finishing' });

  useEffect(() => {
    if (phase.kind === 'finishing') {
      controller.finish().then((summary) => setPhase({ kind: 'summary', summary }), (error: unknown) => exit(error as Error));
    } else if (phase.kind === 'summary') {
      exit({ status: 'completed', summary: phase.summary } satisfies MockRunResult);
    }
  }, [phase, controller, exit]);

  // Read through a ref: keys can arrive before Ink hands this hook the newest closure.
  const current = useRef(phase);
  current.current = phase;
  useInput((input, key) => {
    if (key.escape || (key.ctrl && input === 'c')) return exit({ status: 'interrupted' } satisfies MockRunResult);
    const now = current.current;
    if (now.kind === 'graded' && (key.return || input === ' ')) {
      const next: Phase = now.next ? { kind: 'answer', step: now.next } : { kind: 'finishing' };
      current.current = next;
      setPhase(next);
    }
  });

  const submit = useCallback(
    (step: MockStep, answer: string) => {
      setPhase({ kind: 'grading', step, tokens: 0 });
      controller
        .submit(step, answer, (tokens) => setPhase((p) => (p.kind === 'grading' ? { ...p, tokens } : p)))
        .then(({ grade, next }) => setPhase({ kind: 'graded', step, grade, next }), (error: unknown) => exit(error as Error));
    },
    [controller, exit],
  );

  if (phase.kind === 'summary') return <SummaryView summary={phase.summary} />;
  if (phase.kind === 'finishing') return <Text dimColor>Summing up…</Text>;
  const { step } = phase;
  return (
    <Box flexDirection="column">
      <Text dimColor>
        Question {step.index + 1} of {step.total} · {step.question.type}, {step.question.difficulty}
        {step.kind === 'follow-up' ? ' · follow-up' : ''}
      </Text>
      <Text bold color="cyan">
        {step.prompt}
      </Text>
      {phase.kind === 'answer' && <AnswerInput key={`${step.question.id}-${step.kind}`} onSubmit={(a) => submit(step, a)} maxChars={controller.maxChars} />}
      {phase.kind === 'grading' && <Text color="yellow">Grading your answer… {phase.tokens > 0 ? `${phase.tokens} tokens` : ''}</Text>}
      {phase.kind === 'graded' && (
        <>
          <GradeView grade={phase.grade} />
          <Text dimColor>
            {phase.next?.kind === 'follow-up' ? 'Enter: a follow-up question' : phase.next ? 'Enter: next question' : 'Enter: summary'} · Esc: stop
          </Text>
        </>
      )}
    </Box>
  );
}

export async function runMockInterview(controller: MockController): Promise<MockRunResult> {
  applyColorPolicy();
  const app = render(<MockInterview controller={controller} />, liveOptions());
  return (await app.waitUntilExit()) as MockRunResult;
}
