// User copies of the prompt templates: <home>/prompts/NAME.md overrides the shipped
// prompts/NAME.md and survives updates (the package never writes there). A copy is checked when it
// is loaded: every placeholder the shipped template fills must be there, and no other, so a typo
// fails before anything is sent, naming the file and the line.
import fs from 'node:fs';
import path from 'node:path';
import { CareerForgeError, ExitCode, UsageError } from '../errors.js';
import { shippedPromptDir } from '../llm/prompts.js';

export function userPromptDir(home: string): string {
  return path.join(home, 'prompts');
}

export function shippedPromptNames(): string[] {
  return fs.readdirSync(shippedPromptDir()).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
}

export function shippedPromptPath(name: string): string {
  return path.join(shippedPromptDir(), `${name}.md`);
}

export function userPromptPath(home: string, name: string): string {
  return path.join(userPromptDir(home), `${name}.md`);
}

export function requirePromptName(name: string): string {
  if (!shippedPromptNames().includes(name)) {
    throw new UsageError(`no prompt named "${name}": use one of ${shippedPromptNames().join(', ')} (see careerforge prompts list)`);
  }
  return name;
}

export interface Placeholder {
  name: string;
  line: number;
}

const LEADING_COMMENT = /^<!--[\s\S]*?-->\n?/;

/** The template's own description: its leading comment, if any. */
export function describeTemplate(text: string): string {
  const match = LEADING_COMMENT.exec(text);
  return match ? match[0].replace(/^<!--\s*|\s*-->\n?$/g, '').trim() : '';
}

/**
 * Placeholders in a template with their line numbers (the leading comment documents them and does
 * not count). `{{` that does not open a well-formed `{{name}}` is reported as malformed.
 */
export function scanPlaceholders(text: string): { placeholders: Placeholder[]; malformed: Placeholder[] } {
  const skip = LEADING_COMMENT.exec(text)?.[0].length ?? 0;
  const placeholders: Placeholder[] = [];
  const malformed: Placeholder[] = [];
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  for (const match of text.matchAll(/\{\{(.{0,40}?)\}\}|\{\{/g)) {
    if (match.index < skip) continue;
    const inner = match[1];
    if (inner !== undefined && /^\w+$/.test(inner)) placeholders.push({ name: inner, line: lineAt(match.index) });
    else malformed.push({ name: match[0], line: lineAt(match.index) });
  }
  return { placeholders, malformed };
}

/** Problems of a user copy against the shipped template, each naming the file and line. */
export function checkOverride(file: string, text: string, shipped: string): string[] {
  const want = scanPlaceholders(shipped).placeholders;
  const wanted = new Set(want.map((p) => p.name));
  const { placeholders, malformed } = scanPlaceholders(text);
  const problems: string[] = [];
  const takes = wanted.size ? `it takes ${[...wanted].map((n) => `{{${n}}}`).join(', ')}` : 'it takes none';
  for (const m of malformed) problems.push(`${file}:${m.line}: malformed placeholder "${m.name}" (write {{name}}, ${takes})`);
  for (const p of placeholders) if (!wanted.has(p.name)) problems.push(`${file}:${p.line}: unknown placeholder {{${p.name}}} (${takes})`);
  const have = new Set(placeholders.map((p) => p.name));
  for (const p of want) {
    if (!have.has(p.name) && !problems.some((x) => x.includes(`{{${p.name}}} is missing`))) {
      problems.push(`${file}:${text.split('\n').length}: placeholder {{${p.name}}} is missing (the shipped template has it on line ${p.line}; \`careerforge prompts reset ${path.basename(file, '.md')}\` restores it)`);
    }
  }
  return problems;
}

export class PromptError extends CareerForgeError {
  constructor(message: string) {
    super('INVALID_INPUT', message, ExitCode.usage);
  }
}

/** Every user copy, checked; the first problem is an error (exit 2). Stray files are warned about. */
export function loadOverrides(home: string, warn: (message: string) => void): Map<string, string> {
  const dir = userPromptDir(home);
  const overrides = new Map<string, string>();
  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((f) => f.endsWith('.md'));
  } catch {
    return overrides; // no user copies
  }
  const names = new Set(shippedPromptNames());
  for (const fileName of files.sort()) {
    const name = fileName.slice(0, -3);
    const file = path.join(dir, fileName);
    if (!names.has(name)) {
      warn(`${file} is not a CareerForge prompt and is ignored (see careerforge prompts list)`);
      continue;
    }
    const text = fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
    const problems = checkOverride(file, text, fs.readFileSync(shippedPromptPath(name), 'utf8'));
    if (problems.length) {
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length === 2 ? '' : 's'})` : '';
      throw new PromptError(`${problems[0]}${more}`);
    }
    overrides.set(name, text);
  }
  return overrides;
}
