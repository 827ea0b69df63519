import { describe, expect, it } from 'vitest';
import { buildExtractRequest } from '@/utils/extract/request';
import { extractFromHtml } from '@/utils/extract/remote';
import { MAX_EXTRACT_HTML, isExtractReply, isExtractRequest } from '@/utils/extract/protocol';

function articlePage(): { inArticle: HTMLElement; aside: HTMLElement } {
  const para = (text: string) => {
    const p = document.createElement('p');
    p.textContent = text;
    return p;
  };
  document.title = 'Camera audit';
  const article = document.createElement('article');
  const h1 = document.createElement('h1');
  h1.textContent = 'Councils audit their cameras';
  article.append(h1);
  for (let i = 0; i < 8; i++) {
    article.append(
      para(
        `Paragraph ${i} of a long report on procurement, with enough words to look like an article body, `.repeat(
          4,
        ),
      ),
    );
  }
  const inArticle = para(
    'The audit found cameras made by Hikvision in three schools and the town hall offices.',
  );
  article.append(inArticle);
  const aside = document.createElement('aside');
  aside.className = 'sidebar related';
  const link = document.createElement('a');
  link.href = '/x';
  link.textContent = 'Dahua';
  aside.append(link);
  document.body.replaceChildren(article, aside);
  return { inArticle, aside: link };
}

describe('off-thread extraction', () => {
  it('finds which mention holders are in the article after a serialise-and-parse round trip', () => {
    const { inArticle, aside } = articlePage();
    const request = buildExtractRequest(document, [inArticle, aside]);
    expect(request).not.toBeNull();
    expect(isExtractRequest(request)).toBe(true);
    const reply = extractFromHtml(request!, new DOMParser());
    expect(isExtractReply(reply)).toBe(true);
    expect(reply.readerable).toBe(true);
    expect(reply.readabilityRan).toBe(true);
    expect(reply.inArticle).toEqual([0]);
    expect(reply.summary.source).toBe('readability');
  });

  it('marks nothing when a path leads to another element after parsing', () => {
    const { inArticle } = articlePage();
    const request = buildExtractRequest(document, [inArticle])!;
    request.markers = [{ path: [1, 0, 0], nodeName: 'TABLE' }];
    expect(extractFromHtml(request, new DOMParser()).inArticle).toEqual([]);
  });

  it('rejects malformed or oversized requests and replies', () => {
    expect(isExtractRequest({ html: 'x', markers: [{ path: [-1], nodeName: 'P' }] })).toBe(false);
    expect(isExtractRequest({ html: 'x'.repeat(MAX_EXTRACT_HTML + 1), markers: [] })).toBe(false);
    expect(isExtractRequest({ html: 'x', markers: 'no' })).toBe(false);
    expect(isExtractRequest({ html: 'x', markers: [null] })).toBe(true);
    expect(
      isExtractReply({ summary: {}, inArticle: [], readerable: true, readabilityRan: true, ms: 1 }),
    ).toBe(false);
  });
});
