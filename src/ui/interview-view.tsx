// The Ink view of generated interview questions: renders once and exits through useApp().exit().
import React, { useEffect } from 'react';
import { Box, Text, useApp } from 'ink';
import type { Interview, InterviewQuestion } from '../core/interview/schema.js';
import type { Meta } from '../render/json.js';
import { interviewTitle } from '../render/interview-text.js';
import { metaLine } from '../render/roadmap-text.js';
import type { Screen } from '../render/streams.js';
import { renderOnce } from './render-once.js';

function QuestionSection({ q, n }: { q: InterviewQuestion; n: number }) {
  return (
    <Box flexDirection="column" marginBottom={1}>
      <Text bold color="cyan">
        {n}. {q.question} <Text dimColor>[{q.type}, {q.difficulty}]</Text>
      </Text>
      <Box flexDirection="column" marginLeft={2}>
        <Text color="magenta">What interviewers look for:</Text>
        {q.what_interviewers_look_for.map((point, i) => (
          <Text key={i}>  • {point}</Text>
        ))}
        <Text>
          <Text color="green">Model answer:</Text> {q.model_answer}
        </Text>
        <Text>
          <Text color="yellow">Follow-ups:</Text> {q.follow_ups.join(' | ')}
        </Text>
        <Text>
          <Text color="red">Common mistakes:</Text> {q.common_mistakes.join(' | ')}
        </Text>
      </Box>
    </Box>
  );
}

export function InterviewView({ interview, meta }: { interview: Interview; meta: Meta }) {
  const { exit } = useApp();
  useEffect(() => exit(), [exit]);
  return (
    <Box flexDirection="column">
      <Box borderStyle="round" borderColor="cyan" paddingX={1} flexDirection="column">
        <Text bold>{interviewTitle(interview)}</Text>
        <Text dimColor>{metaLine(meta)}</Text>
      </Box>
      {interview.questions.map((q, i) => (
        <QuestionSection key={q.id} q={q} n={i + 1} />
      ))}
      {interview.tips.length > 0 && <Text bold>Tips</Text>}
      {interview.tips.map((tip, i) => (
        <Text key={i}>  • {tip}</Text>
      ))}
    </Box>
  );
}

export async function showInterview(interview: Interview, meta: Meta, screen: Screen): Promise<void> {
  await renderOnce(screen, <InterviewView interview={interview} meta={meta} />);
}
