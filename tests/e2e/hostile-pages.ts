/**
 * Hostile pages for the e2e suite, generated in memory. Every page starts with PROBES: a 10 ms heartbeat that
 * records the largest gap between its ticks after `load`, a main-world error recorder, and the page's own
 * MutationObserver log (from DOMContentLoaded on).
 */

/** Nonce for the inline scripts, so the strict-CSP page can run its probes. */
export const NONCE = 'vlhostile';

const PROBES = `<script nonce="${NONCE}">
(function () {
  var w = window;
  w.__hb = { max: 0, ticks: 0, since: 0 };
  w.__errors = [];
  w.__mutations = 0;
  var setI = w.setInterval.bind(w);
  var now = performance.now.bind(performance);
  var last = now();
  var measuring = false;
  setI(function () {
    var t = now();
    if (measuring && t - last > w.__hb.max) w.__hb.max = t - last;
    last = t;
    w.__hb.ticks++;
  }, 10);
  w.addEventListener('load', function () { last = now(); w.__hb.since = last; measuring = true; });
  w.addEventListener('error', function (e) { w.__errors.push(String(e.message)); });
  w.addEventListener('unhandledrejection', function (e) { w.__errors.push('rejection ' + String(e.reason)); });
  var mo = new MutationObserver(function (records) { if (w.__recording) w.__mutations += records.length; });
  mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('DOMContentLoaded', function () { mo.takeRecords(); w.__recording = true; });
})();
</script>`;

function page(body: string, opts: { head?: string; dir?: string; script?: string } = {}): string {
  const script = opts.script ? `<script nonce="${NONCE}">${opts.script}</script>` : '';
  return (
    `<!doctype html><html lang="en"${opts.dir ? ` dir="${opts.dir}"` : ''}><head><meta charset="utf-8">` +
    `${opts.head ?? ''}<title>hostile</title>${PROBES}</head><body>${body}${script}</body></html>`
  );
}

const FILLER =
  'The committee reviewed the procurement rules for public buildings and asked for a report next spring. ';

export interface HostileCase {
  name: string;
  html: string;
  /** Expected badge text once the scan settles. */
  badge: string;
  /** Expected Vendor Lens highlight ranges (defaults to the badge number). */
  highlights?: number;
  /** The page mutates itself, so its own MutationObserver sees records not ours. */
  mutates?: boolean;
  /** How long the heartbeat is measured after load (ms). */
  windowMs?: number;
  /** Checked in the page's main world at the end; must return '' or a description of what is wrong. */
  check?: string;
  /** Pages the case's iframes load: on the page's origin, or on a second server (another port: cross-origin). */
  frames?: { path: string; html: string; crossOrigin: boolean }[];
}

/** A frame's document, with nothing but `body` (so that its `body.innerHTML` is exactly `body`). */
function framePage(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frame</title></head><body>${body}</body></html>`;
}

/** `crossOrigin`: the origin of a second fixture server, for the cross-origin iframe. */
export function hostileCases(crossOrigin = 'http://127.0.0.1:9'): HostileCase[] {
  const cases: HostileCase[] = [];

  // 5 MB of text, three mentions spread through it.
  {
    const para = `<p>${FILLER.repeat(20)}</p>`;
    const n = Math.ceil((5 * 1024 * 1024) / para.length);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      if (i === 10) parts.push('<p>Cameras from Hikvision were installed.</p>');
      if (i === Math.floor(n / 2)) parts.push('<p>Dahua recorders were bought.</p>');
      if (i === n - 10) parts.push('<p>Hytera radios were replaced.</p>');
      parts.push(para);
    }
    cases.push({ name: '5 MB of text', html: page(parts.join('')), badge: '3' });
  }

  // 100,000 elements, two mentions.
  {
    const parts: string[] = ['<p>Ezviz cameras at the start.</p>'];
    for (let i = 0; i < 10_000; i++) parts.push('<div><span>a</span><b>b</b><i>c</i><em>d</em></div>');
    for (let i = 0; i < 9_998; i++) parts.push(`<span>${i}</span>`);
    parts.push('<p>Hikvision at the end.</p>');
    cases.push({ name: '100,000 elements', html: page(parts.join('')), badge: '2' });
  }

  // Nesting 5,000 deep, a mention at the bottom and one at the top.
  {
    const depth = 5_000;
    const html = `<p>Dahua at the top.</p>${'<div>'.repeat(depth)}<p>Hytera at the bottom.</p>${'</div>'.repeat(depth)}`;
    cases.push({ name: 'nesting 5,000 deep', html: page(html), badge: '2' });
  }

  // 10,000 mentions: capped at 500.
  {
    const parts: string[] = [];
    for (let i = 0; i < 2_500; i++) parts.push('<p>Hikvision, Dahua, Hytera and Ezviz were named.</p>');
    cases.push({ name: '10,000 mentions (capped)', html: page(parts.join('')), badge: '500' });
  }

  // Mutating every 10 ms for 10 s (no new mentions: the counter and a churned list).
  cases.push({
    name: 'mutating every 10 ms for 10 s',
    html: page('<p>Hikvision cameras.</p><p id="tick">0</p><ul id="churn"></ul>', {
      script: `(function () {
        var n = 0, start = performance.now();
        var id = setInterval(function () {
          n++;
          document.getElementById('tick').textContent = String(n);
          var ul = document.getElementById('churn');
          var li = document.createElement('li');
          li.textContent = 'row ' + n + ' ' + '${FILLER}';
          ul.appendChild(li);
          if (ul.children.length > 50) ul.removeChild(ul.firstChild);
          if (performance.now() - start > 10000) { clearInterval(id); window.__mutDone = true; }
        }, 10);
      })();`,
    }),
    badge: '1',
    mutates: true,
    windowMs: 10_500,
  });

  // Infinite scroll: 20 appended paragraphs, one mention each, every 100 ms.
  cases.push({
    name: 'infinite-scroll appends',
    html: page('<p>Ezviz first.</p><div id="feed"></div>', {
      script: `(function () {
        var n = 0;
        var id = setInterval(function () {
          var p = document.createElement('p');
          p.textContent = 'Item ' + n + ': ${FILLER} Dahua was mentioned here.';
          document.getElementById('feed').appendChild(p);
          if (++n >= 20) clearInterval(id);
        }, 100);
      })();`,
    }),
    badge: '21',
    mutates: true,
  });

  // Form fields and contenteditable: never highlighted, never changed.
  cases.push({
    name: 'contenteditable and form fields',
    html: page(
      '<p>Only this Hytera counts.</p>' +
        '<input id="i" value="Hikvision Dahua"><textarea id="t">Dahua Ezviz</textarea>' +
        '<div id="ce" contenteditable="true">Hikvision in an editor</div>' +
        '<select><option>Hikvision</option></select>',
    ),
    badge: '1',
    check: `(function () {
      var bad = [];
      if (document.getElementById('i').value !== 'Hikvision Dahua') bad.push('input');
      if (document.getElementById('t').value !== 'Dahua Ezviz') bad.push('textarea');
      if (document.getElementById('ce').innerHTML !== 'Hikvision in an editor') bad.push('contenteditable');
      return bad.join(',');
    })()`,
  });

  // Strict CSP.
  cases.push({
    name: "strict CSP (default-src 'none')",
    html: page('<p>Hikvision and Dahua under a strict CSP.</p>', {
      head: `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${NONCE}'">`,
    }),
    badge: '2',
  });

  // Overridden prototypes and globals in the main world.
  cases.push({
    name: 'overridden prototypes and globals',
    html: page('<p>Hikvision and Ezviz on a hostile page.</p>', {
      script: `(function () {
          var boom = function () { throw new Error('page override called'); };
          String.prototype.normalize = boom;
          Node.prototype.appendChild = boom;
          Element.prototype.attachShadow = boom;
          document.createTreeWalker = boom;
          document.createRange = boom;
          window.fetch = boom;
          window.postMessage = boom;
          window.requestIdleCallback = boom;
          window.chrome = { runtime: { sendMessage: boom, id: 'forged' } };
          window.browser = { runtime: { sendMessage: boom } };
        })();`,
    }),
    badge: '2',
  });

  // RTL and vertical text.
  cases.push({
    name: 'RTL and vertical text',
    html: page(
      '<p dir="rtl">اشترت البلدية كاميرات Hikvision العام الماضي.</p>' +
        '<p style="writing-mode: vertical-rl">海康威视 Dahua 纵排</p>' +
        '<p><bdo dir="rtl">Hytera</bdo></p>',
      { dir: 'rtl' },
    ),
    badge: '4',
  });

  // Zero-width characters inside vendor names.
  cases.push({
    name: 'zero-width characters inside names',
    html: page('<p>Hik\u200Bvision and Da\u200Dhua and Hy\u00ADtera and Ez\uFEFFviz.</p>'),
    badge: '4',
  });

  // XSS strings next to mentions.
  cases.push({
    name: 'XSS strings next to mentions',
    html: page(
      '<p>Hikvision &lt;img src=x onerror="window.__xss=1"&gt; and ' +
        '<a href="javascript:window.__xss=2">Dahua</a> &lt;script&gt;window.__xss=3&lt;/script&gt;</p>' +
        '<p>&lt;svg onload=window.__xss=4&gt;Ezviz&lt;/svg&gt;</p>',
    ),
    badge: '3',
    check: `(window.__xss ? 'xss ran ' + window.__xss : '') +
      (document.querySelectorAll('img,svg,script:not([nonce])').length ? 'element injected' : '')`,
  });

  // Iframes, same origin (a URL and a srcdoc) and cross origin, each holding mentions. Vendor Lens reads the
  // document the reader reads (the top frame): the frames' mentions are not counted, and nothing in them changes.
  {
    const same = '<p>Hikvision cameras in a same-origin frame.</p>';
    const srcdoc = '<p>Dahua recorders in a srcdoc frame.</p>';
    const cross = '<p>Hytera radios in a cross-origin frame.</p>';
    cases.push({
      name: 'iframes (same and cross origin)',
      html: page(
        '<p>Ezviz in the top page.</p>' +
          '<iframe id="same" src="/h/frame-same.html"></iframe>' +
          `<iframe id="srcdoc" srcdoc="${framePage(srcdoc).replace(/"/g, '&quot;')}"></iframe>` +
          `<iframe id="cross" src="${crossOrigin}/h/frame-cross.html"></iframe>`,
      ),
      frames: [
        { path: '/h/frame-same.html', html: framePage(same), crossOrigin: false },
        { path: '/h/frame-cross.html', html: framePage(cross), crossOrigin: true },
      ],
      badge: '1',
      check: `(function () {
        var bad = [];
        [['same', ${JSON.stringify(same)}], ['srcdoc', ${JSON.stringify(srcdoc)}]].forEach(function (f) {
          var frame = document.getElementById(f[0]);
          var doc = frame.contentDocument;
          if (!doc || doc.body.innerHTML !== f[1]) bad.push(f[0] + ' frame changed');
          var registry = frame.contentWindow.CSS.highlights;
          if (registry && registry.size !== 0) bad.push(f[0] + ' frame highlighted');
          if (doc && doc.querySelector('vendor-lens-card, vendor-lens-mark')) bad.push(f[0] + ' frame has our UI');
        });
        var cross = document.getElementById('cross');
        try { cross.contentDocument && bad.push('cross frame readable: not cross-origin'); } catch (e) {}
        return bad.join(',');
      })()`,
    });
  }

  // Open shadow roots holding mentions (a plain host, a custom element, a root nested in a root) and a closed
  // root. The open roots' mentions count and are highlighted: each root that holds one adopts the highlight rules
  // (a constructed stylesheet; its markup is untouched). The closed root stays closed.
  {
    const inside = '<p>Hikvision inside an open shadow root.</p>';
    const custom = '<p>Hytera inside a custom element.</p><span id="inner"></span>';
    const nested = '<p>Ezviz in a root nested in a root.</p>';
    const closed = '<p>Dahua inside a closed shadow root.</p>';
    cases.push({
      name: 'open shadow roots',
      html: page(
        '<p>Dahua in the light DOM.</p><div id="host"></div><news-card id="card"></news-card>' +
          '<div id="closed"></div>',
        {
          script: `(function () {
          document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(inside)};
          document.getElementById('closed').attachShadow({ mode: 'closed' }).innerHTML = ${JSON.stringify(closed)};
          customElements.define('news-card', class extends HTMLElement {
            constructor() {
              super();
              var root = this.attachShadow({ mode: 'open' });
              root.innerHTML = ${JSON.stringify(custom)};
              root.getElementById('inner').attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(nested)};
            }
          });
        })();`,
        },
      ),
      badge: '4',
      check: `(function () {
        var bad = [];
        var on = CSS.highlights && CSS.highlights.size > 0;
        var card = document.getElementById('card').shadowRoot;
        [
          ['host', document.getElementById('host').shadowRoot, ${JSON.stringify(inside)}],
          ['card', card, ${JSON.stringify(custom)}],
          ['nested', card && card.getElementById('inner').shadowRoot, ${JSON.stringify(nested)}],
        ].forEach(function (h) {
          var root = h[1];
          if (!root || root.innerHTML !== h[2]) bad.push(h[0] + ' shadow tree changed');
          if (!root) return;
          var sheets = root.adoptedStyleSheets;
          if (sheets.length !== (on ? 1 : 0)) bad.push(h[0] + ' has ' + sheets.length + ' adopted sheets');
          for (var i = 0; i < sheets.length; i++) {
            var rules = sheets[i].cssRules;
            for (var j = 0; j < rules.length; j++) {
              var text = rules[j].cssText;
              var ours = ['::highlight(vendor-lens-', 'vendor-lens-mark', '@media'].some(function (p) {
                return text.indexOf(p) === 0;
              });
              if (!ours) bad.push('foreign rule ' + text);
            }
          }
        });
        return bad.join(',');
      })()`,
    });
  }

  // postMessage flood and forged extension-looking messages.
  cases.push({
    name: 'postMessage flood and forged messages',
    html: page('<p>Hytera and Ezviz.</p>', {
      script: `(function () {
        var forged = [
          { type: 'vendor-lens:scan' }, { type: 'pageReport', mentions: 9999 },
          { id: 1, type: 'getPageReport', data: null, timestamp: 1 },
          { source: 'vendor-lens', action: 'disable' }, { __proto__: { type: 'x' } },
          'vendor-lens', null, 42,
        ];
        var n = 0;
        var id = setInterval(function () {
          for (var i = 0; i < 200; i++) window.postMessage(forged[(n + i) % forged.length], '*');
          if (++n >= 50) clearInterval(id);
        }, 10);
      })();`,
    }),
    badge: '2',
    mutates: false,
  });

  return cases;
}
