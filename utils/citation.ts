/**
 * "Copy as citation": one fact (a government action with the company's responses to it), or all of a vendor's
 * facts, as Markdown or plain text, with numbered sources and the dataset version. Quotes are copied verbatim;
 * nothing is rephrased. Labels are a parameter so the popup can pass translated ones; English is the default.
 */
import { sourcesFor } from './dataset/query';
import type { ActionRow, NumberedSource, VendorReport } from './dataset/query';
import type { Action, ActionStatus, ActionType, Response, Source } from './dataset/types';

export type CitationFormat = 'markdown' | 'text';

export interface CitationLabels {
  actionType(type: ActionType): string;
  status(status: ActionStatus): string;
  date: string;
  jurisdiction: string;
  body: string;
  type: string;
  statusLabel: string;
  /** e.g. "as of 2026-03-05". */
  asOf(date: string): string;
  summary: string;
  notes: string;
  /** Said when the measure names no company (`namedExplicitly: false`). */
  notNamed: string;
  response: string;
  /** A statement that answers no action in the dataset. */
  statement: string;
  noResponse: string;
  partlyVerified: string;
  /** For a vendor shown through its parent: "applies to Hikvision and its subsidiaries and affiliates". */
  viaParent(parentName: string): string;
  generalStatements: string;
  sources: string;
  vendorHeading(name: string): string;
  /** Closing line, e.g. "Vendor Lens dataset 1.0.0, as of 2026-03-11". */
  dataset(version: string, asOf: string): string;
}

/** English names of the closed lists, the same as in `public/_locales/en/messages.json` (a test checks). */
const EN_TYPES: Record<ActionType, string> = {
  'procurement-ban': 'Procurement ban',
  'import-authorization-ban': 'Import or equipment-authorization ban',
  'export-control': 'Export control',
  'investment-sanction': 'Investment sanction',
  'military-company-designation': 'Military company designation',
  'site-removal': 'Removal from sites',
  'criminal-case': 'Criminal case',
  'civil-judgment': 'Civil judgment',
  investigation: 'Investigation',
  'proposed-rule': 'Proposed rule',
  other: 'Other',
};

const EN_STATUSES: Record<ActionStatus, string> = {
  'in-force': 'In force',
  superseded: 'Superseded',
  remanded: 'Remanded',
  withdrawn: 'Withdrawn',
  completed: 'Completed',
  decided: 'Decided',
  proposed: 'Proposed',
  planned: 'Planned',
  ongoing: 'Ongoing',
  disputed: 'Disputed',
  reported: 'Reported',
  historical: 'Historical',
};

export const EN_CITATION_LABELS: CitationLabels = {
  actionType: (type) => EN_TYPES[type],
  status: (status) => EN_STATUSES[status],
  date: 'Date',
  jurisdiction: 'Jurisdiction',
  body: 'Acting body',
  type: 'Type',
  statusLabel: 'Status',
  asOf: (date) => `as of ${date}`,
  summary: 'Summary',
  notes: 'Notes',
  notNamed: 'The measure does not name the company; the notes say how reports tie it to the company.',
  response: 'Company response',
  statement: 'Company statement',
  noResponse: 'No public response found in our sources',
  partlyVerified: 'partly verified: a translation or back-translation',
  viaParent: (parent) => `applies to ${parent} and its subsidiaries and affiliates`,
  generalStatements: 'Statements that answer no action in our dataset',
  sources: 'Sources',
  vendorHeading: (name) => `${name}: government actions and company responses`,
  dataset: (version, asOf) => `Vendor Lens dataset ${version}, as of ${asOf}`,
};

export interface CitationContext {
  format: CitationFormat;
  datasetVersion: string;
  datasetAsOf: string;
  labels?: CitationLabels;
}

/** The vendor a fact is cited for, and its parent when the facts are the parent's (Ezviz → Hikvision). */
export interface CitedVendor {
  name: string;
  parentName: string | null;
}

type Refs = Record<string, number[]>;

const refMark = (refs: Refs, id: string): string => {
  const nums = refs[id] ?? [];
  return nums.length ? ` [${nums.join(', ')}]` : '';
};

function sourceLine(s: NumberedSource | Source, format: CitationFormat): string {
  const title = s.titleInferred ? `[${s.title}]` : `"${s.title}"`;
  const parts = [s.publisher, title, s.date].filter((p): p is string => Boolean(p));
  const url = format === 'markdown' ? `<${s.url}>` : s.url;
  return `${parts.join(', ')}. ${url}`;
}

function responseLine(r: Response, refs: Refs, L: CitationLabels, label: string): string {
  const who = [r.id, r.date.date, r.speaker, r.venue].join('; ');
  const verified = r.verification === 'partly-verified' ? ` (${L.partlyVerified})` : '';
  return `${label} (${who}): "${r.quote}"${verified}${refMark(refs, r.id)}`;
}

/** The lines of one fact, without heading or sources. */
function factLines(row: ActionRow, refs: Refs, vendor: CitedVendor, L: CitationLabels): string[] {
  const a: Action = row.action;
  const types = [a.type, ...(a.alsoTypes ?? [])].map((t) => L.actionType(t)).join(', ');
  const lines = [
    `${L.date}: ${a.date.date}`,
    `${L.jurisdiction}: ${a.jurisdiction.locality ? `${a.jurisdiction.locality}, ` : ''}${a.jurisdiction.name} (${a.jurisdiction.code})`,
    `${L.body}: ${a.body}`,
    `${L.type}: ${types}`,
    `${L.statusLabel}: ${L.status(a.status)} (${L.asOf(a.statusAsOf)})`,
    `${L.summary}: ${a.summary}${refMark(refs, a.id)}`,
  ];
  if (vendor.parentName) lines.push(L.viaParent(vendor.parentName));
  if (!a.namedExplicitly) lines.push(L.notNamed);
  const notes = [a.statusNote, ...(a.caveats ?? [])].filter((n): n is string => Boolean(n));
  if (notes.length) lines.push(`${L.notes}: ${notes.join(' ')}`);
  if (row.responses.length === 0) lines.push(`${L.response}: ${L.noResponse}`);
  for (const r of row.responses) lines.push(responseLine(r, refs, L, L.response));
  return lines;
}

function factHeading(row: ActionRow, vendor: CitedVendor): string {
  return `${vendor.name} — ${row.action.id}: ${row.action.title}`;
}

function sourcesBlock(sources: NumberedSource[], format: CitationFormat, L: CitationLabels): string[] {
  if (sources.length === 0) return [];
  const lines = sources.map((s) =>
    format === 'markdown' ? `${s.n}. ${sourceLine(s, format)}` : `[${s.n}] ${sourceLine(s, format)}`,
  );
  return ['', `${L.sources}:`, ...lines];
}

function closing(ctx: CitationContext, L: CitationLabels): string[] {
  return ['', `— ${L.dataset(ctx.datasetVersion, ctx.datasetAsOf)}`];
}

const bullets = (lines: string[], format: CitationFormat) =>
  format === 'markdown' ? lines.map((l) => `- ${l}`) : lines;

/** One fact: a government action, the company's responses to it (or the no-response line) and its sources. */
export function citeFact(row: ActionRow, vendor: CitedVendor, ctx: CitationContext): string {
  const L = ctx.labels ?? EN_CITATION_LABELS;
  const { sources, refs } = sourcesFor([row.action, ...row.responses]);
  const heading = factHeading(row, vendor);
  return [
    ctx.format === 'markdown' ? `**${heading}**` : heading,
    ...(ctx.format === 'markdown' ? [''] : []),
    ...bullets(factLines(row, refs, vendor, L), ctx.format),
    ...sourcesBlock(sources, ctx.format, L),
    ...closing(ctx, L),
  ].join('\n');
}

/** Every fact of a vendor's report as shown (after filters), its general statements, and one source list. */
export function citeVendor(report: VendorReport, ctx: CitationContext): string {
  const L = ctx.labels ?? EN_CITATION_LABELS;
  const vendor: CitedVendor = {
    name: report.vendor.name,
    parentName: report.viaParent ? report.actionsVendor.name : null,
  };
  const { sources, refs } = sourcesFor([
    ...report.rows.flatMap((r) => [r.action, ...r.responses]),
    ...report.generalResponses,
  ]);
  const md = ctx.format === 'markdown';
  const out: string[] = [md ? `## ${L.vendorHeading(vendor.name)}` : L.vendorHeading(vendor.name)];
  if (vendor.parentName) out.push('', L.viaParent(vendor.parentName));
  for (const row of report.rows) {
    const heading = `${row.action.id}: ${row.action.title}`;
    out.push('', md ? `### ${heading}` : heading, ...(md ? [''] : []));
    // The vendor line is the section heading; the fact lines need not repeat the parent wording.
    out.push(...bullets(factLines(row, refs, { ...vendor, parentName: null }, L), ctx.format));
  }
  if (report.generalResponses.length) {
    out.push('', md ? `### ${L.generalStatements}` : L.generalStatements, ...(md ? [''] : []));
    out.push(
      ...bullets(
        report.generalResponses.map((r) => responseLine(r, refs, L, L.statement)),
        ctx.format,
      ),
    );
  }
  out.push(...sourcesBlock(sources, ctx.format, L), ...closing(ctx, L));
  return out.join('\n');
}
