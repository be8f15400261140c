// An incremental scanner over a streamed JSON object: fed the answer as tokens arrive, it reports
// each top-level member once its value has closed, and each element of a top-level array once that
// element has closed, as raw JSON text (JSON.parse of it is then safe). It only tracks string and
// escape state, nesting depth and where values start and end, so it costs one pass over the text.
// Why not a streaming parser from npm: we need element boundaries, not a value tree, on text we
// already hold in full (the answer is validated whole at the end); the few well-kept streaming
// parsers (e.g. @streamparser/json) build values per token and would double the work for nothing.
// Anything before the root `{` (a ``` fence, prose) and after it closes is ignored.

export type ScanHit =
  | { kind: 'member'; key: string; raw: string }
  | { kind: 'element'; key: string; index: number; raw: string };

export class JsonScanner {
  private text = '';
  private at = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private done = false;
  // Depth 1 (the root object): the key being read, the current member's key and value start.
  private keyStart = -1;
  private key: string | undefined;
  private valueStart = -1;
  // Depth 2 (a top-level array): the current element's start and index.
  private inArray = false;
  private elementStart = -1;
  private elementIndex = 0;

  /** Feed more of the answer; returns what closed in it. */
  feed(chunk: string): ScanHit[] {
    this.text += chunk;
    const hits: ScanHit[] = [];
    for (; this.at < this.text.length && !this.done; this.at++) this.step(this.text[this.at]!, hits);
    return hits;
  }

  private step(ch: string, hits: ScanHit[]): void {
    const i = this.at;
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (ch === '\\') this.escaped = true;
      else if (ch === '"') {
        this.inString = false;
        if (this.depth === 1 && this.keyStart >= 0) {
          this.key = JSON.parse(this.text.slice(this.keyStart, i + 1)) as string;
          this.keyStart = -1;
        } else if (this.depth === 1 && this.valueStart >= 0) this.closeMember(i + 1, hits);
        else if (this.depth === 2 && this.inArray && this.elementStart >= 0) this.closeElement(i + 1, hits);
      }
      return;
    }
    if (this.depth === 0) {
      if (ch === '{') this.depth = 1;
      return;
    }
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') return;
    if (this.depth === 1) return this.atRoot(ch, i, hits);
    if (this.depth === 2 && this.inArray) return this.inTopArray(ch, i, hits);
    this.nested(ch, i, hits);
  }

  private atRoot(ch: string, i: number, hits: ScanHit[]): void {
    if (ch === '}') {
      if (this.valueStart >= 0) this.closeMember(i, hits);
      this.done = true;
    } else if (ch === ',') {
      if (this.valueStart >= 0) this.closeMember(i, hits);
      this.key = undefined;
    } else if (ch === ':') {
      this.valueStart = -2; // the value starts at the next significant character
    } else if (this.valueStart === -2) {
      this.valueStart = i;
      if (ch === '"') this.inString = true;
      else if (ch === '[') {
        this.depth = 2;
        this.inArray = true;
        this.elementIndex = 0;
        this.elementStart = -1;
      } else if (ch === '{') this.depth = 2;
    } else if (ch === '"' && this.key === undefined && this.valueStart === -1) {
      this.keyStart = i;
      this.inString = true;
    }
  }

  private inTopArray(ch: string, i: number, hits: ScanHit[]): void {
    if (ch === ']' || ch === ',') {
      if (this.elementStart >= 0) this.closeElement(i, hits);
      if (ch === ']') {
        this.depth = 1;
        this.inArray = false;
        this.closeMember(i + 1, hits);
      }
      return;
    }
    if (this.elementStart < 0) this.elementStart = i;
    if (ch === '"') this.inString = true;
    else if (ch === '{' || ch === '[') this.depth = 3;
  }

  private nested(ch: string, i: number, hits: ScanHit[]): void {
    if (ch === '"') this.inString = true;
    else if (ch === '{' || ch === '[') this.depth++;
    else if (ch === '}' || ch === ']') {
      this.depth--;
      if (this.depth === 2 && this.inArray) this.closeElement(i + 1, hits);
      else if (this.depth === 1) this.closeMember(i + 1, hits);
    }
  }

  private closeMember(end: number, hits: ScanHit[]): void {
    if (this.key !== undefined && this.valueStart >= 0) hits.push({ kind: 'member', key: this.key, raw: this.text.slice(this.valueStart, end).trim() });
    this.valueStart = -1;
  }

  private closeElement(end: number, hits: ScanHit[]): void {
    if (this.key !== undefined && this.elementStart >= 0) {
      hits.push({ kind: 'element', key: this.key, index: this.elementIndex, raw: this.text.slice(this.elementStart, end).trim() });
    }
    this.elementIndex++;
    this.elementStart = -1;
  }
}
