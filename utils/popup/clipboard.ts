/**
 * Copies text to the clipboard from a click handler (extension pages have user activation then). Falls back to
 * a hidden textarea and `execCommand('copy')` where the async API is missing or refused. Resolves to whether the
 * text was copied; never throws.
 */
export interface ClipboardLike {
  writeText(text: string): Promise<void>;
}

export async function copyText(
  text: string,
  clipboard: ClipboardLike | null = globalThis.navigator?.clipboard ?? null,
  doc: Document | undefined = globalThis.document,
): Promise<boolean> {
  if (clipboard) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no focus, no permission): try the fallback.
    }
  }
  if (!doc?.body) return false;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.append(area);
  const active = doc.activeElement as HTMLElement | null;
  try {
    area.select();
    return typeof doc.execCommand === 'function' && doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    active?.focus?.();
  }
}
