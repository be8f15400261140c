// CV and job-ad text reach the prompt inside <user_data name="cv"> / name="job_description">
// blocks (see core/sanitize.ts dataBlock). The call log keeps everything else of the prompt but
// replaces these documents by their size and hash, unless the user asked for --log-documents.
import { createHash } from 'node:crypto';

/** dataBlock names whose payload is a whole document the user may not want copied around. */
export const DOCUMENT_BLOCKS = ['cv', 'job_description'];

const BLOCK = /<user_data name="([a-z_]+)">\n([\s\S]*?)\n<\/user_data>/g;

export function redactDocuments(text: string): string {
  return text.replace(BLOCK, (whole, name: string, payload: string) => {
    if (!DOCUMENT_BLOCKS.includes(name)) return whole;
    // The payload is a JSON string literal (with < and > as \u escapes): hash the text it holds.
    let document = payload;
    try {
      const parsed: unknown = JSON.parse(payload);
      if (typeof parsed === 'string') document = parsed;
    } catch {
      // not JSON after all: hash the payload as it stands
    }
    const bytes = Buffer.byteLength(document);
    const hash = createHash('sha256').update(document).digest('hex');
    return `<user_data name="${name}">\n[not logged: ${bytes} bytes, sha256 ${hash}; run with --log-documents to keep it]\n</user_data>`;
  });
}
