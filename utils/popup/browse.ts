/**
 * The dataset browser: full-text search results shaped like the report (each action with the responses that
 * answer it, then the statements and context facts that matched on their own), with their sources numbered.
 */
import { NO_RESPONSE_TEXT, searchDataset, sourcesFor } from '../dataset/query';
import type { ActionRow, SourceList } from '../dataset/query';
import type { ContextFact, Dataset, Response, Source } from '../dataset/types';

export interface SearchView {
  query: string;
  rows: ActionRow[];
  /** Matching responses not already shown under a matching action, newest first. */
  responses: Response[];
  context: ContextFact[];
  sources: SourceList;
  total: number;
}

/** Longest query searched; longer input is cut (the dataset's longest field is far shorter). */
export const MAX_QUERY_LENGTH = 200;

export function searchView(ds: Dataset, query: string): SearchView {
  const q = query.slice(0, MAX_QUERY_LENGTH);
  const found = searchDataset(ds, q);
  const oldestFirst = (a: Response, b: Response) =>
    a.date.date < b.date.date ? -1 : a.date.date > b.date.date ? 1 : 0;
  const rows = found.actions.map((action): ActionRow => {
    const responses = ds.responses.filter((r) => r.respondsTo.includes(action.id)).sort(oldestFirst);
    return { action, responses, noResponseNote: responses.length ? null : NO_RESPONSE_TEXT, viaParent: null };
  });
  const paired = new Set(rows.flatMap((r) => r.responses.map((x) => x.id)));
  const responses = found.responses.filter((r) => !paired.has(r.id));
  const facts: { id: string; sources: readonly Source[] }[] = [];
  for (const row of rows) facts.push(row.action, ...row.responses);
  facts.push(...responses, ...found.context);
  return {
    query: q,
    rows,
    responses,
    context: found.context,
    sources: sourcesFor(facts),
    total: rows.length + responses.length + found.context.length,
  };
}
