/**
 * Translated labels for the dataset's closed lists (action types, statuses, brand relations) and the citation
 * labels, from `_locales`. Every value of each list has a key, so adding a value is a compile error here.
 */
import type { CitationLabels } from '../citation';
import type { ActionStatus, ActionType, BrandRelation } from '../dataset/types';
import { t } from '../i18n';
import type { MessageKey } from '../i18n';

export const TYPE_KEYS: Record<ActionType, MessageKey> = {
  'procurement-ban': 'typeProcurementBan',
  'import-authorization-ban': 'typeImportAuthorizationBan',
  'export-control': 'typeExportControl',
  'investment-sanction': 'typeInvestmentSanction',
  'military-company-designation': 'typeMilitaryCompanyDesignation',
  'site-removal': 'typeSiteRemoval',
  'criminal-case': 'typeCriminalCase',
  'civil-judgment': 'typeCivilJudgment',
  investigation: 'typeInvestigation',
  'proposed-rule': 'typeProposedRule',
  other: 'typeOther',
};

export const STATUS_KEYS: Record<ActionStatus, MessageKey> = {
  'in-force': 'statusInForce',
  superseded: 'statusSuperseded',
  remanded: 'statusRemanded',
  withdrawn: 'statusWithdrawn',
  completed: 'statusCompleted',
  decided: 'statusDecided',
  proposed: 'statusProposed',
  planned: 'statusPlanned',
  ongoing: 'statusOngoing',
  disputed: 'statusDisputed',
  reported: 'statusReported',
  historical: 'statusHistorical',
};

/** "HiLook — a Hikvision brand": the message takes the name and the parent's name. */
export const RELATION_KEYS: Record<BrandRelation, MessageKey> = {
  brand: 'relationBrand',
  subsidiary: 'relationSubsidiary',
  affiliate: 'relationAffiliate',
  'former subsidiary': 'relationFormerSubsidiary',
};

export const typeLabel = (type: ActionType): string => t(TYPE_KEYS[type]);
export const statusLabel = (status: ActionStatus): string => t(STATUS_KEYS[status]);
export const relationLabel = (name: string, relation: BrandRelation, parentName: string): string =>
  t(RELATION_KEYS[relation], [name, parentName]);

/** The citation labels in the UI language. */
export function citationLabels(): CitationLabels {
  return {
    actionType: typeLabel,
    status: statusLabel,
    date: t('citeDate'),
    jurisdiction: t('citeJurisdiction'),
    body: t('citeBody'),
    type: t('citeType'),
    statusLabel: t('citeStatus'),
    asOf: (date) => t('statusAsOf', date),
    summary: t('citeSummary'),
    notes: t('factNotes'),
    notNamed: t('notNamedExplicitly'),
    response: t('companyResponse'),
    statement: t('companyStatement'),
    noResponse: t('noResponse'),
    partlyVerified: t('partlyVerified'),
    viaParent: (parent) => t('viaParent', parent),
    generalStatements: t('generalStatements'),
    sources: t('sourcesHeading'),
    vendorHeading: (name) => t('citeVendorHeading', name),
    dataset: (version, asOf) => t('citeDataset', [version, asOf]),
  };
}

/** The BCP 47 locale of the strings in use (the `_locales` folder the browser picked), for dates and `lang`. */
export function uiLocale(): string {
  const code = t('localeCode');
  return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(code) ? code : 'en';
}

/** A count in words: `one` (no placeholder) for 1, else `other` with the number as its one placeholder. */
export function countLabel(n: number, one: MessageKey, other: MessageKey): string {
  return n === 1 ? t(one) : t(other, String(n));
}
