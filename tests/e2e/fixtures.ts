/**
 * Fixture pages for the e2e tests, built from real corpus pages (../shared/corpus/pages) with vendor sentences
 * inserted into article paragraphs, so the DOM around each mention is a real site's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from './harness';
import { REPO_ROOT } from './harness/paths';
import type { FixtureServer } from './harness';

export interface InsertedSentence {
  text: string;
  /** The mentions the sentence holds, by vendor, in order. */
  vendors: string[];
}

export const SENTENCES: InsertedSentence[] = [
  {
    text: 'Local councils bought cameras from Hikvision and Dahua last year.',
    vendors: ['hikvision', 'dahua'],
  },
  { text: "Police radios supplied by Hytera's US arm were replaced.", vendors: ['hytera'] },
  { text: 'A home camera sold under the EZVIZ brand was also tested.', vendors: ['ezviz'] },
];

/**
 * Installed first in <head>: records every DOM mutation delivered after the parser is done (from
 * DOMContentLoaded on), so the test can prove the extension changed nothing in the page.
 */
export const MUTATION_RECORDER = `<script>
(function () {
  var recording = false;
  window.__vlMutations = [];
  var observer = new MutationObserver(function (records) {
    if (!recording) return;
    records.forEach(function (r) {
      window.__vlMutations.push(r.type + ' ' + r.target.nodeName + ' ' +
        Array.prototype.map.call(r.addedNodes, function (n) { return n.nodeName; }).join(','));
    });
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('DOMContentLoaded', function () { observer.takeRecords(); recording = true; });
})();
</script>`;

/** The corpus page with its scripts removed, `sentences` appended to paragraphs 2, 4, 6... of its body. */
export function corpusWithMentions(name: string, sentences: readonly InsertedSentence[], head = ''): string {
  let html = readFileSync(join(CORPUS_DIR, `${name}.html`), 'utf8');
  html = html.replace(/<script\b[\s\S]*?<\/script>/gi, '');
  html = html.replace(/<head([^>]*)>/i, `<head$1><meta charset="utf-8">${head}`);
  const bodyStart = html.search(/<body\b/i);
  let count = 0;
  let next = 0;
  html =
    html.slice(0, bodyStart) +
    html.slice(bodyStart).replace(/<\/p>/gi, (close) => {
      count += 1;
      const sentence = count % 2 === 0 ? sentences[next] : undefined;
      if (!sentence) return close;
      next += 1;
      return ` ${sentence.text}${close}`;
    });
  if (next < sentences.length)
    throw new Error(`${name}: only ${next} of ${sentences.length} sentences placed`);
  return html;
}

/** Serves Preact's UMD builds at /vendor/preact.js and /vendor/hooks.js for the hydration fixture. */
export function servePreact(server: FixtureServer): void {
  const js = 'text/javascript; charset=utf-8';
  // The UMD builds are not in Preact's `exports`, so read them from the package folder.
  const dir = join(REPO_ROOT, 'node_modules/preact');
  server.add('/vendor/preact.js', readFileSync(join(dir, 'dist/preact.umd.js'), 'utf8'), js);
  server.add('/vendor/hooks.js', readFileSync(join(dir, 'hooks/dist/hooks.umd.js'), 'utf8'), js);
}

/** A server-rendered page that Preact hydrates half a second after load, then re-renders on a click. */
export const HYDRATION_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hydrated article</title></head>
<body>
<div id="app"><article><h1>Camera procurement</h1><p>Security cameras by <strong>Hikvision</strong> are common in schools.</p><button id="inc">clicked 0</button></article></div>
<script src="/vendor/preact.js"></script>
<script src="/vendor/hooks.js"></script>
<script>
  var h = preact.h;
  function App() {
    var state = preactHooks.useState(0);
    var n = state[0];
    return h('article', null,
      h('h1', null, 'Camera procurement'),
      h('p', null, 'Security cameras by ', h('strong', null, 'Hikvision'), ' are common in schools.'),
      h('button', { id: 'inc', onClick: function () { state[1](n + 1); } }, 'clicked ' + n),
      n > 0 ? h('p', { id: 'later' }, 'A Dahua recorder was added after the click.') : null);
  }
  setTimeout(function () {
    preact.hydrate(h(App), document.getElementById('app'));
    window.__hydrated = true;
  }, 500);
</script>
</body></html>`;
