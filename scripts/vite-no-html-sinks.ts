import type { Plugin } from 'vite';

/**
 * Removes the HTML sinks of the libraries we bundle, so the shipped code cannot parse a string as HTML:
 *
 * - Preact's only sink (`dangerouslySetInnerHTML` → `el.innerHTML = …`) becomes a throw. Vendor Lens renders
 *   page and dataset text as text only, and ESLint already forbids `dangerouslySetInnerHTML`.
 * - @mozilla/readability round-trips HTML strings twice: its retry cache (`page.innerHTML` saved, then assigned
 *   back) and the `<noscript>` image recovery (`tmp.innerHTML = noscript.innerHTML`). Both become DOM clones,
 *   which keep the same nodes and attributes without parsing anything.
 *
 * addons-linter then reports no UNSAFE_VAR_ASSIGNMENT. The build fails if a pattern is no longer found, so a
 * library upgrade cannot silently bring a sink back. The unit tests run with this plugin too (vitest.config.ts),
 * so they exercise the code that ships.
 */
interface Rewrite {
  name: string;
  file: RegExp;
  replacements: { find: RegExp | string; replace: string | ((...groups: string[]) => string) }[];
}

const REWRITES: Rewrite[] = [
  {
    name: 'Preact',
    file: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(?:mjs|module\.js|js)$/,
    replacements: [
      {
        find: /(\b[\w$]+)\.innerHTML=([\w$]+)\.__html/g,
        replace: '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Vendor Lens")})()',
      },
      { find: /(\b[\w$]+)\.innerHTML=""/g, replace: (_m, el) => `${el}.textContent=""` },
    ],
  },
  {
    name: 'Readability',
    file: /[\\/]node_modules[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/,
    replacements: [
      { find: 'var pageCacheHtml = page.innerHTML;', replace: 'var pageCacheHtml = page.cloneNode(true);' },
      {
        find: 'page.innerHTML = pageCacheHtml;',
        replace: 'page.replaceChildren(...Array.from(pageCacheHtml.cloneNode(true).childNodes));',
      },
      {
        find: 'tmp.innerHTML = noscript.innerHTML;',
        replace: 'tmp.replaceChildren(...Array.from(noscript.cloneNode(true).childNodes));',
      },
    ],
  },
];

export function noHtmlSinks(): Plugin {
  return {
    name: 'vendor-lens:no-html-sinks',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0] ?? id;
      const rewrite = REWRITES.find((r) => r.file.test(path));
      if (!rewrite) return null;
      let out = code;
      for (const { find, replace } of rewrite.replacements) {
        const before = out;
        out =
          typeof find === 'string'
            ? out.split(find).join(typeof replace === 'string' ? replace : replace(find))
            : out.replace(find, replace as string);
        if (out === before) {
          this.error(`no-html-sinks: ${rewrite.name} pattern ${String(find)} not found in ${id}; update it`);
        }
      }
      return { code: out, map: null };
    },
  };
}
