import type { Plugin } from 'vite';

/**
 * Removes Preact's only HTML sink (`dangerouslySetInnerHTML` → `el.innerHTML = …`) from the bundle.
 *
 * Vendor Lens renders page and dataset text as text only; ESLint already forbids `dangerouslySetInnerHTML`, and
 * with this transform the shipped code cannot set HTML even by mistake (addons-linter then reports no
 * UNSAFE_VAR_ASSIGNMENT). The build fails if the pattern is no longer found, so a Preact upgrade cannot silently
 * bring the sink back.
 */
export function noHtmlSinks(): Plugin {
  const PREACT_DIST = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(?:mjs|module\.js|js)$/;
  const SET_HTML = /(\b[\w$]+)\.innerHTML=([\w$]+)\.__html/g;
  const CLEAR_HTML = /(\b[\w$]+)\.innerHTML=""/g;
  return {
    name: 'vendor-lens:no-html-sinks',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT_DIST.test(id.split('?')[0] ?? id)) return null;
      let replaced = 0;
      const out = code
        .replace(SET_HTML, () => {
          replaced += 1;
          return '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Vendor Lens")})()';
        })
        .replace(CLEAR_HTML, (_match, el: string) => `${el}.textContent=""`);
      if (replaced === 0) {
        this.error(`no-html-sinks: Preact's innerHTML assignment was not found in ${id}; update the pattern`);
      }
      return { code: out, map: null };
    },
  };
}
