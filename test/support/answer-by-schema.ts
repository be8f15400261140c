// Answers any structured request with a valid reply built from the `format` the CLI sent: the
// shape (which generator asked) and the counts the schema fixes (months, questions, criteria).
import type { ChatReply, FakeOllama, RecordedRequest } from './fake-ollama.js';
import { jsonReply, makeMonth, makeOutline, makeRoadmap } from './fixtures.js';
import { makeSkillsReport } from './skills-fixtures.js';
import { makeGrade, makeInterviewBatch, makeQuizBatch } from '../quiz-interview-fixtures.js';

export type ReplyKind = 'outline' | 'month' | 'roadmap' | 'skills' | 'quiz' | 'interview' | 'grade' | 'ping';

export function replyKind(req: RecordedRequest): ReplyKind {
  const props = (req.body?.format?.properties ?? {}) as Record<string, any>;
  if ('months' in props) return 'outline';
  if ('weeks' in props) return 'month';
  if ('roadmap' in props) return 'roadmap';
  if ('readiness_score' in props) return 'skills';
  if ('criteria' in props) return 'grade';
  if ('questions' in props) return 'correct_index' in (props.questions.items?.properties ?? {}) ? 'quiz' : 'interview';
  return 'ping';
}

/** The item count an array property of the format fixes (minItems = maxItems), or its minimum. */
export function countOf(req: RecordedRequest, property: string): number {
  const schema = req.body.format.properties[property];
  return schema.minItems ?? 1;
}

/** The JSON payload of a prompt's <user_data name="..."> block. */
export function userData(req: RecordedRequest, name: string): any {
  const text = String(req.body.messages.map((m: { content: string }) => m.content).join('\n'));
  const match = new RegExp(`<user_data name="${name}">\\n([\\s\\S]*?)\\n</user_data>`).exec(text);
  if (!match) throw new Error(`no user_data block "${name}" in the prompt`);
  return JSON.parse(match[1]!);
}

/** `index` numbers the questions of later batches apart from the earlier ones. */
export function validReply(req: RecordedRequest, index = 0): ChatReply {
  const props = req.body.format.properties;
  switch (replyKind(req)) {
    case 'outline':
      return jsonReply(makeOutline(countOf(req, 'months')));
    case 'month':
      return jsonReply(makeMonth(props.month.const ?? 1, props.weeks.items.properties.hours.maximum));
    case 'roadmap':
      return jsonReply(makeRoadmap(countOf(req, 'roadmap'), props.roadmap.items.properties.weeks.items.properties.hours.maximum));
    case 'skills':
      return jsonReply(makeSkillsReport());
    case 'quiz':
      return jsonReply(makeQuizBatch(countOf(req, 'questions'), 1 + index * 50));
    case 'interview':
      return jsonReply(makeInterviewBatch(countOf(req, 'questions'), props.questions.items.properties.type.enum.length === 1 ? props.questions.items.properties.type.enum : ['technical', 'behavioral'], 1 + index * 50));
    case 'grade':
      return jsonReply(makeGrade(userData(req, 'look_for')));
    case 'ping':
      return jsonReply({ ok: true, word: 'ready' });
  }
}

export function answerBySchema(fake: FakeOllama): void {
  fake.onChat((req, index) => validReply(req, index));
}
