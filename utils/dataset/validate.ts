/**
 * Structural and content validation of the fact dataset.
 *
 * Pure: it takes unknown input (parsed JSON) and returns human-readable errors, empty when valid. Tests run it
 * on the real dataset and on broken copies; `scripts/dataset-export.ts` runs it before printing. Every rule here
 * mirrors a rule in `data/README.md`, so a contributor who breaks one learns which and where.
 */
import {
  ACTION_STATUSES,
  ACTION_TYPES,
  BRAND_RELATIONS,
  PROFILE_LABELS,
  VENDOR_IDS,
  type VendorId,
} from './types';

/** Quotes are short excerpts, never whole statements. */
export const MAX_QUOTE_WORDS = 60;

/** Adjectives that would be ours, not a source's; they may appear inside quotes and source titles only. */
export const LOADED_WORDS: readonly string[] = [
  'notorious',
  'infamous',
  'shocking',
  'draconian',
  'outrageous',
  'egregious',
  'sinister',
  'brazen',
  'blatant',
  'alarming',
  'so-called',
  'crackdown',
  'blacklisted',
];

export interface ValidateOptions {
  /** ISO day used for "not in the future"; defaults to the real clock (UTC). */
  today?: string;
}

type Rec = Record<string, unknown>;

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNonEmpty = (v: unknown): v is string => isStr(v) && v.trim().length > 0 && v === v.trim();

const PRECISION_LENGTH: Record<string, number> = { year: 4, month: 7, day: 10 };
const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const JURISDICTION_CODE = /^(?:EU|[A-Z]{2}(?:-[A-Z0-9]{1,3})?)$/;
const BCP47 = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;
const ID_PATTERN = { action: /^A\d{2,}$/, response: /^R\d{2,}$/, context: /^C\d{2,}$/ } as const;

/** True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real calendar date. */
export function isValidIsoDate(s: string): boolean {
  const m = ISO_PARTIAL.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1900) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/** A partial date is in the future only if its whole period starts after `today`. */
export function isFutureDate(s: string, today: string): boolean {
  return s > today.slice(0, s.length);
}

/**
 * Counts words as a reader would: whitespace-separated tokens, with each Han character counted as one word
 * (Chinese has no spaces), so the 60-word limit means the same thing in both scripts.
 */
export function countWords(text: string): number {
  const han = text.match(HAN)?.length ?? 0;
  const rest = text.replace(HAN, ' ').replace(/[\p{P}\p{S}]+/gu, ' ');
  const tokens = rest.split(/\s+/).filter((t) => t.length > 0).length;
  return han + tokens;
}

/** Lower-cases and strips punctuation so near-identical titles or quotes count as duplicates. */
function normalise(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}

/**
 * Validates a dataset. Returns one message per problem, each starting with the path of the offending field
 * (e.g. `actions[3] (A04).sources[0].url`).
 */
export function validateDataset(d: unknown, options: ValidateOptions = {}): string[] {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const errors: string[] = [];
  const err = (path: string, msg: string): void => {
    errors.push(`${path}: ${msg}`);
  };

  if (!isRec(d)) return ['dataset: must be an object'];

  // ---- helpers that record errors -------------------------------------------------------------------------
  const str = (o: Rec, key: string, path: string, optional = false): string | undefined => {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (!isNonEmpty(v)) {
      err(`${path}.${key}`, 'must be a non-empty string without surrounding spaces');
      return undefined;
    }
    return v;
  };
  const strArray = (o: Rec, key: string, path: string, minLength = 0): string[] => {
    const v = o[key];
    if (!Array.isArray(v)) {
      err(`${path}.${key}`, 'must be an array of strings');
      return [];
    }
    const out: string[] = [];
    v.forEach((x, i) => {
      if (isNonEmpty(x)) out.push(x);
      else err(`${path}.${key}[${i}]`, 'must be a non-empty string without surrounding spaces');
    });
    if (v.length < minLength) err(`${path}.${key}`, `must have at least ${minLength} item(s)`);
    if (new Set(out.map((s) => s.toLowerCase())).size !== out.length) err(`${path}.${key}`, 'has duplicates');
    return out;
  };
  const bool = (o: Rec, key: string, path: string, optional = false): void => {
    const v = o[key];
    if (v === undefined && optional) return;
    if (typeof v !== 'boolean') err(`${path}.${key}`, 'must be a boolean');
  };
  const date = (v: unknown, path: string): void => {
    if (!isStr(v) || !isValidIsoDate(v)) {
      err(path, `must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got ${JSON.stringify(v)}`);
      return;
    }
    if (isFutureDate(v, today)) err(path, `is in the future (${v} > ${today})`);
  };
  const dayDate = (v: unknown, path: string): void => {
    if (!isStr(v) || v.length !== 10) {
      err(path, `must be a full ISO day (YYYY-MM-DD), got ${JSON.stringify(v)}`);
      return;
    }
    date(v, path);
  };
  const factDate = (v: unknown, path: string): string | undefined => {
    if (!isRec(v)) {
      err(path, 'must be an object { date, precision, note? }');
      return undefined;
    }
    const precision = v.precision;
    if (!isStr(precision) || !(precision in PRECISION_LENGTH)) {
      err(`${path}.precision`, "must be 'day', 'month' or 'year'");
    } else if (isStr(v.date) && v.date.length !== PRECISION_LENGTH[precision]) {
      err(`${path}.precision`, `'${precision}' does not match date ${v.date}`);
    }
    date(v.date, `${path}.date`);
    str(v, 'note', path, true);
    return isStr(v.date) ? v.date : undefined;
  };
  const sources = (o: Rec, path: string): void => {
    const v = o.sources;
    if (!Array.isArray(v) || v.length === 0) {
      err(`${path}.sources`, 'must be a non-empty array (every fact needs at least one source)');
      return;
    }
    const seen = new Set<string>();
    v.forEach((s, i) => {
      const p = `${path}.sources[${i}]`;
      if (!isRec(s)) {
        err(p, 'must be an object { url, publisher, title, date?, note? }');
        return;
      }
      const url = str(s, 'url', p);
      if (url !== undefined) {
        let parsed: URL | undefined;
        try {
          parsed = new URL(url);
        } catch {
          err(`${p}.url`, `is not a well-formed URL: ${url}`);
        }
        if (parsed) {
          if (/\s/.test(url)) err(`${p}.url`, 'contains whitespace');
          if (parsed.protocol === 'http:') {
            if (s.httpOnly !== true)
              err(`${p}.url`, 'uses http; use https, or set httpOnly when the page has no https copy');
          } else if (parsed.protocol !== 'https:') {
            err(`${p}.url`, `must be https (got ${parsed.protocol})`);
          } else if (s.httpOnly !== undefined) {
            err(`${p}.httpOnly`, 'is only for http URLs');
          }
          if (!parsed.hostname.includes('.')) err(`${p}.url`, `has no valid host: ${url}`);
          if (seen.has(url)) err(`${p}.url`, 'is listed twice for the same fact');
          seen.add(url);
        }
      }
      str(s, 'publisher', p);
      str(s, 'title', p);
      if (s.date !== undefined) date(s.date, `${p}.date`);
      str(s, 'note', p, true);
      bool(s, 'titleInferred', p, true);
      bool(s, 'httpOnly', p, true);
      for (const key of Object.keys(s)) {
        if (!['url', 'publisher', 'title', 'date', 'note', 'titleInferred', 'httpOnly'].includes(key)) {
          err(`${p}.${key}`, 'is not a Source field');
        }
      }
    });
  };
  const neutral = (text: string | undefined, path: string): void => {
    if (text === undefined) return;
    const outsideQuotes = text.replace(/"[^"]*"|“[^”]*”|‘[^’]*’/g, ' ');
    for (const word of LOADED_WORDS) {
      if (new RegExp(`\\b${word}\\b`, 'i').test(outsideQuotes)) {
        err(path, `uses the loaded word "${word}" in our own words (see neutrality rules in data/README.md)`);
      }
    }
    if (/\bezviz\b[^.;]*\b(?:is|was|are|were|been|be)\s+banned\b|\bban(?:s|ned)?\s+ezviz\b/i.test(text)) {
      err(path, 'says Ezviz is banned; no action names Ezviz (see the Ezviz rule in data/README.md)');
    }
  };
  const ids = new Map<string, string>();
  const claimId = (id: string | undefined, kind: keyof typeof ID_PATTERN, path: string): void => {
    if (id === undefined) return;
    if (!ID_PATTERN[kind].test(id)) err(`${path}.id`, `must match ${ID_PATTERN[kind].source}, got ${id}`);
    const prior = ids.get(id);
    if (prior !== undefined) err(`${path}.id`, `duplicate id ${id} (also at ${prior})`);
    else ids.set(id, path);
  };
  const vendorId = (v: unknown, path: string): VendorId | undefined => {
    if (isStr(v) && (VENDOR_IDS as readonly string[]).includes(v)) return v as VendorId;
    err(path, `must be one of ${VENDOR_IDS.join(', ')}, got ${JSON.stringify(v)}`);
    return undefined;
  };

  // ---- top level -------------------------------------------------------------------------------------------
  if (!isStr(d.version) || !/^\d+\.\d+\.\d+$/.test(d.version))
    err('version', 'must be a semantic version (x.y.z)');
  dayDate(d.asOf, 'asOf');
  for (const key of ['vendors', 'actions', 'responses', 'context']) {
    if (!Array.isArray(d[key])) err(key, 'must be an array');
  }
  const vendors = Array.isArray(d.vendors) ? d.vendors : [];
  const actions = Array.isArray(d.actions) ? d.actions : [];
  const responses = Array.isArray(d.responses) ? d.responses : [];
  const context = Array.isArray(d.context) ? d.context : [];
  const label = (kind: string, i: number, o: unknown): string =>
    `${kind}[${i}]${isRec(o) && isStr(o.id) ? ` (${o.id})` : ''}`;

  // ---- vendors ---------------------------------------------------------------------------------------------
  const vendorSeen = new Set<string>();
  const nameOwner = new Map<string, string>();
  const claimName = (name: string, owner: string, path: string): void => {
    const key = normalise(name);
    const prior = nameOwner.get(key);
    if (prior !== undefined && prior !== owner) {
      err(path, `name "${name}" is also used for vendor ${prior}; the matcher could not tell them apart`);
    }
    nameOwner.set(key, owner);
  };
  vendors.forEach((v, i) => {
    const p = label('vendors', i, v);
    if (!isRec(v)) return err(p, 'must be an object');
    const id = vendorId(v.id, `${p}.id`);
    if (id !== undefined) {
      if (vendorSeen.has(id)) err(`${p}.id`, `duplicate vendor ${id}`);
      vendorSeen.add(id);
    }
    const owner = id ?? `#${i}`;
    const name = str(v, 'name', p);
    if (name !== undefined) claimName(name, owner, `${p}.name`);
    strArray(v, 'legalNames', p, 1).forEach((n, j) => claimName(n, owner, `${p}.legalNames[${j}]`));
    strArray(v, 'otherNames', p).forEach((n, j) => claimName(n, owner, `${p}.otherNames[${j}]`));
    if (!isRec(v.chineseNames)) {
      err(`${p}.chineseNames`, 'must be an object { simplified, traditional }');
    } else {
      for (const script of ['simplified', 'traditional'] as const) {
        const names = strArray(v.chineseNames, script, `${p}.chineseNames`, 1);
        names.forEach((n, j) => {
          const q = `${p}.chineseNames.${script}[${j}]`;
          if (!/^[\u3400-\u9fff\uf900-\ufaff]+$/.test(n)) err(q, `must be Chinese characters only, got ${n}`);
          claimName(n, owner, q);
        });
      }
    }
    if (v.parent !== undefined) {
      const pp = `${p}.parent`;
      if (!isRec(v.parent)) err(pp, 'must be an object');
      else {
        const parentId = vendorId(v.parent.id, `${pp}.id`);
        if (parentId !== undefined && parentId === id) err(`${pp}.id`, 'a vendor cannot be its own parent');
        if (!(BRAND_RELATIONS as readonly unknown[]).includes(v.parent.relation)) {
          err(`${pp}.relation`, `must be one of ${BRAND_RELATIONS.join(', ')}`);
        }
        if (v.parent.since !== undefined) date(v.parent.since, `${pp}.since`);
        sources(v.parent, pp);
      }
    }
    if (!Array.isArray(v.brands)) err(`${p}.brands`, 'must be an array');
    else
      v.brands.forEach((b, j) => {
        const bp = `${p}.brands[${j}]`;
        if (!isRec(b)) return err(bp, 'must be an object');
        const bn = str(b, 'name', bp);
        if (bn !== undefined) claimName(bn, owner, `${bp}.name`);
        strArray(b, 'aliases', bp).forEach((n, k) => claimName(n, owner, `${bp}.aliases[${k}]`));
        if (!(BRAND_RELATIONS as readonly unknown[]).includes(b.relation)) {
          err(`${bp}.relation`, `must be one of ${BRAND_RELATIONS.join(', ')}`);
        }
        neutral(str(b, 'note', bp), `${bp}.note`);
        sources(b, bp);
      });
    if (!Array.isArray(v.profile)) err(`${p}.profile`, 'must be an array');
    else
      v.profile.forEach((f, j) => {
        const fp = `${p}.profile[${j}]`;
        if (!isRec(f)) return err(fp, 'must be an object');
        if (!(PROFILE_LABELS as readonly unknown[]).includes(f.label)) {
          err(`${fp}.label`, `must be one of ${PROFILE_LABELS.join(', ')}`);
        }
        neutral(str(f, 'text', fp), `${fp}.text`);
        sources(f, fp);
      });
  });
  for (const id of VENDOR_IDS) if (!vendorSeen.has(id)) err('vendors', `missing vendor ${id}`);
  const ezviz = vendors.find((v): v is Rec => isRec(v) && v.id === 'ezviz');
  if (ezviz && !(isRec(ezviz.parent) && ezviz.parent.id === 'hikvision')) {
    err(
      'vendors (ezviz).parent',
      'Ezviz must name Hikvision as its parent (its actions come through Hikvision)',
    );
  }

  // ---- actions ---------------------------------------------------------------------------------------------
  const actionIds = new Set<string>();
  const actionVendors = new Map<string, VendorId[]>();
  const actionDates = new Map<string, string>();
  actions.forEach((a) => {
    if (isRec(a) && isStr(a.id)) actionIds.add(a.id);
  });
  const titleSeen = new Map<string, string>();
  const keySeen = new Map<string, string>();
  actions.forEach((a, i) => {
    const p = label('actions', i, a);
    if (!isRec(a)) return err(p, 'must be an object');
    const id = str(a, 'id', p);
    claimId(id, 'action', p);
    const vs: VendorId[] = [];
    if (!Array.isArray(a.vendors) || a.vendors.length === 0) err(`${p}.vendors`, 'must be a non-empty array');
    else
      a.vendors.forEach((v, j) => {
        const vid = vendorId(v, `${p}.vendors[${j}]`);
        if (vid === undefined) return;
        if (vs.includes(vid)) err(`${p}.vendors[${j}]`, `duplicate vendor ${vid}`);
        if (vid === 'ezviz') {
          err(
            `${p}.vendors[${j}]`,
            'no verified action names Ezviz; Hikvision actions reach it only through its parent',
          );
        }
        vs.push(vid);
      });
    if (id !== undefined) actionVendors.set(id, vs);
    bool(a, 'namedExplicitly', p);
    const dt = factDate(a.date, `${p}.date`);
    if (id !== undefined && dt !== undefined) actionDates.set(id, dt);
    if (!isRec(a.jurisdiction)) err(`${p}.jurisdiction`, 'must be an object { code, name, locality? }');
    else {
      const code = str(a.jurisdiction, 'code', `${p}.jurisdiction`);
      if (code !== undefined && !JURISDICTION_CODE.test(code)) {
        err(`${p}.jurisdiction.code`, `must be an ISO 3166-1/3166-2 code or EU, got ${code}`);
      }
      str(a.jurisdiction, 'name', `${p}.jurisdiction`);
      str(a.jurisdiction, 'locality', `${p}.jurisdiction`, true);
    }
    const body = str(a, 'body', p);
    if (!(ACTION_TYPES as readonly unknown[]).includes(a.type)) {
      err(`${p}.type`, `must be one of ${ACTION_TYPES.join(', ')}, got ${JSON.stringify(a.type)}`);
    }
    if (a.alsoTypes !== undefined) {
      if (!Array.isArray(a.alsoTypes)) err(`${p}.alsoTypes`, 'must be an array');
      else
        a.alsoTypes.forEach((t, j) => {
          if (!(ACTION_TYPES as readonly unknown[]).includes(t))
            err(`${p}.alsoTypes[${j}]`, `unknown type ${String(t)}`);
          if (t === a.type) err(`${p}.alsoTypes[${j}]`, 'repeats the main type');
        });
    }
    const title = str(a, 'title', p);
    if (title !== undefined && title.length > 120) err(`${p}.title`, 'must be at most 120 characters');
    neutral(title, `${p}.title`);
    const summary = str(a, 'summary', p);
    if (summary !== undefined) {
      if (!/[.!?]$/.test(summary)) err(`${p}.summary`, 'must be one sentence ending with a full stop');
      if (
        /[.!?]["”’)]?\s+[A-Z]/.test(summary.replace(/\b(?:U\.S|U\.K|No|Inv|Dept|St|Mr|Ms|Dr|J|JJ)\./g, ''))
      ) {
        err(`${p}.summary`, 'must be a single sentence');
      }
      neutral(summary, `${p}.summary`);
    }
    if (!(ACTION_STATUSES as readonly unknown[]).includes(a.status)) {
      err(`${p}.status`, `must be one of ${ACTION_STATUSES.join(', ')}, got ${JSON.stringify(a.status)}`);
    }
    dayDate(a.statusAsOf, `${p}.statusAsOf`);
    if (isStr(a.statusAsOf) && isStr(d.asOf) && a.statusAsOf > d.asOf) {
      err(`${p}.statusAsOf`, `is after the dataset asOf (${d.asOf})`);
    }
    neutral(str(a, 'statusNote', p, true), `${p}.statusNote`);
    let caveatCount = 0;
    if (a.caveats !== undefined) {
      const cs = strArray(a, 'caveats', p);
      caveatCount = cs.length;
      cs.forEach((c, j) => neutral(c, `${p}.caveats[${j}]`));
    }
    if (a.namedExplicitly === false && caveatCount === 0) {
      err(
        `${p}.caveats`,
        'an action that names no company needs a caveat saying how it is tied to the vendors',
      );
    }
    if ((a.status === 'disputed' || a.status === 'reported') && caveatCount === 0) {
      err(`${p}.caveats`, `a ${String(a.status)} action needs a caveat explaining why`);
    }
    if (a.related !== undefined) {
      strArray(a, 'related', p).forEach((r, j) => {
        if (!actionIds.has(r)) err(`${p}.related[${j}]`, `unknown action id ${r}`);
        if (r === id) err(`${p}.related[${j}]`, 'an action cannot relate to itself');
      });
    }
    bool(a, 'coversSubsidiaries', p, true);
    sources(a, p);
    if (title !== undefined) {
      const t = normalise(title);
      const prior = titleSeen.get(t);
      if (prior !== undefined) err(`${p}.title`, `duplicate fact: same title as ${prior}`);
      titleSeen.set(t, id ?? p);
    }
    if (isRec(a.date) && isRec(a.jurisdiction) && body !== undefined) {
      const k = [
        a.type,
        a.jurisdiction.code,
        a.jurisdiction.locality ?? '',
        a.date.date,
        normalise(body),
      ].join('|');
      const prior = keySeen.get(k);
      if (prior !== undefined) err(p, `duplicate fact: same type, jurisdiction, date and body as ${prior}`);
      keySeen.set(k, id ?? p);
    }
  });

  // ---- responses -------------------------------------------------------------------------------------------
  const quoteSeen = new Map<string, string>();
  responses.forEach((r, i) => {
    const p = label('responses', i, r);
    if (!isRec(r)) return err(p, 'must be an object');
    const id = str(r, 'id', p);
    claimId(id, 'response', p);
    const vid = vendorId(r.vendor, `${p}.vendor`);
    str(r, 'speakerOrg', p, true);
    factDate(r.date, `${p}.date`);
    if (!Array.isArray(r.respondsTo))
      err(`${p}.respondsTo`, 'must be an array of action ids (empty for a general statement)');
    else {
      const seen = new Set<unknown>();
      r.respondsTo.forEach((t, j) => {
        const q = `${p}.respondsTo[${j}]`;
        if (!isStr(t) || !actionIds.has(t)) return err(q, `unknown action id ${JSON.stringify(t)}`);
        if (seen.has(t)) err(q, `duplicate action id ${t}`);
        seen.add(t);
        const av = actionVendors.get(t) ?? [];
        if (vid !== undefined && !av.includes(vid)) err(q, `action ${t} does not concern ${vid}`);
      });
    }
    str(r, 'respondsToNote', p, true);
    const quote = str(r, 'quote', p);
    if (quote !== undefined) {
      const words = countWords(quote);
      if (words > MAX_QUOTE_WORDS)
        err(`${p}.quote`, `has ${words} words; quotes are at most ${MAX_QUOTE_WORDS}`);
      const q = normalise(quote);
      const prior = quoteSeen.get(q);
      if (prior !== undefined) err(`${p}.quote`, `duplicate fact: same quote as ${prior}`);
      quoteSeen.set(q, id ?? p);
    }
    const reportedAs = str(r, 'reportedAs', p, true);
    if (reportedAs !== undefined && quote !== undefined && !reportedAs.includes(quote)) {
      err(`${p}.reportedAs`, 'must contain the quote verbatim');
    }
    const lang = str(r, 'quoteLanguage', p);
    if (lang !== undefined) {
      if (!BCP47.test(lang)) err(`${p}.quoteLanguage`, `must be a BCP 47 tag, got ${lang}`);
      if (quote !== undefined && lang.startsWith('zh') !== /[\u3400-\u9fff]/.test(quote)) {
        err(`${p}.quoteLanguage`, `does not match the script of the quote (${lang})`);
      }
    }
    str(r, 'speaker', p);
    str(r, 'venue', p);
    if (r.verification !== 'verified' && r.verification !== 'partly-verified') {
      err(`${p}.verification`, "must be 'verified' or 'partly-verified'");
    }
    if (r.caveats !== undefined) strArray(r, 'caveats', p);
    if (r.verification === 'partly-verified' && !(Array.isArray(r.caveats) && r.caveats.length > 0)) {
      err(`${p}.caveats`, 'a partly verified quote needs a caveat saying why');
    }
    sources(r, p);
  });

  // ---- context ---------------------------------------------------------------------------------------------
  const contextTitles = new Map<string, string>();
  context.forEach((c, i) => {
    const p = label('context', i, c);
    if (!isRec(c)) return err(p, 'must be an object');
    const id = str(c, 'id', p);
    claimId(id, 'context', p);
    vendorId(c.vendor, `${p}.vendor`);
    if (c.kind !== undefined && c.kind !== 'background' && c.kind !== 'private-sector') {
      err(`${p}.kind`, "must be 'background' or 'private-sector'");
    }
    factDate(c.date, `${p}.date`);
    const title = str(c, 'title', p);
    neutral(title, `${p}.title`);
    neutral(str(c, 'summary', p), `${p}.summary`);
    if (title !== undefined) {
      const prior = contextTitles.get(normalise(title));
      if (prior !== undefined) err(`${p}.title`, `duplicate fact: same title as ${prior}`);
      contextTitles.set(normalise(title), id ?? p);
    }
    sources(c, p);
  });

  // ---- coverage: every vendor has at least one action (Ezviz through its parent) -----------------------------
  const covered = new Set<VendorId>();
  for (const vs of actionVendors.values()) vs.forEach((v) => covered.add(v));
  for (const v of vendors) {
    if (!isRec(v) || !isStr(v.id)) continue;
    const through = isRec(v.parent) && isStr(v.parent.id) ? v.parent.id : v.id;
    if (!covered.has(through as VendorId))
      err(`vendors (${v.id})`, 'has no action, directly or through its parent');
  }
  return errors;
}
