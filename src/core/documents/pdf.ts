// The text of a PDF (a CV or a job ad exported from Word, Google Docs, LaTeX or a job board), with
// unpdf: Mozilla's PDF.js built for server runtimes, without a worker, a canvas or a native module,
// and with no dependencies of its own. It is about 2 MB of JavaScript, so it is imported here and
// only here, when a document starts with the PDF signature: esbuild puts it in its own chunk and
// no other run parses it.
import { UsageError } from '../errors.js';

const SIGNATURE = Buffer.from('%PDF-');

/** Whether the bytes are a PDF: the signature within the first KB, as readers accept it. */
export function isPdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 1024).includes(SIGNATURE);
}

/**
 * The text of every page, pages separated by a form feed (as pdftotext does; the document
 * normaliser turns it into a newline). A PDF with no text at all, a scan, is a usage error: there
 * is nothing to send, and the user can fix it by exporting the text.
 */
export async function pdfText(bytes: Buffer, { flag, name }: { flag: string; name: string }): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  let pages: string[];
  try {
    // verbosity 0: PDF.js's font and structure warnings are not the user's business here.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    pages = (await extractText(pdf, { mergePages: false })).text;
  } catch (error) {
    const reason = (error as { name?: string }).name === 'PasswordException' ? 'it is password-protected' : firstLine(error);
    throw new UsageError(`${flag}: cannot read the PDF ${name}: ${reason}`, 'INVALID_INPUT');
  }
  const text = pages.map((page) => page.trim()).join('\f');
  if (text.replace(/\f/g, '').trim() === '') {
    throw new UsageError(
      `${flag}: ${name} has no text to read (a scanned PDF?): export it from the original document, or give a .txt or .md copy`,
      'INVALID_INPUT',
    );
  }
  return text;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').trim() || 'it is damaged';
}
