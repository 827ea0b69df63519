/** The `_locales` files: the same keys and placeholders in every language, and the wording that must be exact. */
import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zh from '../../../public/_locales/zh_CN/messages.json';
import { NO_RESPONSE_TEXT, VIA_PARENT_WORDING } from '@/utils/dataset/query';
import { ACTION_STATUSES, ACTION_TYPES, BRAND_RELATIONS } from '@/utils/dataset/types';
import { RELATION_KEYS, STATUS_KEYS, TYPE_KEYS } from '@/utils/popup/labels';
import { EN_CITATION_LABELS } from '@/utils/citation';
import { englishMessage } from './i18n-en';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
const EN = en as unknown as Record<string, Message>;
const ZH = zh as unknown as Record<string, Message>;

describe('locales', () => {
  it('have the same keys', () => {
    expect(Object.keys(ZH).sort()).toEqual(Object.keys(EN).sort());
  });

  it.each(Object.keys(EN))('%s: same placeholders in every language, each one used', (key) => {
    for (const messages of [EN, ZH]) {
      const m = messages[key]!;
      const names = Object.keys(m.placeholders ?? {}).sort();
      expect(names).toEqual(Object.keys(EN[key]!.placeholders ?? {}).sort());
      const used = [...m.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((x) => x[1]!.toLowerCase());
      expect([...new Set(used)].sort()).toEqual(names);
      expect(m.message.trim()).not.toBe('');
    }
  });

  it('say the fixed wording exactly in English', () => {
    expect(englishMessage('noResponse')).toBe(NO_RESPONSE_TEXT);
    expect(englishMessage('viaParent', 'Hikvision')).toBe(VIA_PARENT_WORDING);
    expect(EN_CITATION_LABELS.noResponse).toBe(NO_RESPONSE_TEXT);
    expect(EN_CITATION_LABELS.viaParent('Hikvision')).toBe(VIA_PARENT_WORDING);
  });

  it('label every action type, status and brand relation', () => {
    for (const type of ACTION_TYPES) expect(EN[TYPE_KEYS[type]]).toBeDefined();
    for (const status of ACTION_STATUSES) expect(EN[STATUS_KEYS[status]]).toBeDefined();
    for (const rel of BRAND_RELATIONS) expect(EN[RELATION_KEYS[rel]]).toBeDefined();
    expect(englishMessage('relationBrand', ['HiLook', 'Hikvision'])).toBe('HiLook — a Hikvision brand');
  });

  it('match the default English citation labels', () => {
    for (const type of ACTION_TYPES)
      expect(EN_CITATION_LABELS.actionType(type)).toBe(englishMessage(TYPE_KEYS[type]));
    for (const s of ACTION_STATUSES)
      expect(EN_CITATION_LABELS.status(s)).toBe(englishMessage(STATUS_KEYS[s]));
    const L = EN_CITATION_LABELS;
    expect([L.date, L.jurisdiction, L.body, L.type, L.statusLabel, L.summary]).toEqual(
      ['citeDate', 'citeJurisdiction', 'citeBody', 'citeType', 'citeStatus', 'citeSummary'].map((k) =>
        englishMessage(k),
      ),
    );
    expect([L.response, L.statement, L.sources, L.generalStatements, L.notes]).toEqual(
      ['companyResponse', 'companyStatement', 'sourcesHeading', 'generalStatements', 'factNotes'].map((k) =>
        englishMessage(k),
      ),
    );
    expect(L.asOf('2026-01-01')).toBe(englishMessage('statusAsOf', '2026-01-01'));
    expect(L.vendorHeading('Dahua')).toBe(englishMessage('citeVendorHeading', 'Dahua'));
    expect(L.dataset('1.0.0', '2026-03-11')).toBe(englishMessage('citeDataset', ['1.0.0', '2026-03-11']));
    expect(L.notNamed).toBe(englishMessage('notNamedExplicitly'));
    expect(`${L.partlyVerified.charAt(0).toUpperCase()}${L.partlyVerified.slice(1)}.`).toBe(
      englishMessage('partlyVerified'),
    );
  });
});
