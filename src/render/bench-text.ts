// Benchmark output without escape codes unless colour is on: a llama-bench style table (text and
// Markdown) and CSV with one row per model and test.
import type { ChalkInstance } from 'chalk';
import type { Change } from '../core/bench/history.js';
import type { BenchRun, ModelBench, TestResult } from '../core/bench/types.js';
import { plural } from '../core/plural.js';

const HEADERS = ['model', 'size', 'params', 'quant', 'test', 't/s', 'per stream t/s', 'TTFT ms', 'latency ms'];

function pm(mean: number, std: number): string {
  return `${mean.toFixed(2)} ± ${std.toFixed(2)}`;
}

function gib(bytes: number | undefined): string {
  return bytes ? `${(bytes / 1024 ** 3).toFixed(2)} GiB` : '?';
}

function rows(run: BenchRun): string[][] {
  return run.models.flatMap((m) =>
    m.tests.map((t) => [
      m.model, gib(m.size_bytes), m.parameter_size ?? '?', m.quantization_level ?? '?', t.test, pm(t.tps, t.tps_std),
      t.per_stream_tps === undefined ? '' : pm(t.per_stream_tps, t.per_stream_std ?? 0),
      t.ttft_ms.toFixed(1), t.latency_ms.toFixed(1),
    ]),
  );
}

/**
 * A Markdown pipe table padded to line up, as llama-bench prints it. A column with nothing in any
 * row (per stream t/s without --parallel) is left out: the table then fits 120 columns.
 */
export function benchTable(run: BenchRun): string {
  const all = rows(run);
  const keep = HEADERS.map((_, i) => i).filter((i) => all.length === 0 || all.some((r) => (r[i] ?? '') !== ''));
  const headers = keep.map((i) => HEADERS[i]!);
  const body = all.map((r) => keep.map((i) => r[i] ?? ''));
  // Numbers (t/s onwards) are right-aligned.
  const numeric = keep.map((i) => i >= 5);
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(headers), rule, ...body.map(line)].join('\n');
}

function systemLines(run: BenchRun): string[] {
  const gpu = run.gpu.available ? run.gpu.gpus.map((g) => `${g.name}, ${g.memory_mib} MiB, driver ${g.driver}`).join('; ') : `none detected (${run.gpu.reason})`;
  return [`${run.server ?? `Ollama ${run.ollama_version ?? '?'}`} at ${run.host}, num_ctx ${run.num_ctx}, ${plural(run.repetitions, 'repetition')} after 1 warm-up`, `GPU: ${gpu}`];
}

function modelLines(m: ModelBench): string[] {
  const out: string[] = [];
  const parts = [m.family && `family ${m.family}`, m.processor && `running ${m.processor}`].filter(Boolean);
  if (parts.length) out.push(`${m.model}: ${parts.join(', ')}`);
  if (m.load) out.push(`${m.model}: cold load ${m.load.cold_ms.toFixed(0)} ms, warm ${m.load.warm_ms.toFixed(0)} ms`);
  const r = m.roofline;
  if (r) {
    const share = r.share === undefined ? '' : `; tg measured ${r.measured_tps?.toFixed(2)} tokens/s = ${(r.share * 100).toFixed(1)}% of it`;
    out.push(`${m.model}: roofline ${r.ceiling_tps.toFixed(1)} tokens/s (${r.bandwidth_gbs} GB/s from ${r.source} / ${r.model_bytes} bytes)${share}`);
  } else if (m.tests.length > 0) {
    out.push(`${m.model}: no roofline: GPU bandwidth unknown (pass --bandwidth GB/s)`);
  }
  if (m.concurrency_advice) out.push(m.concurrency_advice.message);
  return out;
}

function changeLines(changes: Change[] | undefined): string[] {
  if (!changes) return [];
  if (changes.length === 0) return ['No previous run of these models to compare with.'];
  return changes.map((c) => {
    const sign = c.delta_tps >= 0 ? '+' : '';
    return `${c.model} ${c.test}: ${c.tps.toFixed(2)} t/s vs ${c.previous_tps.toFixed(2)} (${c.previous_id}, ${c.previous_at}): ${sign}${c.delta_tps.toFixed(2)} t/s (${sign}${c.delta_pct.toFixed(1)}%)`;
  });
}

export function benchText(run: BenchRun, c: ChalkInstance, changes?: Change[]): string {
  const lines = [...systemLines(run).map((l) => c.dim(l)), '', benchTable(run), ''];
  lines.push(...run.models.flatMap(modelLines), ...changeLines(changes));
  // An interrupted run is said once, by the error line on stderr ("Interrupted: nothing was saved.").
  if (!run.complete && run.error?.code !== 'INTERRUPTED') lines.push(c.red(`Incomplete run: ${run.error?.message ?? 'stopped early'}`));
  if (run.id) lines.push(c.dim(`Saved as ${run.id}.`));
  return `${lines.join('\n')}\n`;
}

export function benchMarkdown(run: BenchRun, changes?: Change[]): string {
  const bullets = (items: string[]) => items.map((l) => `- ${l}`);
  const lines = ['# careerforge bench', '', ...bullets(systemLines(run)), '', benchTable(run), ''];
  const notes = [...run.models.flatMap(modelLines), ...changeLines(changes)];
  if (!run.complete) notes.push(`Incomplete run: ${run.error?.message ?? 'stopped early'}`);
  if (notes.length) lines.push(...bullets(notes), '');
  return `${lines.join('\n')}`;
}

const CSV_COLUMNS = [
  'run_id', 'created_at', 'ollama_version', 'gpu', 'model', 'size_bytes', 'parameter_size', 'quantization_level', 'gpu_share',
  'test', 'kind', 'n_prompt', 'n_gen', 'parallel', 'repetitions', 'tps', 'tps_std', 'per_stream_tps', 'per_stream_std',
  'ttft_ms', 'latency_ms', 'prompt_tokens', 'gen_tokens', 'samples', 'roofline_tps', 'roofline_share',
] as const;

/** CSV numbers to the decimals they are worth: 1 for tokens/s, 0 for milliseconds and token counts. */
function round(value: number | undefined, decimals: number): number | undefined {
  return value === undefined || !Number.isFinite(value) ? value : Number(value.toFixed(decimals));
}

function csvCell(value: unknown): string {
  const s = value === undefined || value === null ? '' : String(value);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function benchCsv(run: BenchRun): string {
  const gpu = run.gpu.available ? run.gpu.gpus[0]?.name : '';
  const out = [CSV_COLUMNS.join(',')];
  for (const m of run.models) {
    for (const t of m.tests as TestResult[]) {
      const row: Record<(typeof CSV_COLUMNS)[number], unknown> = {
        run_id: run.id, created_at: run.created_at, ollama_version: run.ollama_version, gpu, model: m.model, size_bytes: m.size_bytes,
        parameter_size: m.parameter_size, quantization_level: m.quantization_level, gpu_share: m.gpu_share, test: t.test, kind: t.kind,
        n_prompt: t.n_prompt, n_gen: t.n_gen, parallel: t.parallel, repetitions: t.repetitions, tps: round(t.tps, 1), tps_std: round(t.tps_std, 1),
        per_stream_tps: round(t.per_stream_tps, 1), per_stream_std: round(t.per_stream_std, 1), ttft_ms: round(t.ttft_ms, 0), latency_ms: round(t.latency_ms, 0),
        prompt_tokens: round(t.prompt_tokens, 0), gen_tokens: round(t.gen_tokens, 0), samples: t.samples.map((v) => round(v, 1)).join(';'),
        roofline_tps: t.kind === 'tg' && t.parallel === 1 ? round(m.roofline?.ceiling_tps, 1) : undefined,
        roofline_share: t.kind === 'tg' && t.parallel === 1 && m.roofline?.ceiling_tps ? round(t.tps / m.roofline.ceiling_tps, 3) : undefined,
      };
      out.push(CSV_COLUMNS.map((k) => csvCell(row[k])).join(','));
    }
  }
  return `${out.join('\n')}\n`;
}
