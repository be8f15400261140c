// Roadmap fixes that need no model: months and weeks are numbered by position, so a plan whose
// model numbered every month 1 (or every week 1) is renumbered instead of regenerated. Counted
// with the schema-driven fixes of core/llm/normalize.ts in meta.normalized.

type Numbered = Record<string, unknown>;

/** Sets `field` of each object in `list` to its 1-based position; returns how many changed. */
export function renumber(list: unknown, field: string): number {
  if (!Array.isArray(list)) return 0;
  let fixes = 0;
  list.forEach((item: unknown, i) => {
    if (!item || typeof item !== 'object') return;
    const entry = item as Numbered;
    if (entry[field] !== i + 1) {
      entry[field] = i + 1;
      fixes++;
    }
  });
  return fixes;
}

/** The weeks of one month, numbered 1..n. */
export function normalizeMonth(month: unknown): number {
  return month && typeof month === 'object' ? renumber((month as Numbered).weeks, 'week') : 0;
}

/** A whole plan: months 1..N in `roadmap`, weeks 1..n in each. */
export function normalizeRoadmap(plan: unknown): number {
  if (!plan || typeof plan !== 'object') return 0;
  const months = (plan as Numbered).roadmap;
  return renumber(months, 'month') + (Array.isArray(months) ? months.reduce<number>((n, m) => n + normalizeMonth(m), 0) : 0);
}

/** An outline: months 1..N. */
export function normalizeOutline(outline: unknown): number {
  return outline && typeof outline === 'object' ? renumber((outline as Numbered).months, 'month') : 0;
}
