// Text shown inside Ink boxes: Ink measures a tab as one column but the terminal moves to the next
// tab stop, which pushes the box's right border out of line. Tabs become spaces first.

/** Replaces each tab with spaces up to the next tab stop, line by line. */
export function expandTabs(text: string, width = 4): string {
  if (!text.includes('\t')) return text;
  return text
    .split('\n')
    .map((line) => {
      let out = '';
      for (const ch of line) out += ch === '\t' ? ' '.repeat(width - (out.length % width)) : ch;
      return out;
    })
    .join('\n');
}

/** At most `max` characters (and `maxLines` lines) of `text`, with a note of what was left out. */
export function preview(text: string, max: number, maxLines: number): string {
  const lines = text.split('\n');
  let shown = lines.slice(0, maxLines).join('\n');
  if (shown.length > max) shown = shown.slice(0, max);
  const left = text.length - shown.length;
  return left > 0 ? `${shown.trimEnd()}… (${left.toLocaleString('en-US')} more characters)` : shown;
}
