// Valid answers for whatever a request asks for, read from the request itself (the schema in
// `format` and the prompt): outlines, months, whole roadmaps, sub-topic plans, quiz and interview
// batches, skills reports. Used by the GPU-like fake (bench:gen) and the eval tests, where one
// server answers every generator. `wordy` pads text fields to the length a real 7B model writes,
// so token counts (and timings) are realistic.
import type { RecordedRequest } from './fake-ollama.js';
import { askedMonth } from './spine.js';

export type RequestKind = 'outline' | 'month' | 'roadmap' | 'subtopics' | 'quiz' | 'interview' | 'skills' | 'grade' | 'other';

export function requestKind(req: RecordedRequest): RequestKind {
  const props = (req.body?.format?.properties ?? {}) as Record<string, any>;
  if ('months' in props) return 'outline';
  if ('weeks' in props) return 'month';
  if ('roadmap' in props) return 'roadmap';
  if ('subtopics' in props) return 'subtopics';
  if ('questions' in props) {
    const item = props.questions?.items?.properties ?? {};
    return 'options' in item ? 'quiz' : 'interview';
  }
  if ('criteria' in props && 'score' in props) return 'grade';
  if ('readiness_score' in props || 'missing_skills' in props || 'gaps' in props) return 'skills';
  return 'other';
}

/** The prompt the model reads last, with the user's data blocks removed. */
export function lastPrompt(req: RecordedRequest): string {
  return String(req.body?.messages?.at(-1)?.content ?? '');
}

function promptOf(req: RecordedRequest): string {
  return (req.body?.messages ?? []).map((m: { content?: string }) => m.content ?? '').join('\n');
}

/** A count the request asks for: exact minItems = maxItems in the schema, else the prompt's number. */
function askedCount(req: RecordedRequest, arrayProp: string, pattern: RegExp, fallback: number): number {
  const schema = req.body?.format?.properties?.[arrayProp];
  if (schema && schema.minItems !== undefined && schema.minItems === schema.maxItems) return schema.minItems as number;
  const match = pattern.exec(promptOf(req).replace(/<user_data[\s\S]*?<\/user_data>/g, ''));
  return match ? Number(match[1]) : fallback;
}

function hoursPerWeek(req: RecordedRequest): number {
  const match = /"hours_per_week":\s*(\d+)/.exec(promptOf(req));
  return match ? Number(match[1]) : 10;
}

const FILLER = 'with a worked example, a short written summary and one exercise checked against the official documentation';

function text(base: string, wordy: boolean, words = 8): string {
  return wordy ? `${base} ${FILLER.split(' ').slice(0, words).join(' ')}` : base;
}

export function monthAnswer(month: number, hours: number, wordy: boolean) {
  return {
    month,
    title: text(`Month ${month} topic`, wordy, 3),
    weeks: [1, 2, 3, 4].map((week) => ({
      week,
      focus: text(`Focus ${month}.${week}`, wordy, 6),
      hours: Math.min(hours, 8),
      tasks: [1, 2, 3].slice(0, wordy ? 3 : 2).map((t) => text(`Task ${month}.${week}.${t}`, wordy, 12)),
    })),
    tools: ['Git', 'Docker'],
    projects: [{ name: text(`Project ${month}`, wordy, 4), difficulty: 'intermediate', estimated_hours: 12 }],
    checkpoint: text(`Checkpoint ${month}`, wordy, 12),
  };
}

function frame(months: number, wordy: boolean) {
  return {
    career_role: 'Backend Developer',
    overview: text(`A ${months}-month plan to become a Backend Developer.`, wordy, 16),
    timeline: `${months} months`,
    final_outcome: text('Ready to apply for junior roles.', wordy, 10),
    resources: { official_docs: ['Node.js docs'], courses: ['The Odin Project'], youtube_channels: ['Fireship'] },
  };
}

let questionSerial = 0;

/** A valid answer to `req` as JSON text. Questions are numbered across calls, so never repeat. */
export function answerFor(req: RecordedRequest, opts: { wordy?: boolean } = {}): string {
  const wordy = opts.wordy ?? false;
  const hours = hoursPerWeek(req);
  switch (requestKind(req)) {
    case 'outline': {
      const months = askedCount(req, 'months', /(\d+)-month/, 12);
      return JSON.stringify({
        ...frame(months, wordy),
        months: Array.from({ length: months }, (_, i) => ({ month: i + 1, title: `Month ${i + 1} topic`, focus: text(`Focus of month ${i + 1}`, wordy, 6) })),
      });
    }
    case 'month':
      return JSON.stringify(monthAnswer(askedMonth(req), hours, wordy));
    case 'roadmap': {
      const months = askedCount(req, 'roadmap', /(\d+)-month/, 3);
      const { final_outcome, resources, ...head } = frame(months, wordy);
      return JSON.stringify({ ...head, roadmap: Array.from({ length: months }, (_, i) => monthAnswer(i + 1, hours, wordy)), final_outcome, resources });
    }
    case 'subtopics': {
      const count = askedCount(req, 'subtopics', /exactly (\d+) distinct sub-topics/, 10);
      return JSON.stringify({ subtopics: Array.from({ length: count }, (_, i) => `Sub-topic ${++questionSerial} of ${count} (${i + 1})`) });
    }
    case 'quiz': {
      const count = askedCount(req, 'questions', /Write (\d+) multiple-choice/, 5);
      return JSON.stringify({
        questions: Array.from({ length: count }, () => {
          const n = ++questionSerial;
          return {
            question: text(`Question number ${n}?`, wordy, 8),
            options: [`Right answer ${n}`, `Wrong answer ${n}a`, `Wrong answer ${n}b`, `Wrong answer ${n}c`].map((o) => text(o, wordy, 3)),
            correct_index: 0,
            explanation: text(`Because right answer ${n} is right.`, wordy, 12),
            topic: `Topic ${n}`,
          };
        }),
      });
    }
    case 'interview': {
      const count = askedCount(req, 'questions', /Prepare (\d+) interview/, 5);
      const typed = /"interview_type":\s*"(technical|behavioral|system-design)"/.exec(promptOf(req))?.[1];
      const types = typed ? [typed] : ['technical', 'behavioral', 'system-design'];
      const star = 'Situation: a release slipped. Task: recover it. Action: I cut scope with the team. Result: shipped a week later.';
      return JSON.stringify({
        questions: Array.from({ length: count }, (_, i) => {
          const n = ++questionSerial;
          const type = types[i % types.length]!;
          return {
            type,
            difficulty: 'medium',
            question: text(`Interview question ${n} (${type})?`, wordy, 10),
            what_interviewers_look_for: [1, 2, 3].map((p) => text(`Point ${n}.${p}`, wordy, 8)),
            model_answer: type === 'behavioral' ? text(star, wordy, 16) : text(`A strong answer to question ${n}.`, wordy, 16),
            follow_ups: [text(`Follow-up to ${n}?`, wordy, 6)],
            common_mistakes: [text(`Mistake ${n}`, wordy, 6)],
          };
        }),
        tips: ['Think aloud.', 'Ask clarifying questions.'],
      });
    }
    case 'skills': {
      const role = /"role":\s*"([^"]+)"/.exec(promptOf(req))?.[1] ?? 'Backend Developer';
      const gaps = ['Docker', 'PostgreSQL', 'System design', 'Testing'].map((skill, i) => ({
        skill,
        category: i === 2 ? 'soft' : 'technical',
        importance: i === 0 ? 'critical' : 'important',
        current_level: 'none',
        target_level: 'intermediate',
        estimated_hours: 20 + 5 * i,
        first_step: text(`Start ${skill} with the official tutorial`, wordy, 10),
      }));
      return JSON.stringify({
        target_role: role,
        readiness_score: 55,
        readiness_rationale: text(`Solid basics for ${role}; production tooling is missing.`, wordy, 16),
        strengths: [{ skill: 'Git', evidence: text('Uses branches and reviews daily', wordy, 8) }],
        gaps,
        transferable_skills: [{ skill: 'SQL', relevance: text('Queries carry over to PostgreSQL', wordy, 8) }],
        learning_order: gaps.map((g) => g.skill),
      });
    }
    default:
      return JSON.stringify({ ok: true, word: 'ready' });
  }
}
