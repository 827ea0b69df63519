/**
 * Mentions inside open shadow roots: `scanCore` on each root's element children (a TreeWalker does not cross a
 * shadow boundary, so the document's own scan never sees them). No extraction: Readability reads the
 * document's own tree. See `shadow.ts` for finding the roots and ordering across them.
 */
import type { ScanOptions } from './scan-core';
import { scanCore } from './scan-core';
import type { Mention } from './types';

/**
 * Scans the element children of open shadow roots (`scanCore` on each, no extraction: Readability reads the
 * document's own tree), in steps. Returns the mentions found and whether the cap was reached.
 */
export function* scanShadowRoots(
  doc: Document,
  roots: readonly ShadowRoot[],
  options: () => ScanOptions,
  knownEvidence: () => boolean,
): Generator<void, { mentions: Mention[]; truncated: boolean }, void> {
  const mentions: Mention[] = [];
  let truncated = false;
  for (const shadow of roots) {
    for (const child of Array.from(shadow.children)) {
      const result = scanCore(
        doc,
        { ...options(), root: child, extract: false, knownEvidence: knownEvidence() || mentions.length > 0 },
        null,
      );
      mentions.push(...result.mentions);
      if (result.stats.truncated) truncated = true;
    }
    yield;
  }
  return { mentions, truncated };
}
