/**
 * Article extraction with Readability, run only on pages that already have a mention.
 *
 * `isProbablyReaderable` decides first; Readability then parses a clone (`parse()` mutates its document) with
 * `serializer: el => el`, so the article comes back as DOM. To know which mentions lie in the article, the
 * elements holding them are located in the clone by their child-index path *before* parsing and tagged with a
 * marker attribute: markers survive everything Readability does to the clone, including the retry path that
 * rebuilds the page from `innerHTML` (which would break a map keyed by node identity), renaming by
 * `_setNodeTag` (attributes are copied) and style cleaning (only presentational attributes are removed).
 *
 * Pages that are not articles (listings, short posts, search results) get a summary from `<title>` and
 * `<meta>` tags, and no mention is `inArticle`.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { OWN_UI_ATTR } from './dom';
import type { PageSummary } from './types';

/** Attribute set on clone elements that hold mentions; value: space-separated marker ids. */
const MARK_ATTR = 'data-vendor-lens-mark';

export interface ExtractResult {
  summary: PageSummary;
  /** Ids (indexes into the `markers` argument) of the markers Readability kept in the article. */
  inArticle: Set<number>;
  readabilityRan: boolean;
}

/** Child-index path from the document down to `node`, or null if `node` is not in `doc`. */
function pathOf(doc: Document, node: Node): number[] | null {
  const path: number[] = [];
  let current: Node = node;
  while (current !== doc) {
    const parent = current.parentNode;
    if (parent === null) return null;
    let index = 0;
    for (let sib = current.previousSibling; sib !== null; sib = sib.previousSibling) index += 1;
    path.push(index);
    current = parent;
  }
  return path.reverse();
}

function follow(root: Node, path: readonly number[]): Node | null {
  let current: Node | null = root;
  for (const index of path) {
    current = current?.childNodes[index] ?? null;
    if (current === null) return null;
  }
  return current;
}

function metaContent(doc: Document, selector: string): string | null {
  const value = doc.querySelector(selector)?.getAttribute('content')?.trim();
  return value !== undefined && value !== '' ? value : null;
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed !== undefined && trimmed !== '' ? trimmed : null;
}

function trimmed(value: string | null | undefined): string | null {
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
 * Runs Readability on a clone of `doc` (when readerable) and reports which `markers` (live elements holding
 * mentions) ended up in the article.
 */
export function extractArticle(
  doc: Document,
  markers: readonly Element[],
  readerable: boolean,
): ExtractResult {
  if (!readerable) return { summary: readMetadata(doc, false), inArticle: new Set(), readabilityRan: false };

  const clone = doc.cloneNode(true) as Document;
  markers.forEach((marker, id) => {
    const path = pathOf(doc, marker);
    const twin = path === null ? null : follow(clone, path);
    if (twin === null || twin.nodeType !== 1 || twin.nodeName !== marker.nodeName) return;
    const el = twin as Element;
    const previous = el.getAttribute(MARK_ATTR);
    el.setAttribute(MARK_ATTR, previous === null ? String(id) : `${previous} ${id}`);
  });
  for (const own of Array.from(clone.querySelectorAll(`[${OWN_UI_ATTR}]`))) own.remove();

  const article = parseClone(clone);
  if (article === null)
    return { summary: readMetadata(doc, true), inArticle: new Set(), readabilityRan: true };

  const inArticle = new Set<number>();
  const content = article.content;
  if (content !== null && content !== undefined && content.nodeType === 1) {
    for (const el of Array.from((content as Element).querySelectorAll(`[${MARK_ATTR}]`))) {
      for (const id of (el.getAttribute(MARK_ATTR) ?? '').split(' ')) {
        if (id !== '') inArticle.add(Number(id));
      }
    }
  }
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
