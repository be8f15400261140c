// PDF CVs and job ads through the built CLI (the PDF library sits in its own chunk of the bundle):
// the text of every page reaches the model, non-ASCII names intact, page breaks and form feeds as
// plain whitespace; a PDF without text (a scan) or a damaged one is a one-line usage error and
// nothing is sent.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnvelope, runCli, tempHome } from './support/cli.js';
import { documentFile as file, documentSent } from './support/documents.js';
import { jsonReply } from './support/fixtures.js';
import { makePdf } from './support/pdf.js';
import { makeSkillsReport } from './support/skills-fixtures.js';
import { expectBadInput, useFake } from './support/spine.js';

const fake = useFake();
const BASE = ['skills', '--role', 'Backend Developer', '--json'];

describe('PDF documents', () => {
  it('sends the text of every page of a --resume PDF, with its non-ASCII name', async () => {
    const cv = await makePdf([
      { lines: ['Zoë Müller', 'Backend engineer in Zürich, Straße 5'] },
      { lines: ['Experience', 'TypeScript and Node.js for 5 years'], raw: 'Before\\014After' },
      { lines: ['Skills: PostgreSQL, Docker, Kubernetes'], shapes: 200 },
      // An attached photo makes the file larger than the 50 KB text limit: the limit is on text.
    ], { attach: 80 * 1024 });
    expect(cv.length).toBeGreaterThan(50 * 1024);
    fake().reply(jsonReply(makeSkillsReport()));
    const r = await runCli([...BASE, '--resume', file('Zoë Müller CV.pdf', cv)], { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(parseEnvelope(r.stdout).success).toBe(true);
    expect(r.stderr).toBe('');
    // Pages are separated by a form feed, which the document normaliser turns into a newline;
    // the form feed inside the raw string is whitespace to PDF.js.
    expect(documentSent(fake(), 'cv')).toBe(
      'Zoë Müller\nBackend engineer in Zürich, Straße 5\nExperience\nTypeScript and Node.js for 5 years\nBefore After\nSkills: PostgreSQL, Docker, Kubernetes',
    );
  });

  it('reads a --job PDF beside a text CV', async () => {
    const ad = await makePdf([{ lines: ['Senior Backend Developer (m/w/d)', 'Must have: Go, gRPC'] }, { lines: ['Nice to have: Rust'] }]);
    fake().reply(jsonReply(makeSkillsReport()));
    const cv = file('cv.md', Buffer.from('# Zoë\nGo for two years.\n'));
    const r = await runCli([...BASE, '--resume', cv, '--job', file('ad.pdf', ad)], { host: fake().host });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(documentSent(fake(), 'job_description')).toBe('Senior Backend Developer (m/w/d)\nMust have: Go, gRPC\nNice to have: Rust');
    expect(documentSent(fake(), 'cv')).toBe('# Zoë\nGo for two years.\n');
  });

  it('refuses a PDF without text (a scan) in one line, exit 2, nothing sent', async () => {
    const scan = file('scan.pdf', await makePdf([{ shapes: 300 }, { shapes: 300 }]));
    const r = await runCli([...BASE, '--resume', scan], { host: fake().host });
    const line = expectBadInput(r, fake(), `--resume: ${scan} has no text to read (a scanned PDF?)`);
    expect(parseEnvelope(r.stdout).error).toEqual({ code: 'INVALID_INPUT', message: line.replace(/^careerforge: /, '') });
  });

  it('loads the PDF library only when a document is a PDF', async () => {
    // An ESM loader hook names every module that loads; the bundle keeps PDF.js in its own chunk.
    const dir = tempHome();
    fs.writeFileSync(path.join(dir, 'hook.mjs'), "export async function load(url, ctx, next) { if (/pdfjs/.test(url)) process.stderr.write('LOADED pdfjs\\n'); return next(url, ctx); }\n");
    fs.writeFileSync(path.join(dir, 'register.mjs'), `import { register } from 'node:module'; register(${JSON.stringify(`file://${dir}/hook.mjs`)});\n`);
    const env = { NODE_OPTIONS: `--import=${path.join(dir, 'register.mjs')}` };
    const text = await runCli([...BASE, '--dry-run', '--resume', file('cv.md', Buffer.from('Go and SQL\n'))], { env });
    expect(text.exitCode, text.stderr).toBe(0);
    expect(text.stderr).not.toContain('LOADED pdfjs');
    const pdf = await runCli([...BASE, '--dry-run', '--resume', file('cv.pdf', await makePdf([{ lines: ['Go and SQL'] }]))], { env });
    expect(pdf.exitCode, pdf.stderr).toBe(0);
    expect(pdf.stderr).toContain('LOADED pdfjs');
  });

  it('refuses a damaged PDF in one line, exit 2, nothing sent', async () => {
    const broken = file('broken.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF\n'));
    const r = await runCli([...BASE, '--skills', 'Go', '--job', broken], { host: fake().host });
    expectBadInput(r, fake(), `--job: cannot read the PDF ${broken}: `);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
