// A CV or a job ad from a file or stdin: text (UTF-8, at most `maxBytes`) or a PDF, whose text is
// extracted (pdf.ts; a PDF may be larger than its text, up to MAX_PDF_BYTES). The caller's
// schema then normalises and bounds the text alike for both.
import { decodeText, readInputBytes, sourceName, tooLarge, type ReadTextOptions } from '../input.js';
import { isPdf, pdfText } from './pdf.js';

/** A CV of a few pages with a photo and embedded fonts fits easily; a 10 MB PDF is not a CV. */
export const MAX_PDF_BYTES = 10 * 1024 * 1024;

export async function readDocument(source: string, { flag, maxBytes, stdin }: ReadTextOptions): Promise<string> {
  const bytes = await readInputBytes(source, { flag, maxBytes: Math.max(maxBytes, MAX_PDF_BYTES), stdin });
  if (isPdf(bytes)) return pdfText(bytes, { flag, name: sourceName(source) });
  if (bytes.length > maxBytes) throw tooLarge(flag, source, maxBytes);
  return decodeText(bytes, source, flag);
}
