/**
 * Page summary from `<title>` and `<meta>` tags: cheap, and free of Readability (the content script uses it).
 */
import type { PageSummary } from './types';

function metaContent(doc: Document, selector: string): string | null {
  const value = doc.querySelector(selector)?.getAttribute('content')?.trim();
  return value !== undefined && value !== '' ? value : null;
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed !== undefined && trimmed !== '' ? trimmed : null;
}

export function trimmed(value: string | null | undefined): string | null {
  const result = value?.trim();
  return result !== undefined && result !== '' ? result : null;
}

/** A summary from `<title>` and common `<meta>` tags (Open Graph, Dublin Core, article:*). Cheap. */
export function readMetadata(doc: Document, readerable: boolean): PageSummary {
  const title =
    metaContent(doc, 'meta[property="og:title"], meta[name="twitter:title"]') ?? clean(doc.title) ?? null;
  return {
    title: clean(title),
    siteName: metaContent(doc, 'meta[property="og:site_name"]'),
    byline: metaContent(doc, 'meta[name="author"], meta[property="article:author"], meta[name="dc.creator"]'),
    publishedTime: metaContent(doc, 'meta[property="article:published_time"], meta[name="date"]'),
    excerpt: metaContent(doc, 'meta[property="og:description"], meta[name="description"]'),
    lang: clean(doc.documentElement.getAttribute('lang')),
    dir: clean(doc.documentElement.getAttribute('dir')),
    readerable,
    source: 'metadata',
  };
}
