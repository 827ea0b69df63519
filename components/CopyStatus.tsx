/**
 * Copying citations: the chosen format (Markdown or plain text), a `copy` action for buttons, and the one live
 * region that says whether the copy worked. Rendered once per page around everything that has copy buttons.
 */
import { createContext } from 'preact';
import type { ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CitationFormat } from '@/utils/citation';
import { copyText } from '@/utils/popup/clipboard';
import { t } from '@/utils/i18n';

interface CopyContextValue {
  format: CitationFormat;
  setFormat: (format: CitationFormat) => void;
  /** Copies `text`; `what` names it in the status message ("A01", "Hikvision"). */
  copy: (text: string, what: string) => Promise<void>;
}

const CopyContext = createContext<CopyContextValue>({
  format: 'markdown',
  setFormat: () => undefined,
  copy: async () => undefined,
});

export function useCopy(): CopyContextValue {
  return useContext(CopyContext);
}

/** How long the status stays visible; screen readers have announced it by then. */
const STATUS_MS = 5000;

export function CopyStatusProvider({ children }: { children: ComponentChildren }) {
  const [format, setFormat] = useState<CitationFormat>('markdown');
  const [status, setStatus] = useState<{ text: string; ok: boolean } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = useCallback(async (text: string, what: string) => {
    const ok = await copyText(text);
    clearTimeout(timer.current);
    setStatus({ text: ok ? t('copyDone', what) : t('copyFailed'), ok });
    timer.current = setTimeout(() => setStatus(null), STATUS_MS);
  }, []);

  const value = useMemo(() => ({ format, setFormat, copy }), [format, copy]);
  return (
    <CopyContext.Provider value={value}>
      {children}
      <p
        role="status"
        class={`copy-status${status ? ' copy-status--shown' : ''}${status && !status.ok ? ' copy-status--error' : ''}`}
        data-testid="copy-status"
      >
        {status?.text ?? ''}
      </p>
    </CopyContext.Provider>
  );
}

/** The "Copy citations as" choice. */
export function CitationFormatPicker({ id }: { id: string }) {
  const { format, setFormat } = useCopy();
  return (
    <p class="format-picker">
      <label for={id}>{t('copyFormat')}</label>{' '}
      <select
        id={id}
        value={format}
        data-testid="citation-format"
        onChange={(e) =>
          setFormat((e.currentTarget as HTMLSelectElement).value === 'text' ? 'text' : 'markdown')
        }
      >
        <option value="markdown">{t('formatMarkdown')}</option>
        <option value="text">{t('formatText')}</option>
      </select>
    </p>
  );
}
