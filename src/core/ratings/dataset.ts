// `careerforge export --rated`: the rated generations as a chat fine-tuning dataset, one JSON
// object a line: {"messages":[system, user, assistant], "rating", "note", ...}. The prompts come
// from the call log (core/logs), the only place that keeps exactly what was sent. Each accepted
// call of a record is one example: the first system and user messages and the reply that passed
// validation (a repair turn's failed answer and problems are left out: the example is the prompt
// and the good answer to it).
import { queryLog, type LoggedCall } from '../logs/query.js';
import type { StoreData } from '../store/schema.js';
import { ratedRecords, type Rating } from './ratings.js';

export interface DatasetLine {
  messages: Array<{ role: string; content: string }>;
  rating: number;
  note: string | null;
  record_id: string;
  kind: string;
  task: string;
  model: string;
}

export interface Dataset {
  lines: DatasetLine[];
  /** Rated records that contributed at least one example. */
  records: number;
  /** Rated records with no accepted call in the log (--no-log, logs off, a cached answer, rotated away). */
  unlogged: string[];
  /** Examples whose prompt had a CV or job ad left out of the log (see --log-documents). */
  redacted: number;
}

export function ratedDataset(home: string, data: StoreData): Dataset {
  const { calls } = queryLog(home);
  const rated = ratedRecords(data);
  const lines: DatasetLine[] = [];
  const unlogged: string[] = [];
  let records = 0;
  for (const { kind, id, rating } of rated) {
    const accepted = calls.filter((call) => call.outcome === 'ok' && call.record_ids.includes(id));
    if (accepted.length === 0) {
      unlogged.push(id);
      continue;
    }
    records++;
    for (const call of accepted) lines.push(example(call, kind, id, rating));
  }
  const redacted = lines.filter((l) => l.messages.some((m) => m.content.includes('[not logged: '))).length;
  return { lines, records, unlogged, redacted };
}

function example(call: LoggedCall, kind: string, id: string, rating: Rating): DatasetLine {
  // Up to the first user turn (a folded system prompt has no system message), then the reply.
  const firstUser = call.messages.findIndex((m) => m.role === 'user');
  const prompt = call.messages.slice(0, firstUser + 1).map((m) => ({ role: m.role, content: m.content }));
  return {
    messages: [...prompt, { role: 'assistant', content: call.reply }],
    rating: rating.score,
    note: rating.note ?? null,
    record_id: id,
    kind,
    task: call.task,
    model: call.model,
  };
}

export function toJsonl(lines: DatasetLine[]): string {
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
}
