// Progressive output of a long plan (issue 10): outside --json, the head of the plan is printed as
// soon as the outline is in and each month as soon as it and every month before it are done (with
// --concurrency months finish out of order); the command then prints only the tail. Pipes get the
// same lines in the same order as the whole view would have had; a terminal gets them wrapped and
// coloured, with the spinner cleared before each part. --json stays one document at the end.
// A plan made in one call streams its head and months as their JSON closes (core/roadmap/
// stream-parts.ts): shown only once they pass their own checks; if the call then fails as a whole
// and is generated again, the parts shown are declared superseded on stderr and the finished plan
// is printed whole, never a mix of two answers.
import type { Part } from '../../core/parts.js';
import type { Month, Outline, Roadmap } from '../../core/roadmap/schema.js';
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
  /**
   * Whether what went out is exactly the head and first months of `roadmap`'s view. False after a
   * `restart` (the call that streamed them failed as a whole): the command then prints it whole.
   */
  shows(roadmap: Roadmap): Promise<boolean>;
}

type Head = Pick<Roadmap, 'career_role' | 'overview' | 'timeline'>;

const headView: View<Head> = {
  text: async () => {
    const { roadmapHeadText } = await import('../../render/roadmap-text.js');
    return (head, _meta, c) => roadmapHeadText(head, c);
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
  let superseded = false;
  // What went out, in order: the head's text, then each month's.
  const shown: string[] = [];
  // Writes are chained so that parts reach stdout in the order they were released.
  let chain = Promise.resolve();
  const write = <T>(data: T, view: View<T>) => {
    chain = chain.then(async () => {
      const text = await renderText(session, data, view);
      shown.push(text);
      session.stdout.write(text);
    });
  };
  const months = new InOrder<Month>((month) => write(month, monthView));
  return {
    onPart(part) {
      if (session.mode === 'json' || superseded) return;
      if (part.kind === 'outline' || part.kind === 'head') {
        if (started) return;
        started = true;
        write(part.kind === 'outline' ? part.outline : part.head, headView);
      } else if (part.kind === 'month' && started) months.push(part.index, part.month);
      else if (part.kind === 'restart' && started) {
        superseded = true;
        session.warn(`${part.task}: what was shown above came from an answer that failed as a whole; the whole plan is printed again once it is written`);
      }
    },
    started: () => started,
    flushed: () => chain,
    async shows(roadmap) {
      await chain;
      if (superseded) return false;
      const whole = [await renderText(session, roadmap, headView), ...(await Promise.all(roadmap.roadmap.map((month) => renderText(session, month, monthView))))];
      const same = shown.length === whole.length && shown.every((text, i) => text === whole[i]);
      if (!same) session.warn('the plan changed after parts of it were shown; it is printed whole below');
      return same;
    },
  };
}

/** The rest of the view once the months are out: outcome, resources, the meta line. */
export const tailView: View<{ final_outcome: string; resources: Outline['resources'] }> = {
  text: async () => {
    const { roadmapTailText } = await import('../../render/roadmap-text.js');
    return (data, meta: Meta, c) => roadmapTailText(data, meta, c);
  },
};
