// "1 month", "2 months": every count a message or view shows goes through here, so singular and
// plural are never left to a `${n} months` template.

/** `n` with the noun, singular for exactly 1; `many` for irregular plurals ("1 entry", "2 entries"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
