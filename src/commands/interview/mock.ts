// The mock interview of `careerforge interview --mock` and `--resume`: the transcript lives in
// the store and is written after every answer (the answer first, then its grade), so an
// interrupted session loses nothing that was answered and --resume continues from it.
import type { RunContext } from '../../core/context.js';
import { CareerForgeError, ExitCode, NotFoundError } from '../../core/errors.js';
import { addStats, drive, emptyStats } from '../../core/events.js';
import { gradeAnswer, MAX_ANSWER_CHARS, nextStep, stepKey, summarize, type MockStep } from '../../core/interview/mock.js';
import type { GradingEvents } from '../../ui/interview-mock.js';
import { stripControl } from '../../core/sanitize.js';
import type { MockTurn, SavedInterview } from '../../core/interview/schema.js';
import { statsMeta } from '../../core/meta.js';
import type { Session } from '../session.js';

export async function runMock(ctx: RunContext, id: string, session: Session): Promise<void> {
  const now = new Date().toISOString();
  await ctx.store.update((data) => {
    data.interviews[id]!.mock = { status: 'in_progress', started_at: now, updated_at: now, turns: [] };
  });
  return conduct(ctx, id, session);
}

export async function resumeMock(ctx: RunContext, id: string | undefined, session: Session): Promise<void> {
  const data = await ctx.store.read();
  let record: SavedInterview | undefined;
  if (id !== undefined) {
    record = data.interviews[id];
    if (!record?.mock) throw new NotFoundError(`--resume: no mock interview with id "${id}"`);
    if (record.mock.status === 'completed') throw new NotFoundError(`--resume: mock interview ${id} is already finished`);
  } else {
    record = Object.values(data.interviews)
      .filter((r) => r.mock?.status === 'in_progress')
      .sort((a, b) => a.mock!.updated_at.localeCompare(b.mock!.updated_at))
      .at(-1);
    if (!record) throw new NotFoundError('--resume: no unfinished mock interview; start one with careerforge interview --mock --role "..."');
  }
  return conduct(ctx, record.id, session);
}

async function conduct(ctx: RunContext, id: string, session: Session): Promise<void> {
  session.meta.id = id;
  const record = (await ctx.store.read()).interviews[id]!;
  const { interview } = record;
  let stats = emptyStats();

  /** Saves the turn, replacing an ungraded one for the same step (an answer left before its grade, or whose grading failed). */
  const saveTurn = (turn: MockTurn) =>
    ctx.store.update((data) => {
      const mock = data.interviews[id]!.mock!;
      const at = mock.turns.findIndex((t) => t.question_id === turn.question_id && t.kind === turn.kind && !t.grade);
      if (at >= 0) mock.turns[at] = turn;
      else mock.turns.push(turn);
      mock.updated_at = new Date().toISOString();
      return [...mock.turns];
    });

  // Steps whose grading failed in this sitting: their answers are kept and the interview goes on
  // (a later --resume offers them for grading again).
  const passed = new Set<string>();
  const { runMockInterview } = await import('../../ui/interview-mock.js');
  const result = await runMockInterview(session.screen(), {
    first: nextStep(interview, record.mock!.turns),
    maxChars: MAX_ANSWER_CHARS,
    async submit(step: MockStep, raw: string, on: GradingEvents) {
      const clean = stripControl(raw);
      const answer = clean.slice(0, MAX_ANSWER_CHARS);
      const turn: MockTurn = { question_id: step.question.id, kind: step.kind, prompt: step.prompt, answer, answered_at: new Date().toISOString() };
      await saveTurn(turn);
      try {
        let attempts = 1;
        const graded = await drive(gradeAnswer(ctx.ollama(), step, answer), (event) => {
          if (event.type === 'started') attempts = event.maxAttempts;
          if (event.type === 'tokens') on.tokens(event.tokens);
          // On the screen, not on stderr: a line written under Ink makes it draw the frame again.
          // The last failed attempt is not announced: the failure itself says it next.
          if (event.type === 'warning') on.warning(event.message);
          if (event.type === 'attempt-failed' && event.attempt < attempts) on.warning(`grading: attempt ${event.attempt} of ${attempts} failed (${event.reason}); retrying`);
        });
        stats = addStats(stats, graded.stats);
        const turns = await saveTurn({ ...turn, grade: graded.grade });
        return { grade: graded.grade, answer, cut: clean.length > answer.length, next: nextStep(interview, turns, passed) };
      } catch (error) {
        // An interrupt, or a store that cannot be written, ends the interview; a model that fails
        // to grade (unreachable, invalid output, timeout) costs this grade only.
        if (!(error instanceof CareerForgeError) || error.code === 'INTERRUPTED' || error.code === 'STORE_ERROR' || session.signal.aborted) throw error;
        passed.add(stepKey(step));
        const turns = await saveTurn({ ...turn, grade_error: error.message });
        return { error: error.message, answer, cut: clean.length > answer.length, next: nextStep(interview, turns, passed) };
      }
    },
    async skip(step: MockStep) {
      const turns = await saveTurn({ question_id: step.question.id, kind: step.kind, prompt: step.prompt, answer: '', answered_at: new Date().toISOString(), skipped: true });
      return nextStep(interview, turns, passed);
    },
    async finish() {
      return ctx.store.update((data) => {
        const mock = data.interviews[id]!.mock!;
        const summary = summarize(interview, mock.turns);
        Object.assign(mock, { status: 'completed', summary, updated_at: new Date().toISOString() });
        return summary;
      });
    },
  });
  Object.assign(session.meta, statsMeta(stats));
  if (result.status === 'interrupted') {
    throw new CareerForgeError('INTERRUPTED', `Interrupted: the answers so far are saved; continue with careerforge interview --resume ${id}`, ExitCode.interrupted);
  }
}
