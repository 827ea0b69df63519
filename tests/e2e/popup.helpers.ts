/**
 * Helpers for the end-to-end suites: axe-core in an extension page, form input through the harness's
 * `evaluate`, the extension's storage, and the background's keyboard-command message.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { E2EBrowser, E2EPage } from './harness';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/**
 * Runs axe-core on the page and returns its violations. The source goes in as an expression string: the
 * browsers evaluate it through their automation protocols, which the extension pages' CSP does not cover
 * (a `<script>` or `eval` inside the page would be refused).
 */
export async function runAxe(page: E2EPage): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(`${AXE_SOURCE}\n;typeof axe` as unknown as () => string);
  if (loaded !== 'object') throw new Error(`axe-core did not load (typeof axe = ${String(loaded)})`);
  return page.evaluate(async (tags: string[]) => {
    interface AxeResult {
      violations: {
        id: string;
        impact?: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
    }
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, o: unknown): Promise<AxeResult> } })
      .axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), summary: n.failureSummary ?? '' })),
    }));
  }, AXE_TAGS);
}

/** A readable list of violations for the assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n` +
        v.nodes
          .slice(0, 8)
          .map((n) => `    ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`)
          .join('\n'),
    )
    .join('\n');
}

/** Sets a form control's value the way typing or choosing would, firing `input` and `change`. */
export async function setValue(page: E2EPage, selector: string, value: string): Promise<void> {
  await page.evaluate(
    ([sel, val]: [string, string]) => {
      const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(sel);
      if (!el) throw new Error(`No element ${sel}`);
      el.focus();
      el.value = val;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [selector, value] as [string, string],
  );
}

/** Text of every element matching `selector`. */
export function textsOf(page: E2EPage, selector: string): Promise<string[]> {
  return page.evaluate(
    (sel: string) => [...document.querySelectorAll(sel)].map((el) => (el.textContent ?? '').trim()),
    selector,
  );
}

/** Values of one data attribute over every element matching `selector`. */
export function attrsOf(page: E2EPage, selector: string, attr: string): Promise<string[]> {
  return page.evaluate(
    ([sel, name]: [string, string]) =>
      [...document.querySelectorAll(sel)].map((el) => el.getAttribute(name) ?? ''),
    [selector, attr] as [string, string],
  );
}

/** The extension's `storage.local` item `key`, read from an extension page. */
export function readStorage(browser: E2EBrowser, key: string): Promise<unknown> {
  return browser.inExtension(async (k: string) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    return (await api.storage.local.get(k))[k] ?? null;
  }, key);
}

/** Writes `storage.local[key]` from an extension page (as another context of the extension would). */
export async function writeStorage(browser: E2EBrowser, key: string, value: unknown): Promise<void> {
  await browser.inExtension(
    async ([k, v]: [string, unknown]) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      await api.storage.local.set({ [k]: v });
    },
    [key, value] as [string, unknown],
  );
}

/**
 * Sends the content script of `tabId` the message the background sends for the keyboard command (the browser
 * UI handles the shortcut itself, which headless tests cannot press). Resolves with the reply.
 */
export function sendFocusNext(browser: E2EBrowser, tabId: number): Promise<unknown> {
  return browser.inExtension(
    (id: number) =>
      ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).tabs.sendMessage(id, {
        id: 1,
        type: 'focusNextMention',
        timestamp: Date.now(),
      }),
    tabId,
  );
}
