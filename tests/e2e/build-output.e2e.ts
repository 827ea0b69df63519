/**
 * Static privacy checks on the built extension (`.output/chrome-mv3`, `.output/firefox-mv3`). They live in the
 * e2e folder because `npm test` runs the builds after the unit tests and before the e2e tests.
 *
 * - permissions are exactly the ones PRIVACY.md justifies, and no host permissions;
 * - extension pages carry our strict CSP (`EXTENSION_PAGES_CSP`: only the package's own files, `connect-src
 *   'none'`, no `unsafe-eval`, no `unsafe-inline`, no remote source);
 * - Firefox declares `data_collection_permissions: { required: ['none'] }`;
 * - no `http(s)://` URL in any built script or page other than the dataset's source links (data shown as
 *   links, never fetched), XML namespace URIs and a few URLs in library comments/error messages (listed).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness/paths';
import { EXTENSION_PAGES_CSP } from '../../wxt.config';

const OUT = join(REPO_ROOT, '.output');

/** URLs allowed in the built code besides the dataset's sources. */
const ALLOWED_URLS = new Set([
  'http://',
  'https://',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/2000/svg',
  // Error messages / comments of WXT and Preact, never requested.
  'https://developer.mozilla.org/en-US/docs/Web/API/Element/attachShadow',
  'https://github.com/wxt-dev/wxt/issues/371',
  'https://wxt.dev/guide/go-further/testing.html',
]);

const URL_RE = /https?:\/\/[a-zA-Z0-9./_-]*/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function datasetUrls(): Set<string> {
  const dir = join(REPO_ROOT, 'data');
  const urls = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    for (const m of readFileSync(join(dir, name), 'utf8').matchAll(URL_RE)) urls.add(m[0]);
  }
  return urls;
}

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  content_security_policy?: unknown;
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { required?: string[] } } };
}

function manifest(target: string): Manifest {
  return JSON.parse(readFileSync(join(OUT, target, 'manifest.json'), 'utf8')) as Manifest;
}

describe('build output: privacy', () => {
  const targets = ['chrome-mv3', 'firefox-mv3'] as const;

  it('both builds exist (run `npx wxt build && npx wxt build -b firefox` first)', () => {
    for (const t of targets) expect(existsSync(join(OUT, t, 'manifest.json')), t).toBe(true);
  });

  it('asks for exactly the permissions PRIVACY.md justifies', () => {
    expect(manifest('chrome-mv3').permissions).toEqual(['storage', 'offscreen']);
    expect(manifest('firefox-mv3').permissions).toEqual(['storage']);
    for (const t of targets) {
      expect(manifest(t).host_permissions ?? [], t).toEqual([]);
      expect(manifest(t).optional_permissions ?? [], t).toEqual([]);
    }
  });

  it('gives extension pages the strict CSP: package files only, no connection', () => {
    for (const t of targets) {
      const csp = manifest(t).content_security_policy as { extension_pages?: string } | undefined;
      expect(csp?.extension_pages, t).toBe(EXTENSION_PAGES_CSP);
      expect(JSON.stringify(csp), t).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
      const directives = new Map(
        EXTENSION_PAGES_CSP.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values.join(' ')] as const;
        }),
      );
      expect(directives.get('default-src')).toBe("'none'");
      expect(directives.get('connect-src')).toBe("'none'");
      expect(directives.get('script-src')).toBe("'self'");
    }
  });

  it("Firefox declares data_collection_permissions: { required: ['none'] }", () => {
    expect(manifest('firefox-mv3').browser_specific_settings?.gecko?.data_collection_permissions).toEqual({
      required: ['none'],
    });
  });

  it('no remote URL in any built script or page besides dataset sources and the listed ones', () => {
    const allowed = datasetUrls();
    const found: string[] = [];
    for (const t of targets) {
      for (const file of files(join(OUT, t)).filter((f) => /\.(js|html|css)$/.test(f))) {
        for (const m of readFileSync(file, 'utf8').matchAll(URL_RE)) {
          if (!allowed.has(m[0]) && !ALLOWED_URLS.has(m[0])) found.push(`${file}: ${m[0]}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('no <script src> pointing outside the extension in its pages', () => {
    for (const t of targets) {
      for (const file of files(join(OUT, t)).filter((f) => f.endsWith('.html'))) {
        const srcs = [...readFileSync(file, 'utf8').matchAll(/<script[^>]*\bsrc="([^"]*)"/g)].map(
          (m) => m[1],
        );
        for (const src of srcs) expect(src, file).toMatch(/^\/|^\.\.?\//);
      }
    }
  });
});

describe('build output: the content script is a small boot, the engine a web-accessible module', () => {
  const targets = ['chrome-mv3', 'firefox-mv3'] as const;
  const read = (t: string, path: string) => readFileSync(join(OUT, t, path), 'utf8');

  it('the boot carries no matcher, card, dataset or library the engine needs', () => {
    for (const t of targets) {
      const boot = read(t, 'content-scripts/content.js');
      // Under 40 KB: every http(s) page evaluates it.
      expect(boot.length, t).toBeLessThan(40_000);
      expect(boot, t).not.toMatch(/Fuse|useDefaultPropsBugFix|__preactattr_|preact/i);
      // The lexicon (vendors.json, with the legal names) and the dataset (actions, responses) stay out of the
      // boot; the lexicon is the engine's.
      expect(boot, t).not.toMatch(/Zhejiang Dahua|respondsTo|Entity List/);
      const engine = read(t, 'engine.js');
      expect(engine, t).toMatch(/__vendorLensEngine/);
      expect(engine, t).toMatch(/Zhejiang Dahua/);
      // The engine receives messaging from the boot; it does not bundle its own copy.
      expect(engine, t).not.toMatch(/chrome\.runtime\.sendMessage/);
      expect(engine, t).not.toMatch(/respondsTo|Entity List/);
    }
  });

  it('exposes only the engine, only to http(s) pages, and Chrome only under a per-session URL', () => {
    for (const t of targets) {
      const war = (
        JSON.parse(read(t, 'manifest.json')) as {
          web_accessible_resources?: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
        }
      ).web_accessible_resources;
      expect(
        war?.map((w) => w.resources),
        t,
      ).toEqual([['engine.js']]);
      expect(war?.[0]?.matches, t).toEqual(['http://*/*', 'https://*/*']);
      if (t === 'chrome-mv3') expect(war?.[0]?.use_dynamic_url, t).toBe(true);
    }
  });
});
