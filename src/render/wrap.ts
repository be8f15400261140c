// Static results are text written once; on a terminal they are wrapped to its width so a long
// model answer reads as a paragraph under its bullet instead of running into column 0. Each line
// keeps its indent and bullet as a hanging indent for the lines it wraps into. Pipes and files get
// the lines unwrapped (a script or `less -S` decides), as do terminals of unknown width.
import wrapAnsi from 'wrap-ansi';
import stripAnsi from 'strip-ansi';

// Leading spaces, then an optional list marker: "- ", "+ ", "~ ", "• ", "1. ", "[x] 1.2.3 ".
const HANGING = /^( *)((?:[-+~•*] |\d+\. |\[[ x-]\] (?:\d+\.\d+\.\d+ )?)?)/;

export function wrapText(text: string, columns: number | undefined): string {
  if (!columns || columns < 20) return text;
  return text
    .split('\n')
    .map((line) => wrapLine(line, columns))
    .join('\n');
}

// Spaces at the end of a wrapped row before any closing colour codes, and at the start of a
// continuation row after any opening ones (wrap-ansi without trim leaves both behind).
// eslint-disable-next-line no-control-regex
const TRAILING = / +((?:\x1b\[[0-9;]*m)*)$/;
// eslint-disable-next-line no-control-regex
const LEADING = /^((?:\x1b\[[0-9;]*m)*) +/;

function wrapLine(line: string, columns: number): string {
  const plain = stripAnsi(line);
  if (plain.length <= columns) return line;
  const indent = HANGING.exec(plain)?.[0].length ?? 0;
  // Past half the width a hanging indent leaves too little room: wrap flush instead.
  const hang = indent * 2 > columns ? 0 : indent;
  // Wrapping the whole line at the narrower width keeps the first row's own indent and bullet and
  // leaves room for the hanging indent on the rows after it.
  const rows = wrapAnsi(line, columns - hang, { hard: true, trim: false }).split('\n');
  return rows
    .map((row, i) => (i === 0 ? row : ' '.repeat(hang) + row.replace(LEADING, '$1')).replace(TRAILING, '$1'))
    .join('\n');
}
