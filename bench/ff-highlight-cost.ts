/**
 * What registering a highlight costs the page in Firefox, without the extension: a hostile page (default: the
 * one nested 5,000 deep) gets a `::highlight(x)` rule and, 200 ms after `load`, one highlight over the first
 * five characters of each of its paragraphs, from the page's own script. Prints the page's worst heartbeat gap
 * (ms) for each load of each rule: none registered, the shipped underline rule (read from
 * `entrypoints/content/highlights.css`), the same with `text-underline-offset` or `text-underline-position`,
 * the shipped background rule. In Firefox ESR 153 the offset and the position make each highlight reflow every
 * ancestor of its text (about 60 and 100 ms on the deep page), the plain underline does not.
 *
 *   npx tsx bench/ff-highlight-cost.ts ["<case name>"] [runs=4]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startFixtureServer } from '../tests/e2e/harness';
import { REPO_ROOT } from '../tests/e2e/harness/paths';
import { NONCE, hostileCases } from '../tests/e2e/hostile-pages';

const WINDOW_MS = 2000;

/** The declarations of the shipped `::highlight(<name>)` rule. */
function shippedRule(css: string, name: string): string {
  const match = new RegExp(`(?:^|\\n)::highlight\\(${name}\\)\\s*\\{([^}]*)\\}`).exec(css);
  if (!match) throw new Error(`No ::highlight(${name}) rule in highlights.css`);
  return match[1]!.trim();
}

async function main(): Promise<void> {
  const caseName = process.argv[2] ?? 'nesting 5,000 deep';
  const runs = Number(process.argv[3] ?? 4);
  const c = hostileCases().find((x) => x.name === caseName);
  if (!c) throw new Error(`No hostile page named "${caseName}"`);
  const css = readFileSync(resolve(REPO_ROOT, 'entrypoints/content/highlights.css'), 'utf8');
  const underline = shippedRule(css, 'vendor-lens-underline-hikvision');
  const rules: Record<string, string | null> = {
    'none registered': null,
    'shipped underline': underline,
    '+ underline offset': `${underline} text-underline-offset: 0.18em;`,
    '+ underline position': `${underline} text-underline-position: under;`,
    'shipped background': shippedRule(css, 'vendor-lens-background-hikvision'),
  };

  const server = await startFixtureServer();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
  });
  try {
    console.log(
      `${caseName}: worst heartbeat gap after load, ms, ${runs} loads each (${await browser.version()})`,
    );
    for (const [label, rule] of Object.entries(rules)) {
      const gaps: number[] = [];
      for (let run = 0; run < runs; run++) {
        const register =
          rule === null
            ? ''
            : `<style>::highlight(x) { ${rule} }</style><script nonce="${NONCE}">
              addEventListener('load', () => setTimeout(() => {
                const highlight = new Highlight();
                for (const p of document.querySelectorAll('p')) {
                  const range = new Range();
                  range.setStart(p.firstChild, 0);
                  range.setEnd(p.firstChild, 5);
                  highlight.add(range);
                }
                CSS.highlights.set('x', highlight);
              }, 200));</script>`;
        const page = await browser.newPage();
        await page.goto(
          server.add(
            `/hl/${gaps.length}-${label.replace(/\W+/g, '-')}-${run}.html`,
            c.html.replace('</head>', `${register}</head>`),
          ),
        );
        await page.waitForFunction(
          (ms: number) => {
            const hb = (window as unknown as { __hb: { since: number } }).__hb;
            return hb.since > 0 && performance.now() - hb.since > ms;
          },
          { timeout: 60_000 },
          WINDOW_MS,
        );
        gaps.push(await page.evaluate(() => (window as unknown as { __hb: { max: number } }).__hb.max));
        await page.close();
      }
      console.log(`  ${label.padEnd(22)} ${gaps.map((g) => g.toFixed(0).padStart(4)).join('')}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

void main();
