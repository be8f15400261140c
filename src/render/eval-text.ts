// `careerforge eval` output: one row per model and generator, as an aligned table (terminals and
// pipes), a Markdown report or CSV. Colour only marks the header and the failures.
import type { ChalkInstance } from 'chalk';
import type { EvalChange } from '../core/eval/history.js';
import type { EvalRun, EvalSummary } from '../core/eval/types.js';
import { plural } from '../core/plural.js';

export interface EvalResult {
  run: EvalRun;
  changes?: EvalChange[];
}

const HEADERS = ['model', 'generator', 'cases', 'first try', 'repaired', 'failed', 'failures', 'attempts', 'normalized', 'latency s', 'gen tokens', 'tokens/s', 'your rating'];
/** Columns from here on are numbers, aligned right. */
const NUMERIC_FROM = 2;

const failures = (s: EvalSummary) => Object.entries(s.failures).map(([code, n]) => `${code}×${n}`).join(' ') || '-';

function cells(s: EvalSummary): string[] {
  return [
    s.model, s.generator, String(s.cases), String(s.first_try), String(s.repaired), String(s.failed), failures(s),
    s.mean_attempts.toFixed(2), String(s.normalized), (s.mean_latency_ms / 1000).toFixed(1), String(s.completion_tokens), s.tokens_per_sec.toFixed(1),
    s.user_rating ? `${s.user_rating.mean.toFixed(1)} (${s.user_rating.count})` : '-',
  ];
}

function align(rows: string[][], markdown: boolean): string[] {
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const pad = (c: string, i: number) => (i >= NUMERIC_FROM && i !== 6 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!));
  const line = (r: string[]) => (markdown ? `| ${r.map(pad).join(' | ')} |` : r.map(pad).join('  ').trimEnd());
  const rule = markdown
    ? `| ${widths.map((w, i) => (i >= NUMERIC_FROM && i !== 6 ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`
    : widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(HEADERS), rule, ...rows.map(line)];
}

function heading(run: EvalRun): string {
  const size = run.plan.quick ? ', quick sizes' : '';
  return `Eval ${run.id || '(not saved)'} at ${run.host}: ${plural(run.profiles.length, 'profile')}${size} × ${run.plan.generators.join(', ')} on ${run.plan.models.join(', ')}`;
}

function changeLines(changes: EvalChange[] | undefined): string[] {
  if (!changes) return [];
  if (changes.length === 0) return ['', 'No earlier eval run of these models to compare with.'];
  const signed = (n: number, digits = 0) => `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`;
  return ['', `Compared with ${[...new Set(changes.map((c) => c.previous_id))].join(', ')}:`, ...changes.map((c) =>
    `${c.model} ${c.generator}: first try ${c.first_try_pct.toFixed(1)}% (${signed(c.delta_first_try_pct, 1)} pts), failed ${signed(c.delta_failed)}, attempts ${signed(c.delta_mean_attempts, 2)}, latency ${signed(c.delta_latency_ms / 1000, 1)} s, ${signed(c.delta_tokens_per_sec, 1)} tokens/s`)];
}

function failedCaseLines(run: EvalRun): string[] {
  const failed = run.cases.filter((c) => c.result === 'failed');
  return failed.length ? ['', 'Failed cases:', ...failed.map((c) => `${c.model} ${c.generator} ${c.profile}: ${c.code}: ${c.message ?? ''}`.trimEnd())] : [];
}

export function evalText({ run, changes }: EvalResult, c: ChalkInstance): string {
  const [head, rule, ...body] = align(run.summary.map(cells), false);
  const rows = body.map((line, i) => (run.summary[i]!.failed > 0 ? c.red(line) : line));
  return [c.bold(heading(run)), '', c.bold(head!), rule!, ...rows, ...failedCaseLines(run), ...changeLines(changes)].join('\n') + '\n';
}

export function evalMarkdown({ run, changes }: EvalResult): string {
  return [`## ${heading(run)}`, '', ...align(run.summary.map(cells), true), ...failedCaseLines(run), ...changeLines(changes)].join('\n') + '\n';
}

const csvCell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

/** One row per model and generator, numbers unformatted, failures as CODE:n;CODE:n. */
export function evalCsv({ run }: EvalResult): string {
  const header = ['run_id', 'model', 'generator', 'cases', 'first_try', 'repaired', 'failed', 'failures', 'mean_attempts', 'normalized', 'mean_latency_ms', 'completion_tokens', 'tokens_per_sec', 'user_rating_mean', 'user_rating_count'];
  const rows = run.summary.map((s) => [
    run.id, s.model, s.generator, s.cases, s.first_try, s.repaired, s.failed, Object.entries(s.failures).map(([k, n]) => `${k}:${n}`).join(';'),
    s.mean_attempts, s.normalized, s.mean_latency_ms, s.completion_tokens, s.tokens_per_sec, s.user_rating?.mean ?? '', s.user_rating?.count ?? 0,
  ]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}
