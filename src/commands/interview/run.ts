// `careerforge interview`: validate options -> generate questions (core) -> save -> emit, or a
// mock interview (--mock, --resume) on a terminal.
import { MissingInputError, UsageError } from '../../core/errors.js';
import { drive } from '../../core/events.js';
import { generateInterview } from '../../core/interview/generate.js';
import { interviewInputSchema, type Interview, type InterviewInput } from '../../core/interview/schema.js';
import { emit, type View } from '../emit.js';
import { loadFormDefaults, profileFallback } from '../form-defaults.js';
import { generate, openContext, saveRecord } from '../generation.js';
import type { Session } from '../session.js';
import { numberFlag, parseCommandInput, type GlobalFlags } from '../shared.js';

export interface InterviewFlags extends GlobalFlags {
  role?: string;
  level?: string;
  type?: string;
  company?: string;
  count?: string;
  mock?: boolean;
  resume?: string | boolean;
}

export const interviewView: View<Interview> = {
  text: async () => (await import('../../render/interview-text.js')).interviewText,
};

async function readInput(flags: InterviewFlags, session: Session): Promise<InterviewInput> {
  const given = { role: flags.role, level: flags.level, type: flags.type, company: flags.company, count: numberFlag(flags.count) };
  // The config's level is a learner's (beginner...), not a seniority: only the role carries over.
  const fallback = await profileFallback(session, interviewInputSchema.shape, ['role']);
  const parse = (values: Record<string, unknown>) => parseCommandInput<InterviewInput>(interviewInputSchema, values, undefined, session.stdin, fallback);
  return parse(given).catch(async (error: unknown) => {
    if (!(error instanceof MissingInputError && error.field === 'role')) throw error;
    // On a terminal, ask; on a pipe raw mode does not exist, so missing input stays a usage error.
    if (!session.canPrompt()) throw new UsageError('missing --role: say which job to prepare for, e.g. --role "Backend Developer"');
    const [{ askInterviewInput }, defaults] = await Promise.all([import('../../ui/interview-form.js'), loadFormDefaults(session, 'interviews')]);
    return parse({ ...given, ...(await askInterviewInput(session.screen(), given, defaults)) });
  });
}

export async function interviewCommand(flags: InterviewFlags, session: Session): Promise<void> {
  const interactive = flags.mock || flags.resume !== undefined;
  // Checked before anything else: an interactive mode must never wait on a pipe.
  if (interactive && session.mode !== 'tty') {
    const which = flags.resume !== undefined ? '--resume' : '--mock';
    throw new UsageError(
      session.json
        ? `${which} is interactive and cannot be combined with --json`
        : `${which} is interactive: run it in a terminal (stdin and stdout must be a TTY)`,
    );
  }
  if (flags.resume !== undefined) {
    const ctx = await openContext(session, flags);
    const { resumeMock } = await import('./mock.js');
    return resumeMock(ctx, typeof flags.resume === 'string' ? flags.resume : undefined, session);
  }
  const input = await readInput(flags, session);
  const ctx = await openContext(session, flags);
  const label = `Preparing ${input.count} ${input.type} question${input.count === 1 ? '' : 's'} for ${input.role}`;
  const { interview } = await generate(session, ctx, label, (on) => drive(generateInterview(ctx.ollama(), input), on));
  const id = await saveRecord(session, ctx, 'interviews', input, { interview });
  if (!flags.mock) return emit(session, interview, interviewView);
  const { runMock } = await import('./mock.js');
  return runMock(ctx, id, session);
}
