import { describe, expect, it } from 'vitest';
import { cssAtDocumentStart } from '../../../scripts/manifest-css-at-start';

describe('cssAtDocumentStart (build: the highlight stylesheet before the DOM is built)', () => {
  it("moves a script entry's stylesheet into an entry of its own at document_start, for the same pages", () => {
    const entry = {
      matches: ['http://*/*', 'https://*/*'],
      exclude_matches: ['https://example.com/*'],
      all_frames: true,
      run_at: 'document_idle' as const,
      css: ['content-scripts/content.css'],
      js: ['content-scripts/content.js'],
    };
    expect(cssAtDocumentStart([entry])).toEqual([
      {
        matches: ['http://*/*', 'https://*/*'],
        exclude_matches: ['https://example.com/*'],
        all_frames: true,
        run_at: 'document_start',
        css: ['content-scripts/content.css'],
      },
      {
        matches: ['http://*/*', 'https://*/*'],
        exclude_matches: ['https://example.com/*'],
        all_frames: true,
        run_at: 'document_idle',
        js: ['content-scripts/content.js'],
      },
    ]);
    // The generated manifest is not changed in place.
    expect(entry.css).toEqual(['content-scripts/content.css']);
  });

  it('leaves entries without a stylesheet, or already at document_start, as they are', () => {
    const scriptOnly = { matches: ['<all_urls>'], js: ['a.js'] };
    const early = {
      matches: ['<all_urls>'],
      run_at: 'document_start' as const,
      css: ['a.css'],
      js: ['a.js'],
    };
    const noCss = { matches: ['<all_urls>'], css: [], js: ['b.js'] };
    expect(cssAtDocumentStart([scriptOnly, early, noCss])).toEqual([scriptOnly, early, noCss]);
    // A stylesheet-only entry that ran late now runs early.
    expect(cssAtDocumentStart([{ matches: ['<all_urls>'], css: ['c.css'] }])).toEqual([
      { matches: ['<all_urls>'], css: ['c.css'], run_at: 'document_start' },
    ]);
  });
});
