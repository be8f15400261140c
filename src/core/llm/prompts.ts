// Prompt templates live in prompts/*.md at the package root; core loads and fills them.
// `{{name}}` placeholders are replaced; a missing value is a programming error, not a blank.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

let promptDir: string | undefined;

/** Where the shipped templates are (prompts/ at the package root). */
export function shippedPromptDir(): string {
  if (promptDir) return promptDir;
  // dist/*.js and src/core/llm/*.ts sit at different depths: walk up to the package root.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, 'prompts');
    if (fs.existsSync(path.join(candidate, 'system.md'))) return (promptDir = candidate);
    dir = path.dirname(dir);
  }
  throw new Error('prompts/ directory not found next to the CareerForge package');
}

const cache = new Map<string, string>();
// The user's checked copies (core/prompts/overrides.ts), set once per run by createRunContext.
let overrides: Map<string, string> = new Map();

export function usePromptOverrides(copies: Map<string, string>): void {
  overrides = copies;
}

export function loadPrompt(name: string): string {
  const own = overrides.get(name);
  if (own !== undefined) return own;
  let text = cache.get(name);
  if (text === undefined) {
    text = fs.readFileSync(path.join(shippedPromptDir(), `${name}.md`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

export function renderPrompt(name: string, values: Record<string, string | number>): string {
  return loadPrompt(name)
    .replace(/^<!--[\s\S]*?-->\n?/, '') // a leading comment documents the template, not the prompt
    .replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
      const value = values[key];
      if (value === undefined) throw new Error(`prompt ${name}: no value for {{${key}}}`);
      return String(value);
    });
}
