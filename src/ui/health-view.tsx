// The Ink view of a health report: one row per check with a coloured status, timing and fix.
import React, { useEffect } from 'react';
import { Box, Text, useApp } from 'ink';
import type { HealthReport } from '../core/ollama-admin/health.js';
import type { Screen } from '../render/streams.js';
import type { Meta } from '../core/meta.js';
import { renderOnce } from './render-once.js';

const LABEL: Record<string, string> = { server: 'Server', model: 'Model', round_trip: 'Round trip', loaded: 'Loaded' };
const MARK = { pass: ['✔', 'green'], fail: ['✘', 'red'], skip: ['–', 'yellow'] } as const;

export function HealthView({ report }: { report: HealthReport }) {
  const { exit } = useApp();
  useEffect(() => exit(), [exit]);
  return (
    <Box flexDirection="column">
      {report.checks.map((check) => {
        const [mark, color] = MARK[check.status];
        return (
          <Box key={check.name} flexDirection="column">
            <Text>
              <Text color={color}>{mark}</Text> <Text bold>{(LABEL[check.name] ?? check.name).padEnd(10)}</Text> {check.detail}
              {check.status !== 'skip' && <Text dimColor> ({check.ms} ms)</Text>}
            </Text>
            {check.status === 'fail' && check.fix && <Text color="yellow">{'    '}fix: {check.fix}</Text>}
          </Box>
        );
      })}
      <Text color={report.ok ? 'green' : 'red'}>{report.ok ? 'All checks passed.' : 'Some checks failed.'}</Text>
    </Box>
  );
}

export async function showHealth(report: HealthReport, _meta: Meta, screen: Screen): Promise<void> {
  await renderOnce(screen, <HealthView report={report} />);
}
