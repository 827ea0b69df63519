/**
 * The mention engine: finds Hikvision, Dahua, Hytera and Ezviz mentions in a document.
 *
 * Dependency-light on purpose (the content script imports it with `data/vendors.json` only): fuse.js (basic
 * build) and @mozilla/readability, nothing from the rest of the dataset.
 */
export { OWN_UI_ATTR, isExcludedElement } from './dom';
export { buildLexicon, compileGate, defaultLexicon } from './lexicon';
export type { AliasSource, GatePatterns, GateSources, Lexicon, LexiconEntry } from './lexicon';
export { scanDocument } from './pipeline';
export type { ScanOptions } from './pipeline';
export { matchText } from './match';
export type { TextMatch } from './match';
export type {
  MatchKind,
  Mention,
  MentionMatch,
  PageSummary,
  ScanResult,
  ScanStats,
  ScanTimings,
} from './types';
