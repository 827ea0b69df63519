/**
 * What the popup's report shows, computed from the page's mentions and the dataset: the vendors found (with the
 * brands they were found under), one section per vendor with its filtered rows, and one numbered source list
 * for everything shown. Pure, so the popup renders it and the tests check it without a browser.
 */
import { getVendor, vendorReport } from '../dataset/query';
import type { ActionFilters, SourceList, VendorReport } from '../dataset/query';
import { sourcesFor } from '../dataset/query';
import type { BrandRelation, ContextFact, Dataset, Source, VendorId } from '../dataset/types';
import type { MentionBrief } from '../messaging';
import { countByVendor } from './summary';
import { timelineFor } from './timeline';
import type { TimelineYear } from './timeline';

/** A brand, subsidiary or parent relation shown with its own note and sources ("HiLook — a Hikvision brand"). */
export interface Relation {
  /** Fact id for source numbering, e.g. `brand:hikvision:HiLook` or `parent:ezviz`. */
  id: string;
  name: string;
  relation: BrandRelation;
  /** The vendor it belongs to (its parent). */
  parent: VendorId;
  parentName: string;
  /** The dataset's one-sentence note, when it has one. */
  note: string | null;
  sources: Source[];
}

export interface BrandOnPage extends Relation {
  count: number;
  /** Distinct texts seen on the page for this brand. */
  texts: string[];
}

export interface VendorOnPage {
  vendor: VendorId;
  /** All mentions of the vendor, its brands included. */
  count: number;
  texts: string[];
  /** Mentions that named a brand or subsidiary rather than the vendor itself. */
  brands: BrandOnPage[];
}

export interface SectionModel {
  vendor: VendorId;
  name: string;
  /** The page's mentions of this vendor; null in the dataset browser. */
  onPage: VendorOnPage | null;
  /** For a vendor with a parent (Ezviz), how it relates to it. */
  parentRelation: Relation | null;
  report: VendorReport;
  /** Background and private-sector facts about the vendor (not government actions). */
  context: ContextFact[];
  timeline: TimelineYear[];
}

export interface ReportModel {
  sections: SectionModel[];
  sources: SourceList;
  /** Actions shown, counted once even when two sections share them (Hikvision and Ezviz). */
  shownActions: number;
  /** Actions before filters, counted once. */
  totalActions: number;
}

const fold = (s: string) => s.toLowerCase();

/** The dataset's brand entry that `alias` (a brand name or one of its aliases) names, for `vendor`. */
export function findBrand(ds: Dataset, vendor: VendorId, alias: string): Relation | null {
  const v = getVendor(ds, vendor);
  const key = fold(alias);
  const brand = v.brands.find((b) => fold(b.name) === key || b.aliases.some((a) => fold(a) === key));
  if (!brand) return null;
  return {
    id: `brand:${v.id}:${brand.name}`,
    name: brand.name,
    relation: brand.relation,
    parent: v.id,
    parentName: v.name,
    note: brand.note,
    sources: brand.sources,
  };
}

/** How a vendor relates to its parent (Ezviz: a Hikvision subsidiary), or null. */
export function parentRelationOf(ds: Dataset, vendor: VendorId): Relation | null {
  const v = getVendor(ds, vendor);
  if (!v.parent) return null;
  const parent = getVendor(ds, v.parent.id);
  return {
    id: `parent:${v.id}`,
    name: v.name,
    relation: v.parent.relation,
    parent: parent.id,
    parentName: parent.name,
    note: null,
    sources: v.parent.sources,
  };
}

/** The vendors found on the page, most mentioned first, each with the brands it was found under. */
export function vendorsOnPage(ds: Dataset, mentions: readonly MentionBrief[]): VendorOnPage[] {
  return countByVendor(mentions).map(({ vendor, count, texts }) => {
    const brands = new Map<string, BrandOnPage>();
    for (const m of mentions) {
      if (m.vendor !== vendor || m.match !== 'brand') continue;
      const relation = findBrand(ds, vendor, m.alias) ?? {
        id: `brand:${vendor}:${m.alias}`,
        name: m.alias,
        relation: 'brand' as const,
        parent: vendor,
        parentName: getVendor(ds, vendor).name,
        note: null,
        sources: [],
      };
      let b = brands.get(relation.name);
      if (!b) {
        b = { ...relation, count: 0, texts: [] };
        brands.set(relation.name, b);
      }
      b.count += 1;
      if (!b.texts.includes(m.text)) b.texts.push(m.text);
    }
    return { vendor, count, texts, brands: [...brands.values()] };
  });
}

/**
 * One section per vendor, with rows after `filters`, and one numbered source list for all of them: sources are
 * numbered in the order they appear (section by section: relations, each action then its responses, general
 * statements, context).
 */
export function buildReportModel(
  ds: Dataset,
  vendors: readonly (VendorId | VendorOnPage)[],
  filters: ActionFilters = {},
): ReportModel {
  const sections = vendors.map((entry): SectionModel => {
    const onPage = typeof entry === 'string' ? null : entry;
    const id = typeof entry === 'string' ? entry : entry.vendor;
    const report = vendorReport(ds, id, filters);
    return {
      vendor: id,
      name: report.vendor.name,
      onPage,
      parentRelation: parentRelationOf(ds, id),
      report,
      context: ds.context.filter((c) => c.vendor === id),
      timeline: timelineFor(report.rows, report.generalResponses),
    };
  });
  const facts: { id: string; sources: readonly Source[] }[] = [];
  const shown = new Set<string>();
  const total = new Set<string>();
  for (const s of sections) {
    if (s.parentRelation) facts.push(s.parentRelation);
    for (const b of s.onPage?.brands ?? []) facts.push(b);
    for (const row of s.report.rows) {
      facts.push(row.action, ...row.responses);
      shown.add(row.action.id);
    }
    facts.push(...s.report.generalResponses, ...s.context);
    for (const a of ds.actions) if (a.vendors.includes(s.report.actionsVendor.id)) total.add(a.id);
  }
  return { sections, sources: sourcesFor(facts), shownActions: shown.size, totalActions: total.size };
}
