// The mock interview: a question, a multi-line answer, the grade (score, strengths, what was
// missing against what interviewers look for, a stronger answer) under the answer as given, one
// follow-up after a weak answer, and a summary at the end. The command's controller saves and
// grades; this view only drives the conversation. Grading warnings are drawn inside the frame
// (a line written to stderr under Ink makes it draw the question header again). A question can
// be skipped (Ctrl-S); an answer saved but not graded (--resume) is offered in the box to grade
// or edit. Esc or Ctrl-C ends it with status "interrupted".
import React, { useCallback, useEffect, useRef, useState } from 'react';
import { Box, Text, useApp, useInput } from 'ink';
import type { MockStep } from '../core/interview/mock.js';
import type { MockSummary, SavedGrade } from '../core/interview/schema.js';
import type { Screen } from '../render/streams.js';
import { AnswerInput, cutNotice } from './interview-answer-input.js';
import { renderScreen, useJobControlKeys } from './job-control.js';
import { expandTabs, preview } from './text.js';

export interface GradingEvents {
  tokens(count: number): void;
  warning(message: string): void;
}

export interface Graded {
  /** Absent when grading failed: `error` says why; the answer is saved all the same. */
  grade?: SavedGrade;
  error?: string;
  /** The answer as saved (control characters removed, cut to maxChars). */
  answer: string;
  cut: boolean;
  next: MockStep | undefined;
}

export interface MockController {
  first: MockStep | undefined;
  maxChars: number;
  submit(step: MockStep, answer: string, on: GradingEvents): Promise<Graded>;
  /** Saves the step as skipped; resolves to the next step. */
  skip(step: MockStep): Promise<MockStep | undefined>;
  finish(): Promise<MockSummary>;
}

export interface MockRunResult {
  status: 'completed' | 'interrupted';
  summary?: MockSummary;
}

type Phase =
  | { kind: 'answer'; step: MockStep; skipped?: MockStep }
  | { kind: 'saving'; step: MockStep }
  | { kind: 'grading'; step: MockStep; tokens: number; warnings: string[] }
  | ({ kind: 'graded'; step: MockStep; warnings: string[]; maxChars: number } & Graded)
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

function GradedView({ phase }: { phase: Extract<Phase, { kind: 'graded' }> }) {
  return (
    <>
      <Box flexDirection="column" borderStyle="round" borderColor="gray" paddingX={1}>
        <Text dimColor>Your answer{phase.cut ? ` (${cutNotice(phase.maxChars)})` : ''}:</Text>
        <Text>{preview(expandTabs(phase.answer), 800, 12)}</Text>
      </Box>
      {phase.grade ? (
        <GradeView grade={phase.grade} />
      ) : (
        <Text color="yellow">Not graded: {phase.error} Your answer is saved; going on.</Text>
      )}
      <Text dimColor>
        {phase.next?.kind === 'follow-up' ? 'Enter: a follow-up question' : phase.next ? 'Enter: next question' : 'Enter: summary'} · Esc: stop
      </Text>
    </>
  );
}

function SummaryView({ summary }: { summary: MockSummary }) {
  const also = [summary.skipped ? `${summary.skipped} skipped` : '', summary.ungraded ? `${summary.ungraded} not graded` : ''].filter(Boolean);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold>
        Mock interview done: average {summary.average_score}/10 over {summary.answered} question{summary.answered === 1 ? '' : 's'}
        {also.length ? ` (${also.join(', ')})` : ''}
      </Text>
      {summary.scores.length > 0 && <Text>{summary.scores.map((s) => `${s.question_id}: ${s.score}`).join(' · ')}</Text>}
      {summary.top_missing.length > 0 && <Text color="yellow">Work on: {summary.top_missing.join('; ')}</Text>}
    </Box>
  );
}

export function MockInterview({ controller }: { controller: MockController }) {
  const { exit } = useApp();
  const [phase, setPhase] = useState<Phase>(controller.first ? { kind: 'answer', step: controller.first } : { kind: 'finishing' });
  useJobControlKeys();

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
      const warnings: string[] = [];
      setPhase({ kind: 'grading', step, tokens: 0, warnings });
      controller
        .submit(step, answer, {
          tokens: (tokens) => setPhase((p) => (p.kind === 'grading' ? { ...p, tokens } : p)),
          warning: (message) => {
            warnings.push(message);
            setPhase((p) => (p.kind === 'grading' ? { ...p, warnings: [...warnings] } : p));
          },
        })
        .then((graded) => setPhase({ kind: 'graded', step, warnings, maxChars: controller.maxChars, ...graded }), (error: unknown) => exit(error as Error));
    },
    [controller, exit],
  );

  const skip = useCallback(
    (step: MockStep) => {
      setPhase({ kind: 'saving', step });
      controller.skip(step).then((next) => setPhase(next ? { kind: 'answer', step: next, skipped: step } : { kind: 'finishing' }), (error: unknown) => exit(error as Error));
    },
    [controller, exit],
  );

  if (phase.kind === 'summary') return <SummaryView summary={phase.summary} />;
  if (phase.kind === 'finishing') return <Text dimColor>Summing up…</Text>;
  const { step } = phase;
  const warnings = phase.kind === 'grading' || phase.kind === 'graded' ? phase.warnings : [];
  return (
    <Box flexDirection="column">
      {phase.kind === 'answer' && phase.skipped && (
        <Text dimColor>{`Skipped ${phase.skipped.kind === 'follow-up' ? 'the follow-up to ' : ''}question ${phase.skipped.index + 1}.`}</Text>
      )}
      <Text dimColor>
        Question {step.index + 1} of {step.total} · {step.question.type}, {step.question.difficulty}
        {step.kind === 'follow-up' ? ' · follow-up' : ''}
      </Text>
      <Text bold color="cyan">
        {step.prompt}
      </Text>
      {phase.kind === 'answer' && step.saved !== undefined && (
        <Text color="yellow">Your answer below was saved but not graded: Ctrl-D grades it, or edit it first.</Text>
      )}
      {phase.kind === 'answer' && (
        <AnswerInput key={`${step.question.id}-${step.kind}`} initial={step.saved} onSubmit={(a) => submit(step, a)} onSkip={() => skip(step)} maxChars={controller.maxChars} />
      )}
      {phase.kind === 'saving' && <Text dimColor>Saving…</Text>}
      {warnings.map((w, i) => (
        <Text key={i} color="yellow">
          warning: {w}
        </Text>
      ))}
      {phase.kind === 'grading' && <Text color="yellow">Grading your answer… {phase.tokens > 0 ? `${phase.tokens} tokens` : ''}</Text>}
      {phase.kind === 'graded' && <GradedView phase={phase} />}
    </Box>
  );
}

export async function runMockInterview(screen: Screen, controller: MockController): Promise<MockRunResult> {
  return (await renderScreen(<MockInterview controller={controller} />, screen)) as MockRunResult;
}
