/**
 * Which tab the popup reports on: `?tab=<id>` (the report opened as a full page, and the e2e tests), else the
 * active tab of the current window.
 */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

export interface TabsLike {
  query(info: { active: boolean; currentWindow: boolean }): Promise<Array<{ id?: number }>>;
}

export async function resolveTargetTab(search: string, tabs: TabsLike): Promise<number | null> {
  const fromSearch = tabIdFromSearch(search);
  if (fromSearch !== null) return fromSearch;
  const [active] = await tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}
