// The Ink view of a finished roadmap: a header with role, timeline and meta, then months as
// sections with their weeks, projects and checkpoint. It renders once and exits through
// useApp().exit(); the command awaits waitUntilExit().
import React, { useEffect } from 'react';
import { Box, Text, useApp } from 'ink';
import type { Roadmap, Month } from '../core/roadmap/schema.js';
import type { Meta } from '../render/json.js';
import { colorFor } from '../render/color.js';
import { metaLine, roadmapVideosText, type RoadmapData } from '../render/roadmap-text.js';
import type { Screen } from '../render/streams.js';
import { renderOnce } from './render-once.js';

function MonthSection({ month }: { month: Month }) {
  return (
    <Box flexDirection="column" marginBottom={1}>
      <Text bold color="cyan">
        Month {month.month}: {month.title}
      </Text>
      {month.weeks.map((week) => (
        <Box key={week.week} flexDirection="column" marginLeft={2}>
          <Text>
            <Text bold>Week {week.week}</Text> <Text dimColor>({week.hours} h)</Text> {week.focus}
          </Text>
          {week.tasks.map((task, i) => (
            <Text key={i}>
              {'  '}• {task}
            </Text>
          ))}
        </Box>
      ))}
      {month.tools.length > 0 && (
        <Box marginLeft={2}>
          <Text>
            <Text color="magenta">Tools:</Text> {month.tools.join(', ')}
          </Text>
        </Box>
      )}
      {month.projects.map((p, i) => (
        <Box key={i} marginLeft={2}>
          <Text>
            <Text color="yellow">Project:</Text> {p.name} <Text dimColor>({p.difficulty}, ~{p.estimated_hours} h)</Text>
          </Text>
        </Box>
      ))}
      <Box marginLeft={2}>
        <Text>
          <Text color="green">Checkpoint:</Text> {month.checkpoint}
        </Text>
      </Box>
    </Box>
  );
}

export function RoadmapView({ roadmap, meta }: { roadmap: Roadmap; meta: Meta }) {
  const { exit } = useApp();
  useEffect(() => exit(), [exit]);
  return (
    <Box flexDirection="column">
      <Box borderStyle="round" borderColor="cyan" paddingX={1} flexDirection="column">
        <Text bold>
          {roadmap.career_role} · {roadmap.timeline}
        </Text>
        <Text>{roadmap.overview}</Text>
        <Text dimColor>{metaLine(meta)}</Text>
      </Box>
      {roadmap.roadmap.map((month) => (
        <MonthSection key={month.month} month={month} />
      ))}
      <Text>
        <Text bold>Outcome:</Text> {roadmap.final_outcome}
      </Text>
      {roadmap.resources.official_docs.length > 0 && <Text>Docs: {roadmap.resources.official_docs.join('; ')}</Text>}
      {roadmap.resources.courses.length > 0 && <Text>Courses: {roadmap.resources.courses.join('; ')}</Text>}
      {roadmap.resources.youtube_channels.length > 0 && <Text>YouTube: {roadmap.resources.youtube_channels.join('; ')}</Text>}
    </Box>
  );
}

export async function showRoadmap(data: RoadmapData, meta: Meta, screen: Screen): Promise<void> {
  await renderOnce(screen, <RoadmapView roadmap={data} meta={meta} />);
  screen.stdout.write(roadmapVideosText(data, meta, colorFor(screen.color)));
}
