/** The popup's report for a tab as a full page: `popup.html?tab=<id>` (see target-tab.ts for the reverse). */
export function reportPagePath(tabId: number): `/popup.html?tab=${number}` {
  if (!Number.isSafeInteger(tabId) || tabId < 0) throw new RangeError(`Not a tab id: ${tabId}`);
  return `/popup.html?tab=${tabId}`;
}
