// Ink views of progress: the list of saved roadmaps with a bar per month, and one plan with
// checkboxes. Both render once and exit through useApp().exit().
import React, { useEffect } from 'react';
import { Box, Text, useApp } from 'ink';
import type { RoadmapSummary } from '../core/progress/progress.js';
import type { SavedRoadmap } from '../core/store/schema.js';
import type { Screen } from '../render/streams.js';
import { renderOnce } from './render-once.js';
import { bar } from '../render/progress-text.js';

function useExitOnce() {
  const { exit } = useApp();
  useEffect(() => exit(), [exit]);
}

export function ProgressList({ summaries }: { summaries: RoadmapSummary[] }) {
  useExitOnce();
  if (summaries.length === 0) return <Text>No saved roadmaps yet: create one with careerforge roadmap</Text>;
  return (
    <Box flexDirection="column">
      {summaries.map((s) => (
        <Box key={s.id} flexDirection="column" marginBottom={1}>
          <Text>
            <Text bold color="cyan">{s.id}</Text> {s.role} <Text dimColor>({s.timeline}, {s.created_at.slice(0, 10)})</Text>{' '}
            <Text color="green">{s.percent}%</Text> <Text dimColor>{s.done + s.skipped}/{s.total} tasks</Text>
          </Text>
          {s.months.map((m) => (
            <Text key={m.month}>
              {'  '}M{String(m.month).padEnd(2)} <Text color={m.percent === 100 ? 'green' : 'cyan'}>{bar(m.percent)}</Text> {String(m.percent).padStart(3)}% {m.title}
            </Text>
          ))}
        </Box>
      ))}
    </Box>
  );
}

const BOX = { done: ['[x]', 'green'], skipped: ['[-]', 'gray'], open: ['[ ]', undefined] } as const;

export function ProgressPlan({ saved, summary }: { saved: SavedRoadmap; summary: RoadmapSummary }) {
  useExitOnce();
  const plan = saved.roadmap;
  return (
    <Box flexDirection="column">
      <Box borderStyle="round" borderColor="cyan" paddingX={1}>
        <Text>
          <Text bold>{plan.career_role}</Text> · {plan.timeline} · {saved.id} · <Text color="green">{summary.percent}% done</Text>{' '}
          <Text dimColor>({summary.done} done, {summary.skipped} skipped, {summary.total} tasks)</Text>
        </Text>
      </Box>
      {plan.roadmap.map((month, mi) => (
        <Box key={mi} flexDirection="column" marginBottom={1}>
          <Text>
            <Text bold color="cyan">Month {mi + 1}: {month.title}</Text> {bar(summary.months[mi]?.percent ?? 0, 10)} {summary.months[mi]?.percent ?? 0}%
          </Text>
          {month.weeks.map((week, wi) => (
            <Box key={wi} flexDirection="column" marginLeft={2}>
              <Text>
                <Text bold>Week {mi + 1}.{wi + 1}</Text> <Text dimColor>({week.hours} h)</Text> {week.focus}
              </Text>
              {week.tasks.map((task, ti) => {
                const key = `${mi + 1}.${wi + 1}.${ti + 1}`;
                const [box, color] = BOX[saved.progress[key] ?? 'open'];
                return (
                  <Text key={key} color={color} strikethrough={saved.progress[key] === 'skipped'}>
                    {'  '}{box} {key} {task}
                  </Text>
                );
              })}
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
}

export async function showProgressList(summaries: RoadmapSummary[], screen: Screen): Promise<void> {
  await renderOnce(screen, <ProgressList summaries={summaries} />);
}

export async function showProgressPlan(saved: SavedRoadmap, summary: RoadmapSummary, screen: Screen): Promise<void> {
  await renderOnce(screen, <ProgressPlan saved={saved} summary={summary} />);
}
