/**
 * Matches → live DOM ranges.
 */
import { positionAt, positionBefore } from './text-index';
import type { TextIndex } from './text-index';

/**
 * A live `Range` over `[start, end)` of `index.text`. The span may cross inline elements
 * (`Hik<em>vision</em>` gives one range from the first text node to the second); it never contains a block
 * separator because no alias pattern crosses one. Returns null if the offsets fall outside the index.
 */
export function rangeFor(doc: Document, index: TextIndex, start: number, end: number): Range | null {
  if (end <= start) return null;
  const from = positionAt(index, start);
  const to = positionBefore(index, end);
  if (from === null || to === null) return null;
  const range = doc.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
