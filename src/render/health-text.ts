// The health report as text, the one view for terminals and pipes: one line per check, with the fix under a failed one.
import type { ChalkInstance } from 'chalk';
import type { HealthReport } from '../core/ollama-admin/health.js';

const LABEL: Record<string, string> = { server: 'Server', model: 'Model', round_trip: 'Round trip', loaded: 'Loaded' };

export function healthText(report: HealthReport, c: ChalkInstance): string {
  const lines = report.checks.map((check) => {
    const mark = check.status === 'pass' ? c.green('PASS') : check.status === 'fail' ? c.red('FAIL') : c.yellow('SKIP');
    const label = (LABEL[check.name] ?? check.name).padEnd(10);
    const line = `${mark}  ${label} ${check.detail}${check.status === 'skip' ? '' : c.dim(` (${check.ms} ms)`)}`;
    return check.fix && check.status === 'fail' ? `${line}\n      fix: ${check.fix}` : line;
  });
  // A failed report is followed by the one error line naming what failed: not said twice.
  if (report.ok) lines.push(c.green('All checks passed.'));
  return `${lines.join('\n')}\n`;
}
