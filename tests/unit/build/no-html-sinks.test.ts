import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noHtmlSinks } from '../../../scripts/vite-no-html-sinks';

type Transform = (
  this: { error(message: string): never },
  code: string,
  id: string,
) => { code: string } | null;

const plugin = noHtmlSinks();
const context = {
  error(message: string): never {
    throw new Error(message);
  },
};
const transform = (code: string, id: string) =>
  (plugin.transform as unknown as Transform).call(context, code, id);

const ASSIGNMENT = /\.innerHTML\s*=(?!=)/;

describe('no-html-sinks build transform', () => {
  const readabilityPath = resolve('node_modules/@mozilla/readability/Readability.js');
  const original = readFileSync(readabilityPath, 'utf8');

  it('leaves no innerHTML assignment in Readability', () => {
    expect(original).toMatch(ASSIGNMENT);
    const out = transform(original, readabilityPath);
    expect(out?.code).not.toMatch(ASSIGNMENT);
  });

  it('leaves no innerHTML assignment in Preact', () => {
    const path = resolve('node_modules/preact/dist/preact.mjs');
    const out = transform(readFileSync(path, 'utf8'), path);
    expect(out?.code).not.toMatch(ASSIGNMENT);
    expect(out?.code).toContain('dangerouslySetInnerHTML is disabled');
  });

  it('fails the build when a pattern disappears (a library upgrade)', () => {
    expect(() => transform('function Readability() {}', readabilityPath)).toThrow(/not found/);
  });

  it('ignores other modules', () => {
    expect(transform('x.innerHTML = y', '/src/other.js')).toBeNull();
  });

  it('keeps Readability working, retry path included, with DOM clones instead of HTML strings', () => {
    const code = transform(original, readabilityPath)?.code ?? '';
    const module = { exports: {} as unknown };
    new Function('module', 'exports', code)(module, module.exports);
    const Rewritten = module.exports as new (doc: Document) => { parse(): { textContent: string } | null };
    // Too little text in the first pass makes Readability restore its cached copy of the page and retry.
    const doc = document.implementation.createHTMLDocument('Retry');
    const side = doc.createElement('div');
    side.className = 'comment sidebar';
    const p = doc.createElement('p');
    p.textContent = 'Hikvision cameras were removed from the building after the review. '.repeat(12);
    const ns = doc.createElement('noscript');
    ns.append(doc.createElement('img'));
    side.append(p, ns);
    doc.body.append(side);
    const article = new Rewritten(doc).parse();
    expect(article?.textContent).toContain('Hikvision cameras were removed');
  });
});
