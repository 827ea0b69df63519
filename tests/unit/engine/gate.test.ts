import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  GATE_CHARS_PER_STEP,
  GATE_NODES_PER_STEP,
  LARGE_ELEMENTS,
  LARGE_HTML_BYTES,
  RAW_TEXT_SKIP_CHARS,
  WHOLE_TEXT_GROUP,
  foldExotic,
  gateSteps,
  mayBeLarge,
  mayHoldMention,
  pageTestSteps,
  runGate,
  textOutsideRawText,
  walkPatterns,
  wholeTextSteps,
  wholeTextVerdict,
} from '../../../utils/engine/gate';
import { buildLexicon, defaultLexicon } from '../../../utils/engine/lexicon';
import { loadCases } from '../../fixtures/engine/harness';
import { closePage, loadHtml } from '../../fixtures/engine/dom';
import type { LoadedPage } from '../../fixtures/engine/dom';
import { TEST_VENDORS } from '../../fixtures/engine/vendors';

const lexicon = buildLexicon(TEST_VENDORS);

let page: LoadedPage | undefined;
afterEach(async () => {
  if (page !== undefined) await closePage(page);
  page = undefined;
});

function gate(body: string) {
  page = loadHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);
  return runGate(page.document, page.document.body, lexicon.gate());
}

describe('runGate', () => {
  it.each([
    'Hikvision',
    'HIKVISION',
    'Hik vision',
    'Hik-Connect',
    'Hikvison',
    'Hikivision',
    'Dahau',
    'Hyterra',
    'Ezvis',
    'Ｈｉｋｖｉｓｉｏｎ',
    'H\u200bikvision',
    'Hikvi\u00adsion',
    '海康威视',
    '大華',
    'HiLook',
    'Imou',
    'Sinclair Technologies',
    'Zhejiang Dahua Technology',
  ])('fires on %j', (text) => {
    expect(gate(`<p>Some text about ${text} here.</p>`).hits).toHaveLength(1);
  });

  it.each([
    'We went on a hike; hikers were hiking.',
    'Hi-Vision and HiVision and night vision',
    'Hyatt, hysteria, Hydra, rhythm',
    'Ezra and Ezekiel',
    'The Sinclair family in Hangzhou, Zhejiang',
    'Imouto',
  ])('stays quiet on %j', (text) => {
    expect(gate(`<p>${text}</p>`).hits).toHaveLength(0);
  });

  it('catches anchors split across inline elements', () => {
    expect(gate('<p>H<b>ik</b>vision</p>').hits.length).toBeGreaterThan(0);
    expect(gate('<p>E<i>z</i>viz</p>').hits.length).toBeGreaterThan(0);
    expect(gate('<p><a href="#">Hik</a><a href="#">-Connect</a></p>').hits.length).toBeGreaterThan(0);
    expect(gate('<p>海<b>康威视</b></p>').hits.length).toBeGreaterThan(0);
    expect(gate('<p><a href="#">Hik</a> <a href="#">Connect</a></p>').hits.length).toBeGreaterThan(0);
    expect(
      gate('<p><a href="#">Sinclair</a>\n  <a href="#">Technologies</a></p>').hits.length,
    ).toBeGreaterThan(0);
  });

  it('drops candidates inside excluded subtrees', () => {
    const result = gate(
      '<script>var a = "Hikvision";</script><textarea>Dahua</textarea><div hidden><p>Hytera</p></div>',
    );
    expect(result.hits).toHaveLength(0);
    expect(result.excluded).toBe(3);
  });

  it('skips large script text without testing it', () => {
    const big = `var x = "${'a'.repeat(5000)} Hikvision";`;
    const result = gate(`<script>${big}</script><p>plain</p>`);
    expect(result.hits).toHaveLength(0);
    expect(result.excluded).toBe(0);
  });

  it('does not join words across whitespace-only nodes without an anchor', () => {
    expect(gate('<p><b>Da</b> <b>hua</b></p>').hits).toHaveLength(0);
  });

  it('counts the text nodes it visited', () => {
    expect(gate('<p>a</p><p>b <b>Hikvision</b></p>').nodes).toBe(3);
  });

  it('does not walk a page whose whole text has no anchor', () => {
    expect(gate('<p>a</p><p>b <b>c</b> hiking and hikes</p>')).toEqual({
      hits: [],
      nodes: 0,
      chars: 0,
      excluded: 0,
    });
  });
});

describe('gateSteps (the walk in pieces)', () => {
  it('pauses every few thousand text nodes and finds what runGate finds', () => {
    const filler = Array.from({ length: 9000 }, (_, i) => `<span>w${i}</span>`).join('');
    const result = gate(`<p>${filler}</p><p>Cameras by Hik<b>vision</b>.</p><p>Dahua</p>`);
    const steps = gateSteps(page!.document, page!.document.body, lexicon.gate());
    let pauses = 0;
    let last;
    for (;;) {
      const step = steps.next();
      if (step.done) {
        last = step.value;
        break;
      }
      pauses += 1;
    }
    expect(pauses).toBe(Math.floor(result.nodes / GATE_NODES_PER_STEP));
    expect(pauses).toBeGreaterThanOrEqual(2);
    expect(last.hits.map((t) => t.data)).toEqual(result.hits.map((t) => t.data));
    expect(last.hits.map((t) => t.data)).toEqual(['Cameras by Hik', 'vision', 'Dahua']);
    // The characters it walked: what decides whether the page is small enough to send for extraction.
    expect(last.chars).toBe(page!.document.body.textContent?.length);
    expect(last.chars).toBe(result.chars);
  });

  it('also pauses after a quarter of a million characters in a few long nodes', () => {
    const long = 'The committee met again. '.repeat(Math.ceil(GATE_CHARS_PER_STEP / 25));
    const result = gate(`<p>${long}</p><p>${long}</p><p>${long} Hikvision.</p><p>${long}</p>`);
    const steps = gateSteps(page!.document, page!.document.body, lexicon.gate());
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses += 1;
    expect(result.nodes).toBe(4);
    expect(pauses).toBe(3);
    expect(step.value.hits).toHaveLength(1);
    expect(step.value.chars).toBe(4 * long.length + ' Hikvision.'.length);
  });
});

describe('mayHoldMention (the whole-text check before the walk)', () => {
  const patterns = lexicon.gate();

  it.each([
    'Cameras by Hikvision.',
    'HIKVISION',
    'Hik vision',
    'Dahua',
    'Hytera',
    'EZVIZ',
    '海康威视',
    '大华',
    'H\u00ADik\u200Bvision',
    '\uFF28\uFF49\uFF4B\uFF56\uFF49\uFF53\uFF49\uFF4F\uFF4E',
    'D\u200Dahua',
  ])('fires on %j', (text) => {
    expect(mayHoldMention(text, patterns)).toBe(true);
  });

  it.each(['', 'hiking hikes', 'a hike', 'Dah!', 'zero\u200Bwidth everywhere', 'Ｈｅｌｌｏ'])(
    'stays quiet on %j',
    (text) => {
      expect(mayHoldMention(text, patterns)).toBe(false);
    },
  );

  it('folds only around the exotic characters, and agrees with folding the whole text', () => {
    const filler = 'The committee met again on Tuesday. '.repeat(200);
    const cases = [
      // A name with a soft hyphen deep in a long text, other exotic characters far before and after it.
      `\u200B${filler}Hik\u00ADvision${filler}\u200D`,
      // Ignorable characters between every letter: the windows merge along the name.
      `${filler}H\u200Bi\u200Bk\u200Bv\u200Bi\u200Bs\u200Bi\u200Bo\u200Bn${filler}`,
      // Full-width letters at the very start and end of the text.
      `\uFF25\uFF5A\uFF56\uFF49\uFF5A${filler}`,
      `${filler}\uFF24\uFF41\uFF48\uFF55\uFF41`,
      // Exotic characters, and names only when folded across the whole text: none here.
      `Hi\u200B! ${filler}kvision, a hike\u00AD.`,
      `${filler}zero\u200Bwidth, Ｈｅｌｌｏ, soft\u00ADhyphen${filler}`,
    ];
    const folded = (text: string) =>
      patterns.prefilter.test(text) && patterns.anchored.test(foldExotic(text));
    expect(cases.map((text) => mayHoldMention(text, patterns))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    for (const text of cases) expect(mayHoldMention(text, patterns)).toBe(folded(text));
  });

  it('tells a word-start anchor from anchors only inside words, which the walk then rules out or confirms', () => {
    expect(wholeTextVerdict('Cameras by Hikvision.', patterns)).toBe('word');
    expect(wholeTextVerdict('海康威视', patterns)).toBe('word');
    expect(wholeTextVerdict('H\u00ADik\u200Bvision', patterns)).toBe('word');
    expect(wholeTextVerdict('a hike', patterns)).toBe('none');
    // Corpus pages that woke the engine for nothing: English, Czech, user names, an inline script's id.
    for (const text of ['a violent rhythm game', 'chytře ale', 'Yoshikitty', 'RxhLmJql_Z5GEZvpiQ1'])
      expect(wholeTextVerdict(text, patterns)).toBe('glued');
    // One word-start name anywhere makes it a word.
    expect(wholeTextVerdict('a rhythm game by Dahua', patterns)).toBe('word');

    const test = (body: string) => {
      gate(body);
      const steps = pageTestSteps(page!.document, page!.document.body, patterns);
      let step = steps.next();
      while (!step.done) step = steps.next();
      return step.value;
    };
    expect(test('<p>A violent rhythm game.</p><p>by Yoshikitty</p>')).toBe(false);
    // Joined, the text reads "Visithikvision.com"; the walk sees the name at the start of its node.
    expect(test('<p><span>Visit</span><a>hikvision.com</a></p>')).toBe(true);
    expect(test('<p>Ca<b>meras</b> by Hik<b>vision</b></p>')).toBe(true);
    // Inside words in the text, and inside a script: no candidate for the walk either.
    expect(test('<p>rhythm</p><script>var id = "Z5GEZvpiQ";</script>')).toBe(false);
    expect(test('<p>Weather</p>')).toBe(false);
  });

  it('reads a name split over inline elements as one word, like the walk', () => {
    expect(mayHoldMention('H' + 'ik' + 'vision', patterns)).toBe(true);
    expect(gate('<p>H<b>ik</b>vision</p>').hits).toHaveLength(2);
  });

  it('reads the same in pieces (wholeTextSteps) as in one textContent, comments left out', () => {
    const run = (body: string) => {
      gate(body);
      const steps = wholeTextSteps(page!.document.body, patterns, true);
      let pauses = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) pauses += 1;
      expect(step.value).toBe(wholeTextVerdict(page!.document.body.textContent ?? '', patterns));
      return { hit: step.value !== 'none', pauses };
    };
    expect(run('<div><div><p>Cameras by Hik</p><p>vision.</p></div></div>')).toEqual({
      hit: true,
      pauses: 0,
    });
    expect(run('<main><p>Rain</p><!-- Hikvision --><p>today</p></main>')).toEqual({
      hit: false,
      pauses: 0,
    });
    expect(run('<div>Da<b>hua</b></div>')).toEqual({ hit: true, pauses: 0 });
    // 600 paragraphs: read in groups of WHOLE_TEXT_GROUP, pausing between them, with a name across an edge.
    const para = 'The committee met again. '.repeat(20);
    const paras = Array.from({ length: 600 }, () => `<p>${para}</p>`);
    expect(run(paras.join(''))).toEqual({ hit: false, pauses: Math.ceil(600 / WHOLE_TEXT_GROUP) - 1 });
    paras[WHOLE_TEXT_GROUP - 1] = `<p>${para}Hik</p>`;
    paras[WHOLE_TEXT_GROUP] = `<p>vision${para}</p>`;
    const split = run(`<div>${paras.join('')}</div>`);
    expect(split.hit).toBe(true);
    expect(split.pauses).toBe(1);
    // A node with more children than a group is cut by offset: same text, comments still left out, and a name
    // across the edge of two spans (child 255 | child 256) still read. (happy-dom's Range.toString is slow on
    // wide nodes, so the node is only a little wider than a group here.)
    const wide = Array.from({ length: 200 }, (_, i) => `<span>${i} </span><!-- Hikvision -->`);
    expect(run(`<div>${wide.join('')}</div>`)).toEqual({ hit: false, pauses: 1 });
    wide[WHOLE_TEXT_GROUP / 2 - 1] = '<span>x</span><b>Hik</b>';
    wide[WHOLE_TEXT_GROUP / 2] = '<i>vision</i>';
    expect(run(`<div>${wide.join('')}</div>`)).toEqual({ hit: true, pauses: 1 });
    // A node and a run of children in one group.
    const runOf = Array.from({ length: 300 }, (_, i) => `<span>${i} </span>`);
    runOf[0] = '<span>vision cameras </span>';
    expect(run(`<p>Hik</p><div>${runOf.join('')}</div>`)).toEqual({ hit: true, pauses: 0 });
  });

  it('reads the page as it is when it changes between two pieces', () => {
    const children = Array.from({ length: 300 }, (_, i) => `<span>${i} </span>`);
    // The first child of the second run of children.
    children[WHOLE_TEXT_GROUP] = '<span>Hikvision </span>';
    const start = (body: string) => {
      gate(`<div>${body}</div>`);
      const steps = wholeTextSteps(page!.document.body, patterns, true);
      expect(steps.next().done).toBe(false);
      return { steps, div: page!.document.body.firstElementChild! };
    };
    const finish = (steps: Generator<void, unknown, void>) => {
      let step = steps.next();
      while (!step.done) step = steps.next();
      return step.value;
    };
    // Children already read are removed: the next run still starts at its own first child, not at an offset
    // that now points 10 children further.
    let { steps, div } = start(children.join(''));
    for (let i = 0; i < 10; i++) div.firstChild!.remove();
    expect(finish(steps)).toBe('word');
    // The next run's last child is removed: its text cannot be located, and the walk decides.
    ({ steps, div } = start(children.join('')));
    div.lastChild!.remove();
    expect(finish(steps)).toBe('glued');
  });

  it('reads a small page in one textContent, and only a large one in pieces', () => {
    const count = (body: string, large?: boolean) => {
      gate(body);
      const steps = wholeTextSteps(page!.document.body, patterns, large);
      let pauses = 0;
      for (let step = steps.next(); !step.done; step = steps.next()) pauses += 1;
      return pauses;
    };
    const paras = `<p>${'The committee met again. '.repeat(20)}</p>`.repeat(600);
    expect(count(paras)).toBe(0);
    expect(mayBeLarge(page!.document.body)).toBe(false);
    expect(count(paras, true)).toBe(Math.ceil(600 / WHOLE_TEXT_GROUP) - 1);
    // Many elements: counted natively, without reading them.
    gate('<div><i>a</i></div>'.repeat(LARGE_ELEMENTS / 2 + 1));
    expect(mayBeLarge(page!.document.body)).toBe(true);
    expect(mayBeLarge(page!.document.body.firstElementChild!)).toBe(false);
    // A document that arrived as megabytes of HTML, whatever its element count.
    gate('<p>Rain</p>');
    const perf = page!.window.performance;
    const entries = vi
      .spyOn(perf, 'getEntriesByType')
      .mockImplementation((type: string) =>
        type === 'navigation' ? ([{ decodedBodySize: LARGE_HTML_BYTES + 1 }] as never) : [],
      );
    try {
      expect(mayBeLarge(page!.document.body)).toBe(true);
      // A subtree a rescan reads is judged by its own size, not the page's.
      expect(mayBeLarge(page!.document.body.firstElementChild!)).toBe(false);
    } finally {
      entries.mockRestore();
    }
    expect(mayBeLarge(page!.document.body)).toBe(false);
  });

  it('reads around a lot of raw text (textOutsideRawText), and a little of it at once', () => {
    const verdict = (root: Node) => {
      const steps = wholeTextSteps(root, patterns, false);
      for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
      }
    };
    // A few hundred characters of inline CSS: one textContent, as before.
    gate('<p>Rain</p><style>.hikvision-logo { color: red }</style><p>today</p>');
    const small = page!.document.body;
    expect(textOutsideRawText(small)).toBe(small.textContent);
    expect(verdict(small)).toBe('word');
    // Over RAW_TEXT_SKIP_CHARS of it: the CSS's class name no longer wakes the engine, and the text on both
    // sides is read, joined as textContent joins it (a name around a script still reads as one word).
    const css = '.hikvision-logo { color: red } '.repeat(Math.ceil(RAW_TEXT_SKIP_CHARS / 30));
    gate(`<p>Rain</p><style>${css}</style><p>today</p>`);
    const large = page!.document.body;
    expect(textOutsideRawText(large)).toBe('Raintoday');
    expect(wholeTextVerdict(large.textContent ?? '', patterns)).toBe('word');
    expect(verdict(large)).toBe('none');
    gate(
      `<p>Rain today.</p><style>${css}</style><noscript><style>${css}</style>x</noscript>` +
        `<p>Hik<script>var a = "${'x'.repeat(RAW_TEXT_SKIP_CHARS)}";</script>vision</p><textarea>Dahua</textarea>`,
    );
    expect(textOutsideRawText(page!.document.body)).toBe('Rain today.Hikvision');
    expect(verdict(page!.document.body)).toBe('word');
    // A text node has no elements to skip.
    expect(textOutsideRawText(page!.document.createTextNode('Dahua'))).toBe('Dahua');
  });

  it('folds full-width letters and drops ignorable characters', () => {
    expect(foldExotic('\uFF28i\u00ADk\u200Bv')).toBe('Hikv');
  });
});

describe("the boot's walk (pageTestSteps, for pages whose anchors all sit inside words)", () => {
  it('finds a candidate in every labeled case with a mention (split names at seams included), none in rhythm', () => {
    const patterns = walkPatterns(defaultLexicon().gate());
    // Every case the engine must find (hard cases are reported by the eval, not required).
    const cases = loadCases().filter((c) => c.expected.length > 0 && c.hard !== true);
    expect(cases.length).toBeGreaterThan(100);
    const missed: string[] = [];
    for (const c of cases) {
      page = loadHtml(`<!doctype html><html><head><title>t</title></head><body>${c.html}</body></html>`);
      if (runGate(page.document, page.document.body, patterns, true).hits.length === 0) missed.push(c.id);
      page.window.close();
      page = undefined;
    }
    expect(missed).toEqual([]);
    page = loadHtml('<!doctype html><html><body><p>A rhythm game by Yoshikitty.</p></body></html>');
    expect(runGate(page.document, page.document.body, patterns, true).hits).toEqual([]);
  });
});
