/**
 * Assembles the fact dataset from the JSON files in `data/`.
 *
 * This module is for the popup, the hover card's background lookups and the export script. The content script
 * must not import it: it would carry every action, quote and source. The content script needs only the alias
 * lexicon built from `data/vendors.json`.
 */
import actionsJson from '../../data/actions.json';
import contextJson from '../../data/context.json';
import metaJson from '../../data/meta.json';
import responsesJson from '../../data/responses.json';
import vendorsJson from '../../data/vendors.json';
import type { Action, ContextFact, Dataset, Response, Vendor } from './types';

export type * from './types';

/**
 * Returns the dataset as typed data. The JSON is trusted here because `validateDataset` checks every field at
 * test time and the export script refuses to print an invalid dataset; no work runs at import time.
 */
export function getDataset(): Dataset {
  return {
    version: metaJson.version,
    asOf: metaJson.asOf,
    vendors: vendorsJson as unknown as Vendor[],
    actions: actionsJson as unknown as Action[],
    responses: responsesJson as unknown as Response[],
    context: contextJson as unknown as ContextFact[],
  };
}
