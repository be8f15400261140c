// Progressive output of a long plan (issue 10): outside --json, the head of the plan is printed as
// soon as the outline is in and each month as soon as it and every month before it are done (with
// --concurrency months finish out of order); the command then prints only the tail. Pipes get the
// same lines in the same order as the whole view would have had; a terminal gets them wrapped and
// coloured, with the spinner cleared before each part. --json stays one document at the end.
import type { Part } from '../../core/parts.js';
import type { Month, Outline } from '../../core/roadmap/schema.js';
import { InOrder } from '../../core/llm/pool.js';
import type { Meta } from '../../core/meta.js';
import { renderText, type View } from '../emit.js';
import type { Session } from '../session.js';

export interface Progressive {
  onPart(part: Part): void;
  /** Whether the head and months went out already, so only the tail is left to print. */
  started(): boolean;
  /** Resolves once every part handed in has been written. */
  flushed(): Promise<void>;
}

const headView: View<Outline> = {
  text: async () => {
    const { roadmapHeadText } = await import('../../render/roadmap-text.js');
    return (outline, _meta, c) => roadmapHeadText(outline, c);
  },
};
const monthView: View<Month> = {
  text: async () => {
    const { monthText } = await import('../../render/roadmap-text.js');
    return (month, _meta, c) => monthText(month, c);
  },
};

export function progressive(session: Session): Progressive {
  let started = false;
  // Writes are chained so that parts reach stdout in the order they were released.
  let chain = Promise.resolve();
  const write = <T>(data: T, view: View<T>) => {
    chain = chain.then(async () => void session.stdout.write(await renderText(session, data, view)));
  };
  const months = new InOrder<Month>((month) => write(month, monthView));
  return {
    onPart(part) {
      if (session.mode === 'json') return;
      if (part.kind === 'outline') {
        started = true;
        write(part.outline, headView);
      } else if (part.kind === 'month' && started) months.push(part.index, part.month);
    },
    started: () => started,
    flushed: () => chain,
  };
}

/** The rest of the view once the months are out: outcome, resources, the meta line. */
export const tailView: View<{ final_outcome: string; resources: Outline['resources'] }> = {
  text: async () => {
    const { roadmapTailText } = await import('../../render/roadmap-text.js');
    return (data, meta: Meta, c) => roadmapTailText(data, meta, c);
  },
};
