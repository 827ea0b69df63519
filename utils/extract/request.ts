/**
 * The tab's side of off-thread extraction: one serialisation of the page (no clone, no Readability here) and
 * the paths of the elements holding mentions.
 */
import { markerPaths } from '../engine/marks';
import { MAX_EXTRACT_HTML, MAX_MARKERS } from './protocol';
import type { ExtractRequest } from './protocol';

/** The request for `doc`'s mentions, or null when the page is too large to send. */
export function buildExtractRequest(doc: Document, holders: readonly Element[]): ExtractRequest | null {
  const html = doc.documentElement.outerHTML;
  if (html.length > MAX_EXTRACT_HTML) return null;
  return { html, markers: markerPaths(doc, holders.slice(0, MAX_MARKERS)) };
}
