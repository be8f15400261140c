// Everything the store keeps, as one list of records: their kinds, titles, and ids resolved from
// what a user types (an id, a unique start of one, or `latest`). Shared by list, show, rm, rename.
import { CareerForgeError, ExitCode, UsageError } from '../errors.js';
import type { StoreData } from '../store/schema.js';
import { plural } from '../plural.js';

export const RECORD_KINDS = ['roadmaps', 'skills', 'interviews', 'quizzes', 'bench'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

const SINGULAR: Record<RecordKind, string> = { roadmaps: 'roadmap', skills: 'skills report', interviews: 'interview', quizzes: 'quiz', bench: 'bench run' };
const ALIASES: Record<string, RecordKind> = { roadmap: 'roadmaps', skill: 'skills', interview: 'interviews', quiz: 'quizzes', benchmark: 'bench', benchmarks: 'bench' };

export interface RecordSummary {
  id: string;
  kind: RecordKind;
  created_at: string;
  title: string;
  /** Set by `rename`; the title otherwise comes from the record itself. */
  renamed: boolean;
  model: string;
}

type AnyRecord = { id: string; created_at: string; title?: string; model?: string; [key: string]: unknown };

export function parseKind(value: string): RecordKind {
  const kind = (RECORD_KINDS as readonly string[]).includes(value) ? (value as RecordKind) : ALIASES[value];
  if (!kind) throw new UsageError(`unknown kind "${value}": use ${RECORD_KINDS.join(', ')}`);
  return kind;
}

export function kindName(kind: RecordKind): string {
  return SINGULAR[kind];
}

export function recordsOf(data: StoreData, kind: RecordKind): Record<string, AnyRecord> {
  return data[kind] as unknown as Record<string, AnyRecord>;
}

/** The title a record is listed under: the one given with `rename`, else one made from its content. */
export function titleOf(kind: RecordKind, record: AnyRecord): string {
  if (typeof record.title === 'string' && record.title) return record.title;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind's shape is validated by the store schema; read what it has
  const r = record as any;
  switch (kind) {
    case 'roadmaps':
      return `${r.roadmap.career_role} — ${r.roadmap.timeline}`;
    case 'skills':
      return `${r.report.target_role}: readiness ${r.report.readiness_score}/100`;
    case 'interviews':
      return `${r.interview.role} (${r.interview.level}): ${r.interview.type} interview, ${plural(r.interview.questions.length, 'question')}${r.mock ? ', mock' : ''}`;
    case 'quizzes':
      return `Quiz: ${r.quiz.topic} (${r.quiz.difficulty}, ${plural(r.quiz.questions.length, 'question')})`;
    case 'bench':
      return `Bench: ${(r.models as Array<{ model: string }>).map((m) => m.model).join(', ')}${r.complete ? '' : ' (incomplete)'}`;
  }
}

export function summarizeRecord(kind: RecordKind, record: AnyRecord): RecordSummary {
  const models = kind === 'bench' ? (record.models as Array<{ model: string }>).map((m) => m.model).join(',') : String(record.model ?? '');
  return { id: record.id, kind, created_at: record.created_at, title: titleOf(kind, record), renamed: typeof record.title === 'string', model: models };
}

/** Newest first. */
export function listRecords(data: StoreData, kinds: readonly RecordKind[] = RECORD_KINDS): RecordSummary[] {
  const all = kinds.flatMap((kind) => Object.values(recordsOf(data, kind)).map((record) => summarizeRecord(kind, record)));
  return all.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : a.id.localeCompare(b.id)));
}

export interface Resolved {
  kind: RecordKind;
  id: string;
  record: AnyRecord;
}

/**
 * What `ref` names: `latest` (the newest record, of `kind` if given), an exact id, or the unique
 * start of one. Not found and ambiguous are usage errors (exit 2) that say what would work.
 */
export function resolveRecord(data: StoreData, ref: string, kind?: RecordKind, among: readonly RecordKind[] = RECORD_KINDS): Resolved {
  const kinds = kind ? [kind] : among;
  const what = kind ? kindName(kind) : among === RECORD_KINDS ? 'record' : 'generation';
  const trimmed = ref.trim();
  if (trimmed === '') throw new UsageError(`an id is required (see careerforge list${kind ? ` ${kind}` : ''})`);
  if (trimmed === 'latest') {
    const newest = listRecords(data, kinds)[0];
    if (!newest) throw new CareerForgeError('NOT_FOUND', `no ${what} is saved yet, so there is no latest one`, ExitCode.usage);
    return { kind: newest.kind, id: newest.id, record: recordsOf(data, newest.kind)[newest.id]! };
  }
  for (const k of kinds) {
    const records = recordsOf(data, k);
    if (Object.hasOwn(records, trimmed)) return { kind: k, id: trimmed, record: records[trimmed]! };
  }
  const matches = kinds.flatMap((k) => Object.keys(recordsOf(data, k)).filter((id) => id.startsWith(trimmed)).map((id) => ({ kind: k, id })));
  if (matches.length === 1) {
    const [{ kind: k, id }] = matches as [{ kind: RecordKind; id: string }];
    return { kind: k, id, record: recordsOf(data, k)[id]! };
  }
  if (matches.length > 1) {
    const shown = matches.slice(0, 6).map((m) => m.id).join(', ');
    throw new UsageError(`"${trimmed}" matches ${matches.length} ${what}s (${shown}${matches.length > 6 ? ', ...' : ''}): type more of the id`);
  }
  throw new CareerForgeError('NOT_FOUND', `no ${what} with an id starting "${trimmed}" (see careerforge list${kind ? ` ${kind}` : ''})`, ExitCode.usage);
}

/** Delete a record (a quiz with its attempts); returns what went. */
export function removeRecord(data: StoreData, kind: RecordKind, id: string): { removed: string[] } {
  const records = recordsOf(data, kind);
  if (!Object.hasOwn(records, id)) throw new CareerForgeError('NOT_FOUND', `${kindName(kind)} ${id} is already gone`, ExitCode.usage);
  delete records[id];
  const removed = [id];
  if (kind === 'quizzes') {
    for (const [attemptId, attempt] of Object.entries(data.quiz_attempts)) {
      if (attempt.quiz_id === id) {
        delete data.quiz_attempts[attemptId];
        removed.push(attemptId);
      }
    }
  }
  return { removed };
}
