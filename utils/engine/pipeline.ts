/**
 * `scanDocument`: the mention pipeline with Readability extraction in the same thread (the scan CLI, tests,
 * the eval). The content script uses `scanCore` without an extractor and extracts off the page's main thread.
 */
import { checkReaderable, extractArticle } from './extract';
import { scanCore } from './scan-core';
import type { Extractor, ScanOptions } from './scan-core';
import type { ScanResult } from './types';

export { containersFor, scanCore } from './scan-core';
export type { Extractor, ScanOptions } from './scan-core';

export const READABILITY_EXTRACTOR: Extractor = { checkReaderable, extractArticle };

/** Scans `doc` for vendor mentions, extracting the article with Readability when mentions are found. */
export function scanDocument(doc: Document, options: ScanOptions = {}): ScanResult {
  return scanCore(doc, options, READABILITY_EXTRACTOR);
}
