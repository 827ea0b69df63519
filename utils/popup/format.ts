/**
 * Display formats for dates, jurisdictions and links. Pure: the locale is a parameter.
 */
import type { FactDate, Jurisdiction } from '../dataset/types';

const PARTS = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;

/**
 * Formats a partial ISO date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) at its own precision in `locale`. Anything else is
 * returned unchanged, so a malformed value is shown rather than hidden.
 */
export function formatIsoDate(iso: string, locale: string): string {
  const m = PARTS.exec(iso.slice(0, 10));
  if (!m) return iso;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return formatter(locale, d ? 'day' : mo ? 'month' : 'year').format(date);
  } catch {
    return iso;
  }
}

const FORMATS: Record<'day' | 'month' | 'year', Intl.DateTimeFormatOptions> = {
  day: { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'short', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

/** Formatters are costly to create and the report formats hundreds of dates: one per locale and precision. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, precision: 'day' | 'month' | 'year'): Intl.DateTimeFormat {
  const key = `${locale}|${precision}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, FORMATS[precision]);
    formatters.set(key, f);
  }
  return f;
}

/** A fact's date at its precision (day, month or year). */
export function formatFactDate(d: FactDate, locale: string): string {
  return formatIsoDate(d.date, locale);
}

/** "United States (US)", or "Copenhagen Municipality, Denmark (DK)" when the fact names a locality. */
export function jurisdictionLabel(j: Jurisdiction): string {
  const base = `${j.name} (${j.code})`;
  return j.locality ? `${j.locality}, ${base}` : base;
}

/** The URL if it is an http(s) link, else null: anything else is shown as text, never made a link. */
export function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** `YYYY-MM-DD` of `date` in local time, for `<input type="date">` values and bounds. */
export function toDateInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
