/**
 * Build step: the content script's stylesheet (the `::highlight()` rules) goes into a content-script entry of its
 * own that runs at `document_start`, so the browser adds it before the page's DOM is built.
 *
 * Why: Firefox adds a manifest stylesheet when its entry's `run_at` comes, and our script runs at `document_idle`.
 * Adding a sheet to a built page restyles every element: on the hostile suite's 100,000-element page the Gecko
 * profiler showed one 60-150 ms style flush right after `addSheet`, in every load, with Vendor Lens on or off for
 * the site (`bench/ff-stall.ts`). Chrome already injects manifest CSS before the DOM exists; the separate entry
 * changes nothing there.
 *
 * Pure: takes the generated manifest's `content_scripts` and returns the new list (WXT's
 * `build:manifestGenerated` hook assigns it).
 */

/** The parts of a manifest `content_scripts` entry read here; every other key is carried over as is. */
export interface ContentScriptEntry {
  css?: string[];
  js?: string[];
  run_at?: 'document_start' | 'document_end' | 'document_idle';
}

export function cssAtDocumentStart<E extends ContentScriptEntry>(entries: readonly E[]): E[] {
  return entries.flatMap((entry) => {
    const { css, js, run_at: runAt } = entry;
    if (css === undefined || css.length === 0 || runAt === 'document_start') return [entry];
    // The stylesheet applies wherever the script does: same matches, frames and exclusions.
    const styles: E = { ...entry, css, run_at: 'document_start' };
    delete styles.js;
    const script: E = { ...entry };
    delete script.css;
    return js !== undefined && js.length > 0 ? [styles, script] : [styles];
  });
}
