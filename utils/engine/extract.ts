/**
 * Article extraction with Readability, run only on pages that already have a mention.
 *
 * `isProbablyReaderable` decides first; Readability then parses a clone (`parse()` mutates its document) with
 * `serializer: el => el`, so the article comes back as DOM. To know which mentions lie in the article, the
 * elements holding them are located in the clone by their child-index path *before* parsing and tagged with a
 * marker attribute (marks.ts): markers survive everything Readability does to the clone, including the retry
 * path that restores the page from a cached copy (which would break a map keyed by node identity; the build
 * makes that copy a DOM clone, see scripts/vite-no-html-sinks.ts), renaming by `_setNodeTag` (attributes are
 * copied) and style cleaning (only presentational attributes are removed). The content script serialises the
 * page instead and has it parsed off its thread (utils/extract/).
 *
 * Pages that are not articles (listings, short posts, search results) get a summary from `<title>` and
 * `<meta>` tags, and no mention is `inArticle`.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { markedClone, markersIn } from './marks';
import { readMetadata, trimmed } from './metadata';
import type { PageSummary } from './types';

export { markedClone } from './marks';
export { readMetadata } from './metadata';

export interface ExtractResult {
  summary: PageSummary;
  /** Ids (indexes into the `markers` argument) of the markers Readability kept in the article. */
  inArticle: Set<number>;
  readabilityRan: boolean;
}

/** `isProbablyReaderable` with Readability's defaults. */
export function checkReaderable(doc: Document): boolean {
  try {
    return isProbablyReaderable(doc);
  } catch {
    return false;
  }
}

/** Readability on a clone we own, returning the article as DOM; null when it finds none or throws. */
function parseClone(clone: Document): ReturnType<Readability<Node>['parse']> {
  try {
    return new Readability<Node>(clone, { serializer: (el: Node) => el }).parse();
  } catch {
    return null;
  }
}

/**
 * Runs Readability on a document prepared by `markedClone` (it is consumed: `parse()` mutates it) and reports
 * which markers ended up in the article. Not readerable: a summary from the metadata, nothing in the article.
 */
export function readMarkedArticle(marked: Document, readerable: boolean): ExtractResult {
  if (!readerable)
    return { summary: readMetadata(marked, false), inArticle: new Set(), readabilityRan: false };
  const metadata = readMetadata(marked, true);
  const article = parseClone(marked);
  if (article === null) return { summary: metadata, inArticle: new Set(), readabilityRan: true };

  const content = article.content;
  const inArticle =
    content !== null && content !== undefined && content.nodeType === 1
      ? markersIn(content as Element)
      : new Set<number>();
  return {
    summary: {
      title: trimmed(article.title),
      siteName: trimmed(article.siteName),
      byline: trimmed(article.byline),
      publishedTime: trimmed(article.publishedTime),
      excerpt: trimmed(article.excerpt),
      lang: trimmed(article.lang),
      dir: trimmed(article.dir),
      readerable: true,
      source: 'readability',
    },
    inArticle,
    readabilityRan: true,
  };
}

/**
 * Runs Readability on a clone of `doc` (when readerable) and reports which `markers` (live elements holding
 * mentions) ended up in the article.
 */
export function extractArticle(
  doc: Document,
  markers: readonly Element[],
  readerable: boolean,
): ExtractResult {
  if (!readerable) return { summary: readMetadata(doc, false), inArticle: new Set(), readabilityRan: false };
  return readMarkedArticle(markedClone(doc, markers), true);
}
