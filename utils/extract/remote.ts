/**
 * The receiving side of off-thread extraction (background page or offscreen document): parse the HTML with
 * DOMParser (an inert document: no scripts run, nothing loads), set the mention markers, run Readability.
 */
import { checkReaderable, readMarkedArticle } from '../engine/extract';
import { applyMarkerPaths } from '../engine/marks';
import type { ExtractReply, ExtractRequest } from './protocol';

export function extractFromHtml(
  request: ExtractRequest,
  parser: DOMParser,
  now: () => number = () => performance.now(),
): ExtractReply {
  const started = now();
  const doc = parser.parseFromString(request.html, 'text/html');
  applyMarkerPaths(doc, request.markers);
  const readerable = checkReaderable(doc);
  const result = readMarkedArticle(doc, readerable);
  return {
    summary: result.summary,
    inArticle: [...result.inArticle].sort((a, b) => a - b),
    readerable,
    readabilityRan: result.readabilityRan,
    ms: now() - started,
  };
}
