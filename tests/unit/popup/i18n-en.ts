/**
 * `browser.i18n.getMessage` for unit tests, from the English messages file with Chrome's placeholder rules
 * ($NAME$ → its `content`, `$1`… → the substitutions), so components render the real English text.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../../public/_locales/en/messages.json';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const MESSAGES = en as unknown as Record<string, Message>;

export function englishMessage(key: string, substitutions?: string | string[]): string {
  const entry = MESSAGES[key];
  if (!entry) return '';
  const subs =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const fill = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const ph = entry.placeholders?.[name.toLowerCase()];
    return ph ? fill(ph.content) : whole;
  });
}

/** Makes `t()` return English text for the rest of the test. */
export function useEnglishMessages(): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    englishMessage as unknown as typeof fakeBrowser.i18n.getMessage,
  );
}
