/**
 * The benchmark's pages: every corpus page (../shared/corpus/pages), in three variants built with the e2e
 * fixtures' `corpusWithMentions` (page scripts removed, `<meta charset>` added, sentences appended to paragraphs
 * 2, 4, 6... of the body), so that the only difference between variants is the inserted text:
 * - `none`: no sentence (none of the corpus pages mentions a vendor);
 * - `mentions`: the e2e sentences (4 mentions: Hikvision, Dahua, Hytera's, EZVIZ);
 * - `dense`: 10 sentences of 5 mentions each (50 mentions), on pages with at least 20 paragraphs, for the
 *   highlighting budget.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from '../tests/e2e/harness/paths';
import { SENTENCES, corpusWithMentions } from '../tests/e2e/fixtures';
import type { InsertedSentence } from '../tests/e2e/fixtures';

export type Variant = 'none' | 'mentions' | 'dense';

export const MENTION_SENTENCES: readonly InsertedSentence[] = SENTENCES;
export const MENTIONS_PER_PAGE = MENTION_SENTENCES.reduce((n, s) => n + s.vendors.length, 0);

const DENSE_TEMPLATES = [
  'Hikvision, Dahua, Hytera, Ezviz and Hikvision products were all on the list.',
  'Auditors found Dahua recorders, Hikvision cameras, Ezviz doorbells, Hytera radios and more Dahua kit.',
];
export const DENSE_SENTENCES: readonly InsertedSentence[] = Array.from({ length: 10 }, (_, i) => ({
  text: DENSE_TEMPLATES[i % 2] as string,
  vendors:
    i % 2 === 0
      ? ['hikvision', 'dahua', 'hytera', 'ezviz', 'hikvision']
      : ['dahua', 'hikvision', 'ezviz', 'hytera', 'dahua'],
}));
export const DENSE_MENTIONS = DENSE_SENTENCES.reduce((n, s) => n + s.vendors.length, 0);

/** The four vendors' plain names, as a mark.js user would type them. */
export const PLAIN_NAMES = ['Hikvision', 'Dahua', 'Hytera', 'Ezviz'];

/** Corpus page names (file names without `.html`), sorted. */
export function corpusPages(dir = CORPUS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -'.html'.length))
    .sort();
}

function paragraphsInBody(name: string): number {
  const html = readFileSync(join(CORPUS_DIR, `${name}.html`), 'utf8');
  const body = html.search(/<body\b/i);
  return (html.slice(Math.max(0, body)).match(/<\/p>/gi) ?? []).length;
}

/** Up to `count` pages that can hold the dense sentences, spread evenly over the sorted list. */
export function densePages(names: readonly string[], count: number): string[] {
  const fit = names.filter((n) => paragraphsInBody(n) >= DENSE_SENTENCES.length * 2 + 2);
  if (fit.length <= count) return fit;
  const step = fit.length / count;
  return Array.from({ length: count }, (_, i) => fit[Math.floor(i * step)] as string);
}

/**
 * For pages with too few paragraphs for `corpusWithMentions` (it needs 2 per sentence): the same cleaning, and
 * the sentences appended to paragraphs spread over the page, else to other text blocks (`li`, `td`, `div`...),
 * else in a paragraph at the end of the body.
 */
export function withMentionsAnywhere(html: string, sentences: readonly InsertedSentence[]): string {
  let out = html.replace(/<script\b[\s\S]*?<\/script>/gi, '');
  out = out.replace(/<head([^>]*)>/i, '<head$1><meta charset="utf-8">');
  const bodyStart = Math.max(0, out.search(/<body\b/i));
  const closings = (re: RegExp) => [...out.slice(bodyStart).matchAll(re)].map((m) => bodyStart + m.index);
  let at = closings(/<\/p>/gi);
  if (at.length < sentences.length) at = closings(/<\/(?:p|li|td|dd|div|blockquote|pre|h[1-6])>/gi);
  if (at.length === 0) {
    const end = out.search(/<\/body>/i);
    const para = `<p>${sentences.map((s) => s.text).join(' ')}</p>`;
    return end < 0 ? out + para : out.slice(0, end) + para + out.slice(end);
  }
  const picks = sentences.map((s, j) => ({
    text: s.text,
    at: at[Math.min(at.length - 1, Math.floor(((j + 0.5) * at.length) / sentences.length))] as number,
  }));
  for (const pick of picks.reverse()) out = `${out.slice(0, pick.at)} ${pick.text}${out.slice(pick.at)}`;
  return out;
}

export function pageHtml(name: string, variant: Variant): string {
  const sentences = variant === 'none' ? [] : variant === 'mentions' ? MENTION_SENTENCES : DENSE_SENTENCES;
  try {
    return corpusWithMentions(name, sentences);
  } catch {
    return withMentionsAnywhere(readFileSync(join(CORPUS_DIR, `${name}.html`), 'utf8'), sentences);
  }
}

export function expectedMentions(variant: Variant): number {
  return variant === 'none' ? 0 : variant === 'mentions' ? MENTIONS_PER_PAGE : DENSE_MENTIONS;
}
