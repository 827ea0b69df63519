import { afterEach, describe, expect, it } from 'vitest';
import { isExcludedElement, OWN_UI_ATTR } from '../../../utils/engine/dom';
import { BLOCK_SEPARATOR as SEP } from '../../../utils/engine/normalize';
import { buildTextIndex, nodesInSpan, positionAt, positionBefore } from '../../../utils/engine/text-index';
import { closePage, loadHtml } from '../../fixtures/engine/dom';
import type { LoadedPage } from '../../fixtures/engine/dom';

let page: LoadedPage | undefined;
afterEach(async () => {
  if (page !== undefined) await closePage(page);
  page = undefined;
});

function index(body: string) {
  page = loadHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);
  return buildTextIndex(page.document.body);
}

describe('buildTextIndex', () => {
  it('joins inline elements and separates blocks', () => {
    expect(index('<p>Hik<em>vision</em> and <b>Da</b>hua</p><p>next</p>').text).toBe(
      `Hikvision and Dahua${SEP}next`,
    );
    expect(index('<ul><li>Da</li><li>hua</li></ul>').text).toBe(`Da${SEP}hua`);
    expect(index('<p>Hik<br>vision</p>').text).toBe(`Hik${SEP}vision`);
    expect(index('<p>x<div>y</div>z</p>').text).toContain(SEP);
    expect(index('<button>Hikvision</button><label>Dahua</label>').text).toBe(`Hikvision${SEP}Dahua`);
  });

  it('skips excluded subtrees', () => {
    const text = index(
      `<p>a</p><script>s</script><style>t</style><textarea>u</textarea><select><option>v</option></select>` +
        `<noscript>w</noscript><div hidden>x</div><span aria-hidden="true">y</span><div contenteditable>z</div>` +
        `<div style="display: none">q</div><div ${OWN_UI_ATTR}>r</div><p>b</p>`,
    ).text;
    expect(text.replace(new RegExp(SEP, 'g'), '|')).toBe('a|b');
  });

  it('maps offsets to text nodes and back', () => {
    const idx = index('<p>ab<em>cd</em>ef</p>');
    expect(idx.segments.map((s) => [s.node.data, s.start, s.end])).toEqual([
      ['ab', 0, 2],
      ['cd', 2, 4],
      ['ef', 4, 6],
    ]);
    expect(positionAt(idx, 2)).toMatchObject({ offset: 0 });
    expect(positionAt(idx, 2)?.node.data).toBe('cd');
    expect(positionBefore(idx, 4)?.node.data).toBe('cd');
    expect(positionBefore(idx, 4)?.offset).toBe(2);
    expect(nodesInSpan(idx, 1, 5).map((n) => n.data)).toEqual(['ab', 'cd', 'ef']);
    expect(positionAt(idx, 6)).toBeNull();
  });
});

describe('isExcludedElement', () => {
  it('reads tags and attributes only', () => {
    page = loadHtml(
      '<body><div id="a" contenteditable="false"></div><div id="b" style="visibility:collapse"></div>' +
        '<div id="c" style="display:block"></div><div id="d" aria-hidden="false"></div></body>',
    );
    const el = (id: string) => page!.document.getElementById(id)!;
    expect(isExcludedElement(el('a'))).toBe(false);
    expect(isExcludedElement(el('b'))).toBe(true);
    expect(isExcludedElement(el('c'))).toBe(false);
    expect(isExcludedElement(el('d'))).toBe(false);
  });
});
