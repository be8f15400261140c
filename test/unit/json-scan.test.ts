// The incremental scanner behind progressive output of single-call plans: every top-level member
// and every element of a top-level array is reported once, as soon as it closes, whatever the chunking.
import { describe, expect, it } from 'vitest';
import { JsonScanner, type ScanHit } from '../../src/core/llm/json-scan.js';

const doc = {
  title: 'a "quoted" title with a \\ and a } and ]',
  n: 12,
  ok: true,
  list: [{ a: [1, { b: '}' }], c: 'x,y' }, 'plain', 7, [1, 2], { d: '\u00e9\n' }],
  nested: { e: [1, 2, { f: '{' }] },
  tail: null,
};

function scanIn(text: string, size: number): ScanHit[] {
  const scanner = new JsonScanner();
  const hits: ScanHit[] = [];
  for (let i = 0; i < text.length; i += size) hits.push(...scanner.feed(text.slice(i, i + size)));
  return hits;
}

describe('JsonScanner', () => {
  for (const [name, text] of [
    ['compact', JSON.stringify(doc)],
    ['indented and fenced', '```json\n' + JSON.stringify(doc, null, 2) + '\n```'],
  ] as const) {
    it(`reports each member and each element once, in order, at any chunk size (${name})`, () => {
      const expected = [
        { kind: 'member', key: 'title', raw: doc.title },
        { kind: 'member', key: 'n', raw: 12 },
        { kind: 'member', key: 'ok', raw: true },
        ...doc.list.map((item, index) => ({ kind: 'element', key: 'list', index, raw: item })),
        { kind: 'member', key: 'list', raw: doc.list },
        { kind: 'member', key: 'nested', raw: doc.nested },
        { kind: 'member', key: 'tail', raw: null },
      ].map((hit) => ({ ...hit, raw: JSON.stringify(hit.raw) }));
      for (const size of [1, 3, 17, text.length]) {
        const hits = scanIn(text, size).map((hit) => ({ ...hit, raw: JSON.stringify(JSON.parse(hit.raw)) }));
        expect(hits).toEqual(expected);
      }
    });
  }

  it('reports an element the moment its closing brace arrives, not before', () => {
    const scanner = new JsonScanner();
    expect(scanner.feed('{"k":"v","months":[{"m":1,"s":"}"')).toEqual([{ kind: 'member', key: 'k', raw: '"v"' }]);
    expect(scanner.feed('}')).toEqual([{ kind: 'element', key: 'months', index: 0, raw: '{"m":1,"s":"}"}' }]);
    expect(scanner.feed(',{"m":2')).toEqual([]);
  });
});
