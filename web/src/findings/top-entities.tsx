// The top values a rule recorded with their counts (status-spike: senders, sender and recipient domains,
// directions), each a click away from the Security dashboard filtered on it.
import { SafeText } from '../components/safe-text';
import { formatCount } from '../format';
import { valueLabel } from '../i18n';
import { strings } from '../strings';
import { writeViewState, type FilterName } from '../url-state';
import { AppLink } from './finding-link';

const DAY_MS = 86_400_000;

/** Details keys holding `[{value, count}]`, and the dashboard filter of their values. */
const TOP_LISTS: readonly { key: string; filter: FilterName }[] = [
  { key: 'topSenders', filter: 'sender' },
  { key: 'topSenderDomains', filter: 'domain' },
  { key: 'topRecipientDomains', filter: 'domain' },
  { key: 'directions', filter: 'direction' },
];

interface Top {
  value: string;
  count: number;
}

function tops(v: unknown): Top[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((x) => {
    const o = x as { value?: unknown; count?: unknown };
    return typeof o?.value === 'string' && typeof o.count === 'number' && o.value ? [{ value: o.value, count: o.count }] : [];
  });
}

export function TopEntities({ details, from, to }: { details: Record<string, unknown>; from: number; to: number }) {
  const lists = TOP_LISTS.map((l) => ({ ...l, values: tops(details[l.key]) })).filter((l) => l.values.length > 0);
  if (lists.length === 0) return null;
  const range = { key: 'custom' as const, from: from - DAY_MS, to: to + DAY_MS };
  return (
    <div className="finding-tops" data-testid="finding-tops">
      {lists.map((l) => (
        <div key={l.key} data-list={l.key}>
          <h3>{strings.finding.tops[l.key] ?? l.key}</h3>
          <ol>
            {l.values.map((t) => {
              const href = `/security${writeViewState('', range, { [l.filter]: [t.value] })}`;
              return (
                <li key={t.value}>
                  <AppLink href={href}>
                    <SafeText text={l.filter === 'direction' ? valueLabel(t.value) : t.value} maxChars={80} />
                  </AppLink>{' '}
                  <span className="muted">{formatCount(t.count)}</span>
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </div>
  );
}
