/**
 * validateDataset must catch each kind of error: every test feeds it a broken copy of the real dataset and
 * expects a message naming the problem.
 */
import { describe, expect, it } from 'vitest';
import { getDataset } from '../../../utils/dataset/index';
import type { Dataset } from '../../../utils/dataset/types';
import { countWords, isFutureDate, isValidIsoDate, validateDataset } from '../../../utils/dataset/validate';

const TODAY = '2026-11-22';
const fresh = (): Dataset => structuredClone(getDataset());
function at<T>(xs: T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`no item ${i}`);
  return x;
}
function errorsAfter(mutate: (d: Dataset) => void): string[] {
  const d = fresh();
  mutate(d);
  return validateDataset(d, { today: TODAY });
}
const anyMatch = (errors: string[], re: RegExp): boolean => errors.some((e) => re.test(e));

describe('validateDataset', () => {
  it('accepts the shipped dataset', () => {
    expect(validateDataset(getDataset(), { today: TODAY })).toEqual([]);
  });

  it('rejects non-objects and missing arrays', () => {
    expect(validateDataset(null)).toEqual(['dataset: must be an object']);
    expect(validateDataset([])).toEqual(['dataset: must be an object']);
    const errors = validateDataset({ version: '1.0.0', asOf: '2026-01-01' }, { today: TODAY });
    expect(anyMatch(errors, /^actions: must be an array/)).toBe(true);
    expect(anyMatch(errors, /missing vendor hikvision/)).toBe(true);
  });

  const cases: [string, (d: Dataset) => void, RegExp][] = [
    ['a duplicate action id', (d) => (at(d.actions, 1).id = at(d.actions, 0).id), /duplicate id A01/],
    ['an id that breaks the pattern', (d) => (at(d.actions, 0).id = 'X1'), /must match/],
    [
      'an unknown vendor on an action',
      (d) => ((at(d.actions, 0).vendors as string[])[0] = 'acme'),
      /must be one of hikvision/,
    ],
    [
      'Ezviz named on an action',
      (d) => at(d.actions, 0).vendors.push('ezviz'),
      /no verified action names Ezviz/,
    ],
    [
      'a respondsTo id that does not exist',
      (d) => (at(d.responses, 0).respondsTo = ['A99']),
      /unknown action id "A99"/,
    ],
    [
      'a response to an action that does not concern the vendor',
      (d) => (at(d.responses, 0).respondsTo = ['A36']),
      /does not concern hikvision/,
    ],
    [
      'an unknown response vendor',
      (d) => ((at(d.responses, 0) as { vendor: string }).vendor = 'acme'),
      /vendor: must be one of/,
    ],
    [
      'a related id that does not exist',
      (d) => (at(d.actions, 0).related = ['A98']),
      /unknown action id A98/,
    ],
    [
      'an http URL not marked httpOnly',
      (d) => (at(at(d.actions, 0).sources, 0).url = 'http://example.com/a'),
      /uses http/,
    ],
    [
      'a malformed URL',
      (d) => (at(at(d.actions, 0).sources, 0).url = 'https//example.com'),
      /not a well-formed URL/,
    ],
    ['a non-web URL', (d) => (at(at(d.actions, 0).sources, 0).url = 'ftp://example.com/a'), /must be https/],
    [
      'httpOnly on an https URL',
      (d) => (at(at(d.actions, 0).sources, 0).httpOnly = true),
      /only for http URLs/,
    ],
    [
      'an action without sources',
      (d) => (at(d.actions, 0).sources = []),
      /needs at least one source|must be a non-empty array/,
    ],
    [
      'a source without publisher',
      (d) => (at(at(d.responses, 0).sources, 0).publisher = ''),
      /publisher: must be a non-empty string/,
    ],
    [
      'the same URL twice on one fact',
      (d) => at(d.actions, 0).sources.push({ ...at(at(d.actions, 0).sources, 0) }),
      /listed twice/,
    ],
    [
      'an impossible date',
      (d) => (at(d.actions, 0).date = { date: '2021-02-30', precision: 'day' }),
      /must be an ISO date/,
    ],
    [
      'a future date',
      (d) => (at(d.actions, 0).date = { date: '2027-01-05', precision: 'day' }),
      /is in the future/,
    ],
    ['a future source date', (d) => (at(at(d.actions, 0).sources, 0).date = '2030'), /is in the future/],
    [
      'a precision that does not match',
      (d) => (at(d.actions, 0).date = { date: '2021-05', precision: 'day' }),
      /does not match date/,
    ],
    ['a statusAsOf that is not a full day', (d) => (at(d.actions, 0).statusAsOf = '2026-03'), /full ISO day/],
    [
      'an unknown type',
      (d) => ((at(d.actions, 0) as { type: string }).type = 'embargo'),
      /type: must be one of/,
    ],
    [
      'an unknown status',
      (d) => ((at(d.actions, 0) as { status: string }).status = 'banned'),
      /status: must be one of/,
    ],
    [
      'an alsoType repeating the type',
      (d) => (at(d.actions, 0).alsoTypes = [at(d.actions, 0).type]),
      /repeats the main type/,
    ],
    ['a bad jurisdiction code', (d) => (at(d.actions, 0).jurisdiction.code = 'USA'), /ISO 3166/],
    [
      'a summary of two sentences',
      (d) => (at(d.actions, 0).summary = 'It bans it. Then it bans more.'),
      /single sentence/,
    ],
    [
      'a loaded adjective in a summary',
      (d) => (at(d.actions, 0).summary = 'The notorious law bars gear.'),
      /loaded word "notorious"/,
    ],
    [
      'a claim that Ezviz is banned',
      (d) => (at(d.actions, 0).summary = 'Ezviz is banned in the US.'),
      /says Ezviz is banned/,
    ],
    [
      'an unnamed measure without caveat',
      (d) => ((at(d.actions, 0).namedExplicitly = false), delete at(d.actions, 0).caveats),
      /names no company needs a caveat/,
    ],
    [
      'a disputed action without caveat',
      (d) => ((at(d.actions, 1).status = 'disputed'), delete at(d.actions, 1).caveats),
      /disputed action needs a caveat/,
    ],
    [
      'a duplicate action (same facts, new id)',
      (d) => d.actions.push({ ...at(d.actions, 0), id: 'A90' }),
      /duplicate fact/,
    ],
    [
      'a duplicate quote',
      (d) => d.responses.push({ ...at(d.responses, 0), id: 'R90' }),
      /duplicate fact: same quote/,
    ],
    [
      'a quote over 60 words',
      (d) => (at(d.responses, 0).quote = Array.from({ length: 61 }, () => 'word').join(' ')),
      /61 words/,
    ],
    [
      'framing that does not contain the quote',
      (d) => (at(d.responses, 3).reportedAs = 'It said something else.'),
      /contain the quote verbatim/,
    ],
    [
      'a quote language that does not match its script',
      (d) => (at(d.responses, 0).quoteLanguage = 'zh-Hant'),
      /does not match the script/,
    ],
    [
      'a partly verified quote without caveat',
      (d) => (at(d.responses, 1).verification = 'partly-verified'),
      /partly verified quote needs a caveat/,
    ],
    [
      'a bad verification value',
      (d) => ((at(d.responses, 0) as { verification: string }).verification = 'likely'),
      /verification/,
    ],
    [
      'a missing vendor',
      (d) => (d.vendors = d.vendors.filter((v) => v.id !== 'hytera')),
      /missing vendor hytera/,
    ],
    [
      'a vendor without actions',
      (d) => (d.actions = d.actions.filter((a) => !a.vendors.includes('hytera'))),
      /hytera\): has no action/,
    ],
    ['Ezviz without its parent', (d) => delete at(d.vendors, 3).parent, /must name Hikvision as its parent/],
    [
      'a name shared by two vendors',
      (d) => at(d.vendors, 1).otherNames.push('Hikvision USA'),
      /also used for vendor hikvision/,
    ],
    [
      'a non-Chinese Chinese name',
      (d) => at(d.vendors, 0).chineseNames.traditional.push('Hik'),
      /Chinese characters only/,
    ],
    [
      'an unknown brand relation',
      (d) => ((at(at(d.vendors, 0).brands, 0) as { relation: string }).relation = 'cousin'),
      /relation: must be one of/,
    ],
    ['a brand without sources', (d) => (at(at(d.vendors, 0).brands, 0).sources = []), /brands\[0\]\.sources/],
    ['a bad version', (d) => (d.version = 'v1'), /semantic version/],
    ['a future asOf', (d) => (d.asOf = '2027-01-01'), /asOf: is in the future/],
    ['a statusAsOf after asOf', (d) => (d.asOf = '2025-01-01'), /after the dataset asOf/],
    [
      'an unknown field on a source',
      (d) => ((at(at(d.actions, 0).sources, 0) as unknown as Record<string, unknown>).link = 'x'),
      /not a Source field/,
    ],
    [
      'a context fact with a bad kind',
      (d) => ((at(d.context, 0) as { kind: string }).kind = 'rumour'),
      /kind/,
    ],
  ];

  it.each(cases)('catches %s', (_name, mutate, expected) => {
    const errors = errorsAfter(mutate);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(expected);
  });
});

describe('validation helpers', () => {
  it('checks ISO dates of each precision against the calendar', () => {
    expect(['2024', '2024-02', '2024-02-29'].every(isValidIsoDate)).toBe(true);
    expect(['2023-02-29', '2024-13', '24-01-01', '2024-1-1', ''].some(isValidIsoDate)).toBe(false);
  });

  it('treats a partial date as future only when its whole period is', () => {
    expect(isFutureDate('2026', '2026-03-01')).toBe(false);
    expect(isFutureDate('2026-04', '2026-03-31')).toBe(true);
    expect(isFutureDate('2026-03-01', '2026-03-01')).toBe(false);
  });

  it('counts English words and Chinese characters', () => {
    expect(countWords('To be clear, the FCC has not banned Dahua.')).toBe(9);
    expect(countWords('該命令並非基於')).toBe(7);
  });
});
