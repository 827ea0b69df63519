/**
 * The in-page experience, in each browser, on real corpus pages with inserted vendor sentences: highlights and
 * badge equal the inserted mentions, hovering opens the card, the keyboard path works, appended content is
 * highlighted, the page's own MutationObserver sees nothing from us, and a hydrated Preact page keeps working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, startFixtureServer, waitForBadge } from './harness';
import type { BrowserName, E2EBrowser, E2EPage, FixtureServer } from './harness';
import { HYDRATION_PAGE, MUTATION_RECORDER, SENTENCES, corpusWithMentions, servePreact } from './fixtures';
import { readStorage, sendFocusNext, writeStorage } from './popup.helpers';

const EXPECTED = SENTENCES.flatMap((s) => s.vendors);

/** Ranges registered by Vendor Lens in CSS.highlights, per vendor (read from the page's main world). */
function highlightCounts(page: E2EPage): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const counts: Record<string, number> = {};
    const registry = (CSS as unknown as { highlights?: Map<string, { size: number }> }).highlights;
    if (!registry) return counts;
    registry.forEach((highlight, name) => {
      const m = /^vendor-lens-(?:underline|background|wavy)-(\w+)$/.exec(name);
      if (m?.[1]) counts[m[1]] = (counts[m[1]] ?? 0) + highlight.size;
    });
    return counts;
  });
}

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** Centre of the first occurrence of `word` in a text node (viewport coordinates). */
function wordCenter(page: E2EPage, word: string): Promise<{ x: number; y: number }> {
  return page.evaluate((w: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = (node as Text).data.indexOf(w);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + w.length);
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    throw new Error(`${w} not found`);
  }, word);
}

function cardState(page: E2EPage) {
  return page.evaluate(() => {
    const host = document.querySelector('vendor-lens-card');
    const card = host?.shadowRoot?.querySelector('[data-testid="vendor-lens-card"]');
    return {
      open: !!card,
      text: card?.textContent ?? '',
      role: card?.getAttribute('role') ?? null,
      label: card
        ? (host?.shadowRoot?.getElementById('vl-card-title')?.getAttribute('aria-label') ?? null)
        : null,
      focused: !!card && host?.shadowRoot?.activeElement === card,
      activeTag: document.activeElement?.tagName ?? null,
    };
  });
}

export function inPageSuite(name: BrowserName): void {
  describe(`in-page: ${name}`, () => {
    let browser: E2EBrowser;
    let server: FixtureServer;

    beforeAll(async () => {
      server = await startFixtureServer();
      servePreact(server);
      browser = await launch(name);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('highlights exactly the inserted mentions, sets the badge, and changes nothing in the page', async () => {
      const url = server.add('/t/bbc.html', corpusWithMentions('bbc-1', SENTENCES, MUTATION_RECORDER));
      const { page, tabId } = await browser.openTab(url);
      await waitForBadge(browser, tabId, String(EXPECTED.length));
      const counts = await highlightCounts(page);
      expect(counts).toEqual({ hikvision: 1, dahua: 1, hytera: 1, ezviz: 1 });
      // The extension's stylesheet (added at document_start, before the DOM) styles each highlight: the
      // underline in the vendor's colour, on the element that holds the mention.
      expect(
        await page.evaluate(() => {
          const styles: Record<string, string> = {};
          const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
          registry.forEach((highlight, name) => {
            const [range] = [...highlight];
            const el = range?.startContainer.parentElement;
            if (!el || !name.startsWith('vendor-lens-')) return;
            const style = getComputedStyle(el, `::highlight(${name})`);
            styles[name] = `${style.textDecorationLine} ${style.textDecorationColor}`;
          });
          return styles;
        }),
      ).toEqual({
        'vendor-lens-underline-hikvision': 'underline rgb(232, 89, 12)',
        'vendor-lens-underline-dahua': 'underline rgb(28, 126, 214)',
        'vendor-lens-underline-hytera': 'underline rgb(47, 158, 68)',
        'vendor-lens-underline-ezviz': 'underline rgb(174, 62, 201)',
      });
      // With the Custom Highlight API the page's DOM is untouched: no element, attribute or text of ours.
      expect(
        await page.evaluate(() => (window as unknown as { __vlMutations: string[] }).__vlMutations),
      ).toEqual([]);
      expect(await page.evaluate(() => document.querySelectorAll('vendor-lens-mark').length)).toBe(0);
      await page.screenshot('inpage-highlights');
      await page.close();
    });

    it('extracts the article off the page thread: inserted mentions are in the article', async () => {
      const url = server.add('/t/extract.html', corpusWithMentions('bbc-1', SENTENCES));
      const { page, tabId } = await browser.openTab(url);
      await waitForBadge(browser, tabId, String(EXPECTED.length));
      const measures = () =>
        page.evaluate(() =>
          performance
            .getEntriesByType('measure')
            .map((m) => m.name)
            .filter((n) => n.startsWith('vendor-lens:')),
        );
      // A page that is only read is not serialised: the report's request starts the extraction.
      await new Promise((r) => setTimeout(r, 500));
      expect(await measures()).not.toContain('vendor-lens:serialize');
      type Report = {
        title: string;
        readerable: boolean;
        mentions: { vendor: string; inArticle: boolean }[];
      };
      const ask = () =>
        browser.inExtension(
          (id: number) =>
            ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).tabs.sendMessage(id, {
              id: 2,
              type: 'getPageReport',
              timestamp: Date.now(),
            }) as Promise<{ res?: Report }>,
          tabId,
        );
      let report: Report | undefined;
      for (let i = 0; i < 50; i++) {
        report = (await ask()).res;
        if (report?.readerable) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(report?.readerable).toBe(true);
      expect(report?.mentions.map((m) => m.vendor)).toEqual(EXPECTED);
      expect(report?.mentions.every((m) => m.inArticle)).toBe(true);
      expect(report?.title).toMatch(/Obama/);
      // Readability ran in the background or the offscreen document, not in the page.
      const after = await measures();
      expect(after).toContain('vendor-lens:serialize');
      expect(after).not.toContain('vendor-lens:extract');
      await page.close();
    });

    it('opens the hover card after the pointer rests on a mention, and closes it on Escape', async () => {
      const url = server.add('/t/hover.html', corpusWithMentions('bbc-1', SENTENCES));
      const { page, tabId } = await browser.openTab(url);
      await waitForBadge(browser, tabId, String(EXPECTED.length));
      const { x, y } = await wordCenter(page, 'Hikvision');
      await page.mouseMove(x - 30, y - 40);
      await page.mouseMove(x, y);
      await page.mouseMove(x + 1, y);
      await page.waitFor(
        () =>
          !!document
            .querySelector('vendor-lens-card')
            ?.shadowRoot?.querySelector('[data-testid="vendor-lens-card"] .card__count'),
      );
      const state = await cardState(page);
      expect(state.role).toBe('dialog');
      expect(state.text).toContain('Hikvision');
      expect(state.text).toMatch(/\d+ government actions/);
      expect(state.text).toContain('Highlighted');
      await page.screenshot('inpage-hover-card');
      await page.press('Escape');
      await page.waitFor(
        () => !document.querySelector('vendor-lens-card')?.shadowRoot?.querySelector('.card'),
      );
      await page.close();
    });

    it('reads open shadow roots: highlights, hover card, and components and text added later', async () => {
      const html =
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Components</title></head><body>' +
        '<h1>Security news</h1><p>The council met on Tuesday.</p><news-card id="first"></news-card>' +
        '<script>customElements.define("news-card", class extends HTMLElement {' +
        '  connectedCallback() { if (this.shadowRoot) return; const root = this.attachShadow({ mode: "open" });' +
        '    const p = document.createElement("p"); p.style.fontSize = "24px";' +
        '    p.textContent = this.getAttribute("text") || "Cameras by Hikvision in a web component.";' +
        '    root.append(p); } });</script></body></html>';
      const { page, tabId } = await browser.openTab(server.add('/t/shadow.html', html));
      await waitForBadge(browser, tabId, '1');
      expect(await highlightCounts(page)).toEqual({ hikvision: 1 });
      const { x, y } = await page.evaluate(() => {
        const p = document.getElementById('first')!.shadowRoot!.querySelector('p')!;
        const text = p.firstChild as Text;
        const i = text.data.indexOf('Hikvision');
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 'Hikvision'.length);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      });
      await page.mouseMove(x - 30, y - 40);
      await page.mouseMove(x, y);
      await page.mouseMove(x + 1, y);
      await page.waitFor(
        () =>
          !!document
            .querySelector('vendor-lens-card')
            ?.shadowRoot?.querySelector('[data-testid="vendor-lens-card"] .card__count'),
      );
      expect((await cardState(page)).text).toContain('Hikvision');
      await page.press('Escape');
      // A component added later brings its root; text added inside a root already read is followed too.
      await page.evaluate(() => {
        const card = document.createElement('news-card');
        card.setAttribute('text', 'Dahua recorders in a second component.');
        document.body.append(card);
        const more = document.createElement('p');
        more.textContent = 'Hytera radios, added inside the first component.';
        document.getElementById('first')!.shadowRoot!.append(more);
      });
      await waitForBadge(browser, tabId, '3');
      expect(await highlightCounts(page)).toEqual({ hikvision: 1, dahua: 1, hytera: 1 });
      expect(page.extensionErrors()).toEqual([]);
      await page.close();
    });

    it('moves to the next mention from the keyboard command, focuses the card, and Escape returns focus', async () => {
      const url = server.add('/t/keys.html', corpusWithMentions('bbc-1', SENTENCES));
      const { page, tabId } = await browser.openTab(url);
      await waitForBadge(browser, tabId, String(EXPECTED.length));
      // The command's shortcut is handled by the browser UI, which headless tests cannot press; the background
      // forwards it as a message, so send the same message the background sends.
      const moved = await sendFocusNext(browser, tabId);
      expect(moved).toMatchObject({ res: true });
      await page.waitFor(() => {
        const host = document.querySelector('vendor-lens-card');
        return host?.shadowRoot?.activeElement?.getAttribute('data-testid') === 'vendor-lens-card';
      });
      const state = await cardState(page);
      expect(state.focused).toBe(true);
      expect(state.label).toMatch(/^Vendor Lens: Hikvision/);
      await page.press('Escape');
      await page.waitFor(
        () => !document.querySelector('vendor-lens-card')?.shadowRoot?.querySelector('.card'),
      );
      expect((await cardState(page)).activeTag).not.toBe('VENDOR-LENS-CARD');
      await page.close();
    });

    it('mutes an alias on this site from the card ("Not this company"), and never reads the card itself', async () => {
      const url = server.add('/t/mute.html', corpusWithMentions('bbc-1', SENTENCES));
      const { page, tabId } = await browser.openTab(url);
      await waitForBadge(browser, tabId, String(EXPECTED.length));
      const setMuted = async (mutedAliases: unknown[]) => {
        const settings = (await readStorage(browser, 'settings')) ?? {};
        await writeStorage(browser, 'settings', { ...(settings as object), mutedAliases });
      };
      try {
        // Another site's muted alias, which the page must neither see nor lose.
        await setMuted([{ site: 'elsewhere.example', alias: 'Dahua' }]);
        // The first mention is Hikvision: open its card as the keyboard command does (see the test above).
        await sendFocusNext(browser, tabId);
        await page.waitFor(
          () =>
            !!document.querySelector('vendor-lens-card')?.shadowRoot?.querySelector('.card__footer button'),
        );
        await page.evaluate(() =>
          (
            document
              .querySelector('vendor-lens-card')!
              .shadowRoot!.querySelector('.card__footer button') as HTMLElement
          ).click(),
        );
        await waitForBadge(browser, tabId, String(EXPECTED.length - 1));
        expect(await highlightCounts(page)).toEqual({ dahua: 1, hytera: 1, ezviz: 1 });
        expect(((await readStorage(browser, 'settings')) as { mutedAliases?: unknown }).mutedAliases).toEqual(
          [
            { site: 'elsewhere.example', alias: 'Dahua' },
            { site: '127.0.0.1', alias: 'Hikvision' },
          ],
        );
      } finally {
        // The next tests load the same site.
        await setMuted([]);
      }
      await page.close();
    });

    it('highlights a paragraph with a mention appended after load', async () => {
      const url = server.add('/t/append.html', corpusWithMentions('bbc-1', SENTENCES));
      const { page, tabId } = await browser.openTab(url);
      await waitForBadge(browser, tabId, String(EXPECTED.length));
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'Later update: Hytera radios and a Dahua recorder were found.';
        (document.querySelector('article') ?? document.body).append(p);
      });
      await waitForBadge(browser, tabId, String(EXPECTED.length + 2));
      expect(total(await highlightCounts(page))).toBe(EXPECTED.length + 2);
      await page.close();
    });

    it('follows a history-API navigation: the badge and highlights match the new view', async () => {
      const url = server.add(
        '/t/spa.html',
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SPA</title></head><body>
        <main id="view"><h1>Home</h1><p>Cameras from Hikvision and radios from Hytera.</p></main>
        <script>
          window.go = function () {
            history.pushState({}, '', '/t/spa/second');
            document.title = 'Second view';
            var main = document.getElementById('view');
            main.replaceChildren();
            var p = document.createElement('p');
            p.textContent = 'This view only mentions Dahua.';
            main.append(p);
          };
        </script></body></html>`,
      );
      const { page, tabId } = await browser.openTab(url);
      await waitForBadge(browser, tabId, '2');
      await page.evaluate(() => (window as unknown as { go: () => void }).go());
      await waitForBadge(browser, tabId, '1');
      expect(await highlightCounts(page)).toEqual({ dahua: 1 });
      await page.close();
    });

    it('keeps a Preact-hydrated page working and highlights what it renders later', async () => {
      const url = server.add('/t/hydrate.html', HYDRATION_PAGE);
      const { page, tabId } = await browser.openTab(url);
      await waitForBadge(browser, tabId, '1');
      await page.waitFor(() => (window as unknown as { __hydrated?: boolean }).__hydrated === true);
      await page.click('#inc');
      await page.waitFor(() => document.getElementById('inc')?.textContent === 'clicked 1');
      await waitForBadge(browser, tabId, '2');
      expect(await highlightCounts(page)).toEqual({ hikvision: 1, dahua: 1 });
      await page.click('#inc');
      await page.waitFor(() => document.getElementById('inc')?.textContent === 'clicked 2');
      await page.close();
    });

    it('removes every highlight at once when the site is turned off, without a reload', async () => {
      const url = server.add('/t/off.html', corpusWithMentions('bbc-1', SENTENCES));
      const { page, tabId } = await browser.openTab(url);
      await waitForBadge(browser, tabId, String(EXPECTED.length));
      const setDisabled = (sites: string[]) =>
        browser.inExtension(async (list: string[]) => {
          const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
          const { settings } = (await api.storage.local.get('settings')) as { settings?: object };
          await api.storage.local.set({ settings: { ...(settings ?? {}), disabledSites: list } });
        }, sites);
      await setDisabled(['127.0.0.1']);
      await waitForBadge(browser, tabId, '');
      expect(total(await highlightCounts(page))).toBe(0);
      await setDisabled([]);
      await waitForBadge(browser, tabId, String(EXPECTED.length));
      expect(total(await highlightCounts(page))).toBe(EXPECTED.length);
      await page.close();
    });
  });
}
