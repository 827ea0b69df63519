/**
 * Builds the page report the popup shows for a tab, from what the content script knows.
 */
import type { MentionBrief, PageReport } from '../messaging';
import { siteKey } from '../settings';

export interface PageFacts {
  title: string | null;
  siteName: string | null;
  byline: string | null;
  publishedTime: string | null;
  readerable: boolean;
}

/** What a page says about itself before any extraction: its `<title>` (or first heading). */
export function basicPageFacts(doc: Document): PageFacts {
  const title = doc.title.trim() || doc.querySelector('h1')?.textContent?.trim() || '';
  return { title, siteName: null, byline: null, publishedTime: null, readerable: false };
}

export function buildPageReport(
  url: string,
  facts: PageFacts,
  mentions: readonly MentionBrief[],
  options: { enabled: boolean; truncated: boolean; scanning: boolean },
): PageReport {
  return {
    url,
    title: facts.title ?? '',
    siteName: facts.siteName,
    byline: facts.byline,
    publishedTime: facts.publishedTime,
    readerable: facts.readerable,
    enabled: options.enabled,
    site: siteKey(url),
    mentions: [...mentions],
    truncated: options.truncated,
    scanning: options.scanning,
  };
}
