// `careerforge interview`: validate options -> generate questions (core) -> save -> render, or a
// mock interview (--mock, --resume) on a terminal.
import { createRunContext, newId, type RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { drive } from '../../core/events.js';
import { generateInterview } from '../../core/interview/generate.js';
import { interviewInputSchema, type InterviewInput } from '../../core/interview/schema.js';
import { successEnvelope, writeJson } from '../../render/json.js';
import { withProgress } from '../../render/progress.js';
import { loadFormDefaults } from '../form-defaults.js';
import { elapsed, numberFlag, outputMode, parseCommandInput, rawSettings, statsMeta, type GlobalFlags, type Session } from '../shared.js';

export interface InterviewFlags extends GlobalFlags {
  role?: string;
  level?: string;
  type?: string;
  company?: string;
  count?: string;
  mock?: boolean;
  resume?: string | boolean;
}

export async function interviewCommand(flags: InterviewFlags, session: Session): Promise<void> {
  const mode = outputMode(session);
  const interactive = flags.mock || flags.resume !== undefined;
  // Checked before anything else: an interactive mode must never wait on a pipe.
  if (interactive && mode !== 'ink') {
    const which = flags.resume !== undefined ? '--resume' : '--mock';
    throw new UsageError(
      session.json
        ? `${which} is interactive and cannot be combined with --json`
        : `${which} is interactive: run it in a terminal (stdin and stdout must be a TTY)`,
    );
  }
  if (flags.resume !== undefined) {
    const ctx = await createRunContext(rawSettings(flags), session.env, session.signal, session.warn, session.calls);
    session.meta.model = ctx.settings.model;
    const { resumeMock } = await import('./mock.js');
    return resumeMock(ctx, typeof flags.resume === 'string' ? flags.resume : undefined, session);
  }
  const given = { role: flags.role, level: flags.level, type: flags.type, company: flags.company, count: numberFlag(flags.count) };
  const input = await parseCommandInput<InterviewInput>(interviewInputSchema, given, undefined).catch(async (error: unknown) => {
    if (error instanceof UsageError && /^--role: Invalid input: expected string, received undefined/.test(error.message)) {
      // On a terminal, ask; on a pipe raw mode does not exist, so missing input stays a usage error.
      if (mode !== 'ink') throw new UsageError('missing --role: say which job to prepare for, e.g. --role "Backend Developer"');
      const [{ askInterviewInput }, defaults] = await Promise.all([import('../../ui/interview-form.js'), loadFormDefaults(session, 'interviews')]);
      const asked = await askInterviewInput(given, defaults);
      return parseCommandInput<InterviewInput>(interviewInputSchema, { ...given, ...asked }, undefined);
    }
    throw error;
  });

  const ctx = await createRunContext(rawSettings(flags), session.env, session.signal, session.warn, session.calls);
  session.meta.model = ctx.settings.model;
  const { id, interview } = await generateAndSave(ctx, input, session);
  if (flags.mock) {
    const { runMock } = await import('./mock.js');
    return runMock(ctx, id, session);
  }
  if (mode === 'json') return writeJson(successEnvelope(interview, session.meta));
  if (mode === 'ink') {
    const { showInterview } = await import('../../ui/interview-view.js');
    return showInterview(interview, session.meta);
  }
  const [{ interviewText }, { colorFor }] = await Promise.all([import('../../render/interview-text.js'), import('../../render/color.js')]);
  process.stdout.write(interviewText(interview, session.meta, colorFor(process.stdout, session.env)));
}

async function generateAndSave(ctx: RunContext, input: InterviewInput, session: Session) {
  const label = `Preparing ${input.count} ${input.type} question${input.count === 1 ? '' : 's'} for ${input.role}`;
  const outcome = await withProgress({ json: session.json, label, warn: session.warn }, (on) => drive(generateInterview(ctx.ollama(), input), on));
  const { interview } = outcome;
  const id = await ctx.store.update((data) => {
    const id = newId('i', (candidate) => candidate in data.interviews);
    data.interviews[id] = { id, created_at: new Date().toISOString(), model: ctx.settings.model, input, interview };
    return id;
  });
  Object.assign(session.meta, statsMeta(outcome.stats), { latency_ms: elapsed(session), attempts: outcome.attempts, calls: outcome.calls, num_ctx: ctx.settings.num_ctx, id });
  return { id, interview };
}

