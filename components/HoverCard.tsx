import type { CardData } from '@/utils/messaging';
import type { MentionMatch } from '@/utils/engine/types';
import type { RectLike, Size } from '@/utils/content/card-placement';
import { placeCard } from '@/utils/content/card-placement';
import { t } from '@/utils/i18n';

export interface CardMention {
  text: string;
  alias: string;
  match: MentionMatch;
}

export interface HoverCardProps {
  mention: CardMention;
  /** Display name of the mention's vendor (the parent for a brand). */
  vendorName: string;
  /** null while the background answers. */
  data: CardData | null;
  /** The mention's rect, in viewport coordinates: the card goes below or above it, never over it. */
  anchor: RectLike;
  /** The viewport's size (window.innerWidth/innerHeight). */
  viewport: Size;
  /** Set once the user said "not this company". */
  mutedNotice: boolean;
  onNotThis(): void;
  onOpenReport(): void;
  onClose(): void;
}

function why(mention: CardMention, vendorName: string): string {
  switch (mention.match.kind) {
    case 'fuzzy':
      return t('cardWhyFuzzy', [mention.text, mention.alias]);
    case 'brand':
      return t('cardWhyBrand', [mention.text, mention.match.relation, vendorName]);
    default:
      return t('cardWhyExact', [vendorName, mention.text]);
  }
}

/**
 * The hover card: who the company is, how many government actions and the two newest, how many public
 * responses and the latest quote (verbatim, in its language), why this text was highlighted, and two actions.
 * Rendered in a shadow root; every value is text (Preact escapes it), never HTML.
 */
export function HoverCard(props: HoverCardProps) {
  const { mention, vendorName, data, anchor, mutedNotice } = props;
  const place = placeCard(anchor, props.viewport);

  const title =
    mention.match.kind === 'brand'
      ? `${mention.match.brand} — a ${vendorName} ${mention.match.relation}`
      : data?.parentRelation
        ? `${data.name} — ${data.parentRelation}`
        : (data?.name ?? vendorName);

  return (
    <div
      class="card"
      role="dialog"
      aria-modal="false"
      aria-labelledby="vl-card-title"
      tabIndex={-1}
      data-testid="vendor-lens-card"
      data-side={place.side}
      style={{
        left: `${place.left}px`,
        width: `${place.width}px`,
        maxHeight: `${place.maxHeight}px`,
        ...(place.top !== null ? { top: `${place.top}px` } : { bottom: `${place.bottom ?? 0}px` }),
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onClose();
        }
      }}
    >
      <header class="card__header">
        <h2 id="vl-card-title" class="card__title" aria-label={t('cardLabel', title)}>
          {title}
        </h2>
        <button type="button" class="card__close" aria-label={t('cardClose')} onClick={props.onClose}>
          ×
        </button>
      </header>
      {!data ? (
        <p class="card__muted" role="status">
          {t('loading')}
        </p>
      ) : (
        <>
          <section class="card__section" aria-label={t('cardActions', String(data.actionCount))}>
            <p class="card__count">{t('cardActions', String(data.actionCount))}</p>
            {data.viaParent && <p class="card__muted">{data.viaParent}</p>}
            <ul class="card__actions">
              {data.latestActions.map((a) => (
                <li key={a.id}>
                  <time dateTime={a.date.date}>{a.date.date}</time> · {a.jurisdiction}: {a.line}
                </li>
              ))}
            </ul>
          </section>
          <section class="card__section">
            <p class="card__count">
              {data.responseCount > 0
                ? t('cardResponses', [String(data.responseCount), data.responsesOf])
                : t('cardNoResponses')}
            </p>
            {data.latestQuote && (
              <figure class="card__quote">
                <blockquote lang={data.latestQuote.quoteLanguage}>“{data.latestQuote.quote}”</blockquote>
                <figcaption>
                  — {data.latestQuote.speaker},{' '}
                  <time dateTime={data.latestQuote.date.date}>{data.latestQuote.date.date}</time>
                </figcaption>
              </figure>
            )}
          </section>
        </>
      )}
      <p class="card__why">{why(mention, vendorName)}</p>
      {mutedNotice && (
        <p class="card__muted" role="status">
          {t('cardNotThisDone', mention.alias)}
        </p>
      )}
      <footer class="card__footer">
        <button type="button" onClick={props.onNotThis} disabled={mutedNotice}>
          {t('cardNotThis')}
        </button>
        <button type="button" class="card__primary" onClick={props.onOpenReport}>
          {t('cardOpenReport')}
        </button>
      </footer>
    </div>
  );
}
