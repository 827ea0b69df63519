/**
 * The hover card's facts, computed in the background from the bundled dataset.
 */
import { cardSummary, getVendor } from '../dataset/query';
import type { Dataset, VendorId } from '../dataset/types';
import type { CardData } from '../messaging';

export function cardData(ds: Dataset, vendorId: VendorId): CardData {
  const vendor = getVendor(ds, vendorId);
  const parent = vendor.parent ? getVendor(ds, vendor.parent.id) : null;
  const parentRelation = parent && vendor.parent ? `a ${parent.name} ${vendor.parent.relation}` : null;
  // A subsidiary with no statements of its own is shown its parent's (cardSummary does that): say whose.
  const hasOwnResponses = ds.responses.some((r) => r.vendor === vendorId);
  return {
    ...cardSummary(ds, vendorId),
    parentRelation,
    responsesOf: parent && !hasOwnResponses ? parent.name : vendor.name,
  };
}
