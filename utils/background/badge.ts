/**
 * The toolbar badge: the number of mentions on a tab, '' when there are none.
 */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}
