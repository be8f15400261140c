// The Ink view of a skills-gap report: readiness in a header box, then strengths, the gaps in
// learning order, transferable skills and, when asked for, videos and the roadmap summary. It
// renders once and exits through useApp().exit(); the command awaits waitUntilExit().
import React, { useEffect } from 'react';
import { Box, Text, useApp } from 'ink';
import { orderedGaps } from '../core/skills/generate.js';
import type { Meta } from '../render/json.js';
import { metaLine } from '../render/roadmap-text.js';
import type { SkillsData } from '../render/skills-text.js';
import type { Screen } from '../render/streams.js';
import { renderOnce } from './render-once.js';

function scoreColor(score: number): string {
  return score >= 70 ? 'green' : score >= 40 ? 'yellow' : 'red';
}

export function SkillsView({ data, meta }: { data: SkillsData; meta: Meta }) {
  const { exit } = useApp();
  useEffect(() => exit(), [exit]);
  const videos = data.videos?.filter((v) => v.results.length > 0) ?? [];
  return (
    <Box flexDirection="column">
      <Box borderStyle="round" borderColor="cyan" paddingX={1} flexDirection="column">
        <Text bold>
          {data.target_role} · readiness <Text color={scoreColor(data.readiness_score)}>{data.readiness_score}/100</Text>
        </Text>
        <Text>{data.readiness_rationale}</Text>
        <Text dimColor>{metaLine(meta)}</Text>
      </Box>
      {data.strengths.length > 0 && (
        <Box flexDirection="column" marginTop={1}>
          <Text bold color="green">Strengths</Text>
          {data.strengths.map((s, i) => (
            <Text key={i}>
              {'  '}+ <Text bold>{s.skill}</Text>: {s.evidence}
            </Text>
          ))}
        </Box>
      )}
      {data.gaps.length > 0 && (
        <Box flexDirection="column" marginTop={1}>
          <Text bold color="yellow">Gaps, in learning order</Text>
          {orderedGaps(data).map((g, i) => (
            <Box key={i} flexDirection="column" marginLeft={2}>
              <Text>
                {i + 1}. <Text bold>{g.skill}</Text>{' '}
                <Text dimColor>
                  [{g.category}, {g.importance}] {g.current_level} → {g.target_level}, ~{g.estimated_hours} h
                </Text>
              </Text>
              <Text>   first step: {g.first_step}</Text>
            </Box>
          ))}
        </Box>
      )}
      {data.transferable_skills.length > 0 && (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>Transferable skills</Text>
          {data.transferable_skills.map((t, i) => (
            <Text key={i}>
              {'  '}~ {t.skill}: {t.relevance}
            </Text>
          ))}
        </Box>
      )}
      {data.videos && (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>Videos</Text>
          {videos.length === 0 && <Text dimColor>  none found</Text>}
          {videos.map((group) => (
            <Box key={group.skill} flexDirection="column" marginLeft={2}>
              <Text color="cyan">{group.skill}</Text>
              {group.results.map((v) => (
                <Text key={v.url}>
                  {'  '}▶ {v.title} <Text dimColor>({v.channel}, {v.duration})</Text> {v.url}
                </Text>
              ))}
            </Box>
          ))}
        </Box>
      )}
      {data.roadmap && (
        <Box marginTop={1}>
          <Text>
            <Text bold>Roadmap saved as {data.roadmap_id}:</Text> {data.roadmap.timeline}, {data.roadmap.roadmap.map((m) => m.title).join(' → ')}
          </Text>
        </Box>
      )}
    </Box>
  );
}

export async function showSkills(data: SkillsData, meta: Meta, screen: Screen): Promise<void> {
  await renderOnce(screen, <SkillsView data={data} meta={meta} />);
}
