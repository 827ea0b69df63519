/**
 * A compact timeline: a strip of years, each with a mark per government action (filled) and per response
 * (outlined). Each year is one list item whose text says the counts; a year with actions links to its first row.
 */
import type { TimelineYear } from '@/utils/popup/timeline';
import { t } from '@/utils/i18n';

/** Marks drawn per kind and year; more are summed up as "+n". */
const MAX_MARKS = 6;

function Marks({ n, kind }: { n: number; kind: 'action' | 'response' }) {
  const shown = Math.min(n, MAX_MARKS);
  return (
    <>
      {Array.from({ length: shown }, (_, i) => (
        <span key={i} class={`timeline__mark timeline__mark--${kind}`} />
      ))}
      {n > shown && <span class="timeline__more">+{n - shown}</span>}
    </>
  );
}

export interface TimelineProps {
  years: TimelineYear[];
  /** Element id of the first row of an action id, for the year links. */
  rowId: (actionId: string) => string;
  labelledBy: string;
}

export function Timeline({ years, rowId, labelledBy }: TimelineProps) {
  if (years.length === 0) return null;
  return (
    <ol class="timeline" aria-labelledby={labelledBy} data-testid="timeline">
      {years.map((y) => {
        const label = t('timelineYear', [String(y.year), String(y.actions.length), String(y.responses)]);
        const inner = (
          <>
            <span class="timeline__marks" aria-hidden="true">
              <Marks n={y.actions.length} kind="action" />
              <Marks n={y.responses} kind="response" />
            </span>
            <span class="timeline__year" aria-hidden="true">
              ’{String(y.year).slice(2)}
            </span>
            <span class="visually-hidden">{label}</span>
          </>
        );
        const first = y.actions[0];
        return (
          <li key={y.year} class="timeline__item" data-year={y.year} title={label}>
            {first ? (
              <a class="timeline__link" href={`#${rowId(first)}`}>
                {inner}
              </a>
            ) : (
              <span class="timeline__link">{inner}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
