/**
 * Extraction off the page's main thread: the content script sends the page's HTML and where its mentions are;
 * the background (Firefox: its own DOM; Chrome: an offscreen document) parses it, runs Readability and says
 * which mentions are in the article. Readability on a long page takes hundreds of milliseconds: that must not
 * be a long task in the reader's tab.
 */
import type { MarkerPath } from '../engine/marks';
import type { PageSummary } from '../engine/types';

/** Pages larger than this are not sent: their summary comes from `<title>` and `<meta>` in the tab. */
export const MAX_EXTRACT_HTML = 8_000_000;
/**
 * Pages with more text than this (characters and text nodes, as the gate counted them) are not even serialised:
 * on a 5 MB page `outerHTML` and the message's copy took 120 ms of the tab's main thread in Chromium, on a page
 * of 100,000 elements `outerHTML` took 40-70 ms in Firefox, and Readability finds no article in such pages.
 * The largest of the 130 corpus pages holds about 0.5 million characters; wikipedia-2 has 14,642 text nodes.
 */
export const MAX_EXTRACT_TEXT = { chars: 1_500_000, nodes: 40_000 };
export const MAX_MARKERS = 1000;

export interface ExtractRequest {
  html: string;
  markers: (MarkerPath | null)[];
}

export interface ExtractReply {
  summary: PageSummary;
  /** Indexes into `markers` that lie in the article. */
  inArticle: number[];
  readerable: boolean;
  readabilityRan: boolean;
  /** Milliseconds the extraction took (off the page's thread). */
  ms: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMarkerPath(value: unknown): value is MarkerPath | null {
  return (
    value === null ||
    (isRecord(value) &&
      typeof value.nodeName === 'string' &&
      value.nodeName.length < 64 &&
      Array.isArray(value.path) &&
      value.path.length < 10_000 &&
      value.path.every((n) => Number.isInteger(n) && (n as number) >= 0))
  );
}

export function isExtractRequest(value: unknown): value is ExtractRequest {
  return (
    isRecord(value) &&
    typeof value.html === 'string' &&
    value.html.length <= MAX_EXTRACT_HTML &&
    Array.isArray(value.markers) &&
    value.markers.length <= MAX_MARKERS &&
    value.markers.every(isMarkerPath)
  );
}

const SUMMARY_FIELDS = ['title', 'siteName', 'byline', 'publishedTime', 'excerpt', 'lang', 'dir'] as const;

export function isExtractReply(value: unknown): value is ExtractReply {
  if (!isRecord(value) || !isRecord(value.summary)) return false;
  const summary = value.summary;
  return (
    SUMMARY_FIELDS.every((f) => summary[f] === null || typeof summary[f] === 'string') &&
    typeof summary.readerable === 'boolean' &&
    (summary.source === 'readability' || summary.source === 'metadata') &&
    Array.isArray(value.inArticle) &&
    value.inArticle.every((n) => Number.isInteger(n)) &&
    typeof value.readerable === 'boolean' &&
    typeof value.readabilityRan === 'boolean' &&
    typeof value.ms === 'number'
  );
}
