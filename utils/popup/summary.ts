/**
 * Pure helpers that turn a page report into what the popup lists.
 */
import type { VendorId } from '../dataset/types';
import type { MentionBrief } from '../messaging';

export interface VendorCount {
  vendor: VendorId;
  count: number;
  /** Distinct texts seen on the page for this vendor, in first-seen order. */
  texts: string[];
}

/** Mentions grouped by vendor, most mentioned first (ties in a fixed vendor order). */
export function countByVendor(mentions: readonly MentionBrief[]): VendorCount[] {
  const order: VendorId[] = ['hikvision', 'dahua', 'hytera', 'ezviz'];
  const byVendor = new Map<VendorId, VendorCount>();
  for (const m of mentions) {
    let entry = byVendor.get(m.vendor);
    if (!entry) {
      entry = { vendor: m.vendor, count: 0, texts: [] };
      byVendor.set(m.vendor, entry);
    }
    entry.count += 1;
    if (!entry.texts.includes(m.text)) entry.texts.push(m.text);
  }
  return [...byVendor.values()].sort(
    (a, b) => b.count - a.count || order.indexOf(a.vendor) - order.indexOf(b.vendor),
  );
}

const DISPLAY_NAMES: Record<VendorId, string> = {
  hikvision: 'Hikvision',
  dahua: 'Dahua',
  hytera: 'Hytera',
  ezviz: 'Ezviz',
};

export function vendorDisplayName(vendor: VendorId): string {
  return DISPLAY_NAMES[vendor];
}
