/**
 * Translated UI strings from `public/_locales/<lang>/messages.json`. Keys are typed from the English file (WXT
 * generates the type), so a missing key is a compile error; at run time a missing translation falls back to the
 * key itself, which is visible in tests instead of rendering as an empty string.
 */
import { browser } from 'wxt/browser';

export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

export function t(key: MessageKey, substitutions?: string | string[]): string {
  try {
    return browser.i18n.getMessage(key, substitutions) || key;
  } catch {
    return key;
  }
}
