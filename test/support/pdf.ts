// PDFs made in the test with pdf-lib, so the fixtures say what they hold: pages of text in a
// standard font (WinAnsi, so "Zoë Müller" is real text, not outlines), a raw string with a form
// feed in it, pages of drawings only (what a scan looks like to a text extractor: no text).
import { randomBytes } from 'node:crypto';
import { beginText, endText, moveText, PDFDict, PDFDocument, PDFName, PDFOperator, PDFOperatorNames, PDFString, rgb, setFontAndSize, StandardFonts } from 'pdf-lib';

export interface PdfPage {
  lines?: string[];
  /** Shown as one raw PDF string, octal escapes and all, e.g. 'Before\\014After' for a form feed. */
  raw?: string;
  /** Rectangles only: a page that looks like something and holds no text. */
  shapes?: number;
}

/** `attach`: that many random (incompressible) bytes as an attached file, the weight of a photo. */
export async function makePdf(pages: PdfPage[], { attach = 0 } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  if (attach > 0) await doc.attach(randomBytes(attach), 'photo.bin', { mimeType: 'application/octet-stream' });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const spec of pages) {
    const page = doc.addPage([595, 842]);
    let y = 780;
    for (const line of spec.lines ?? []) {
      page.drawText(line, { x: 50, y, font, size: 12 });
      y -= 20;
    }
    if (spec.raw !== undefined) {
      page.setFont(font);
      const key = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict).keys()[0]!;
      const show = PDFOperator.of(PDFOperatorNames.ShowText, [PDFString.of(spec.raw)]);
      page.pushOperators(beginText(), setFontAndSize(key, 12), moveText(50, y), show, endText());
    }
    for (let i = 0; i < (spec.shapes ?? 0); i++) {
      page.drawRectangle({ x: 20 + (i % 50) * 11, y: 20 + Math.floor(i / 50) * 9, width: 8, height: 6, color: rgb((i % 7) / 7, 0.3, 0.5) });
    }
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
