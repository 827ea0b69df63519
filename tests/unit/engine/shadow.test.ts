import { afterEach, describe, expect, it } from 'vitest';
import { mayHoldMention, wholeTextSteps } from '../../../utils/engine/gate';
import { buildLexicon } from '../../../utils/engine/lexicon';
import {
  SHADOW_ELEMENTS_PER_STEP,
  compareRanges,
  composedCompare,
  composedContains,
  customElementShadowRootSteps,
  openShadowRoots,
  shadowRootOf,
  shadowRootSteps,
} from '../../../utils/engine/shadow';
import { scanShadowRoots } from '../../../utils/engine/shadow-scan';
import { closePage, loadHtml } from '../../fixtures/engine/dom';
import type { LoadedPage } from '../../fixtures/engine/dom';
import { TEST_VENDORS } from '../../fixtures/engine/vendors';

const lexicon = buildLexicon(TEST_VENDORS);
const patterns = lexicon.gate();

let page: LoadedPage | undefined;
afterEach(async () => {
  if (page !== undefined) await closePage(page);
  page = undefined;
});

/** A page whose elements with `data-shadow` get an open (or, with `data-closed`, closed) root holding that HTML. */
function load(html: string): Document {
  page = loadHtml(`<!doctype html><html><body>${html}</body></html>`);
  const doc = page.document;
  const attach = (scope: ParentNode) => {
    for (const host of Array.from(scope.querySelectorAll<HTMLElement>('[data-shadow]'))) {
      const mode = host.hasAttribute('data-closed') ? 'closed' : 'open';
      const root = host.attachShadow({ mode });
      const parsed = new page!.window.DOMParser().parseFromString(host.dataset.shadow!, 'text/html');
      root.append(...(Array.from(parsed.body.childNodes) as unknown as Node[]));
      attach(root);
    }
  };
  attach(doc);
  return doc;
}

/** The ids of the hosts `customElementShadowRootSteps` finds under `root`, run to the end. */
function customHosts(root: Node): string[] {
  const steps = customElementShadowRootSteps(root);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value.map((r) => (r.host as Element).id);
}

function text(node: Node | null | undefined): string {
  return node?.textContent ?? '';
}

describe('open shadow roots', () => {
  it('finds open roots in host order, a tree before the roots nested in it, closed roots never', () => {
    const doc = load(
      '<div id="a" data-shadow="<p>A</p><span id=&quot;n&quot; data-shadow=&quot;<b>nested</b>&quot;></span>"></div>' +
        '<div id="c" data-closed data-shadow="<p>closed</p>"></div>' +
        '<section><x-card id="b" data-shadow="<p>B</p>"></x-card></section>',
    );
    const roots = openShadowRoots(doc.body);
    expect(roots.map((r) => (r.host as HTMLElement).id)).toEqual(['a', 'b', 'n']);
    expect(roots.map((r) => text(r))).toEqual(['A', 'B', 'nested']);
    // The search can start at a host.
    expect(openShadowRoots(doc.getElementById('b')!).map((r) => text(r))).toEqual(['B']);
    expect(openShadowRoots(doc.body, 2)).toHaveLength(2);
  });

  it('pauses every SHADOW_ELEMENTS_PER_STEP elements', () => {
    const doc = load(
      '<p></p>'.repeat(SHADOW_ELEMENTS_PER_STEP * 2 + 10) + '<i data-shadow="<p>end</p>"></i>',
    );
    const steps = shadowRootSteps(doc.body);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses += 1;
    expect(pauses).toBe(2);
    expect(step.value.map((r) => text(r))).toEqual(['end']);
  });

  it('orders nodes across trees at their hosts, and ranges with it', () => {
    const doc = load(
      '<p id="before">Before</p><div id="host" data-shadow="<p>Inside</p>"><span id="light">light</span></div>' +
        '<p id="after">After</p>',
    );
    const before = doc.getElementById('before')!.firstChild!;
    const after = doc.getElementById('after')!.firstChild!;
    const light = doc.getElementById('light')!.firstChild!;
    const host = doc.getElementById('host')!;
    const inside = host.shadowRoot!.firstChild!.firstChild!;
    expect(composedCompare(before, inside)).toBeLessThan(0);
    expect(composedCompare(inside, after)).toBeLessThan(0);
    expect(composedCompare(after, inside)).toBeGreaterThan(0);
    // A host comes before its shadow content, which comes before its light children.
    expect(composedCompare(host, inside)).toBeLessThan(0);
    expect(composedCompare(inside, light)).toBeLessThan(0);
    expect(composedCompare(inside, inside)).toBe(0);

    const range = (node: Node) => {
      const r = doc.createRange();
      r.setStart(node, 0);
      r.setEnd(node, 1);
      return r;
    };
    const sorted = [range(after), range(inside), range(before)].sort(compareRanges);
    expect(sorted.map((r) => text(r.startContainer))).toEqual(['Before', 'Inside', 'After']);

    expect(composedContains(host, inside)).toBe(true);
    expect(composedContains(doc.body, inside)).toBe(true);
    expect(composedContains(doc.getElementById('after')!, inside)).toBe(false);
    expect(shadowRootOf(inside)).toBe(host.shadowRoot);
    expect(shadowRootOf(before)).toBeNull();
  });

  it('the whole-text test reads the open roots of custom elements after the light DOM, never closed ones', () => {
    const run = (html: string) => {
      const doc = load(html);
      const steps = wholeTextSteps(doc.body, patterns);
      let step = steps.next();
      while (!step.done) step = steps.next();
      return step.value !== 'none';
    };
    expect(run('<p>Weather</p><news-card data-shadow="<p>Cameras by Hikvision.</p>"></news-card>')).toBe(
      true,
    );
    // A root nested in a component's root, on any element.
    expect(
      run('<p>Weather</p><news-card data-shadow="<div data-shadow=&quot;Dahua&quot;></div>"></news-card>'),
    ).toBe(true);
    expect(run('<p>Weather</p><news-card data-closed data-shadow="<p>Hikvision</p>"></news-card>')).toBe(
      false,
    );
    expect(run('<p>Weather</p><news-card data-shadow="<p>a hike</p>"></news-card>')).toBe(false);
    expect(mayHoldMention('a hike', patterns)).toBe(false);
    // A root on a standard element is left to the engine's full search (`shadowRootSteps`, below).
    expect(run('<p>Weather</p><div data-shadow="<p>Cameras by Hikvision.</p>"></div>')).toBe(false);
  });

  it('finds the roots of custom elements, the host itself included, and the roots nested in them', () => {
    const doc = load(
      '<x-a id="a" data-shadow="<span id=&quot;in&quot; data-shadow=&quot;<i>n</i>&quot;></span>"></x-a>' +
        '<div id="d" data-shadow="<b>d</b>"></div><x-b id="b"></x-b><x-c id="c" data-shadow="<b>c</b>"></x-c>',
    );
    expect(customHosts(doc.body)).toEqual(['a', 'in', 'c']);
    expect(customHosts(doc.getElementById('c')!)).toEqual(['c']);
    expect(openShadowRoots(doc.body).map((r) => (r.host as Element).id)).toEqual(['a', 'd', 'c', 'in']);
  });

  it("never searches our own UI's root (the hover card quotes the vendors' names)", () => {
    const doc = load(
      '<x-a id="a" data-shadow="<p>Dahua</p>"></x-a>' +
        '<vendor-lens-card id="card" data-vendor-lens="" data-shadow="<p>Hikvision USA</p>"></vendor-lens-card>' +
        '<div id="d" data-vendor-lens="" data-shadow="<p>Hytera</p>"></div>',
    );
    expect(customHosts(doc.body)).toEqual(['a']);
    expect(openShadowRoots(doc.body).map((r) => (r.host as Element).id)).toEqual(['a']);
    expect(customHosts(doc.getElementById('card')!)).toEqual([]);
  });

  it('scans the element children of each root into live ranges inside the shadow tree', () => {
    const doc = load(
      '<p>Light text.</p><div id="h" data-shadow="<style>p{}</style><p>Cameras by Hikvision here.</p>"></div>' +
        '<div data-closed data-shadow="<p>Dahua in a closed root.</p>"></div>',
    );
    const roots = openShadowRoots(doc.body);
    const steps = scanShadowRoots(
      doc,
      roots,
      () => ({ lexicon, gate: patterns }),
      () => false,
    );
    let step = steps.next();
    while (!step.done) step = steps.next();
    const { mentions, truncated } = step.value;
    expect(truncated).toBe(false);
    expect(mentions.map((m) => [m.vendor, m.text])).toEqual([['hikvision', 'Hikvision']]);
    expect(mentions[0]!.range.toString()).toBe('Hikvision');
    expect(shadowRootOf(mentions[0]!.range.startContainer)).toBe(doc.getElementById('h')!.shadowRoot);
  });
});
