// A finding's entities, each with one-click views of its mail: the Security dashboard filtered on it, and (for
// analysts) the Explorer with a query on it. Values are attacker-controlled: shown as text, quoted as KQL literals.
import { kqlString } from '../../../src/kql/kql-literal';
import { SafeText } from '../components/safe-text';
import { valueLabel } from '../i18n';
import { explorerHref } from '../panels/panel-links';
import { strings } from '../strings';
import { writeViewState, type FilterName } from '../url-state';
import { AppLink } from './finding-link';

const DAY_MS = 86_400_000;

/** The dashboard filter of each entity slot, where one exists. */
const FILTER_OF: Readonly<Record<string, FilterName>> = {
  sender: 'sender',
  senderDomain: 'domain',
  recipient: 'recipient',
  country: 'country',
  status: 'status',
};

/** The KQL condition that finds an entity's mail. */
function condition(slot: string, value: string): string | undefined {
  const v = kqlString(value);
  switch (slot) {
    case 'sender':
      return `SenderAddress == ${v}`;
    case 'senderDomain':
      return `SenderDomain == ${v}`;
    case 'recipient':
      return `RecipientAddress == ${v}`;
    case 'ip':
      return `FromIP == ${v} or ToIP == ${v}`;
    case 'country':
      return `FromCountry == ${v} or ToCountry == ${v}`;
    case 'status':
      return `Status == ${v}`;
    case 'subject':
      return `Subject == ${v}`;
    default:
      return undefined;
  }
}

/** The entities of a finding with their links; the time range is the finding's span with a day either side. */
export function EntityLinks({
  entities,
  from,
  to,
  analyst,
}: {
  entities: Record<string, string>;
  from: number;
  to: number;
  analyst: boolean;
}) {
  const range = { key: 'custom' as const, from: from - DAY_MS, to: to + DAY_MS };
  const present = Object.entries(entities).filter(([, v]) => v);
  if (present.length === 0) return null;
  return (
    <dl className="finding-entities" data-testid="finding-entities">
      {present.map(([slot, value]) => {
        const name = strings.findings.entityNames[slot] ?? slot;
        const filter = FILTER_OF[slot];
        const cond = condition(slot, value);
        return (
          <div key={slot} className="finding-entity" data-entity={slot}>
            <dt>{name}</dt>
            <dd>
              <SafeText text={slot === 'status' ? valueLabel(value) : value} maxChars={120} />
              <span className="finding-entity-links">
                {filter && (
                  <AppLink
                    href={`/security${writeViewState('', range, { [filter]: [value] })}`}
                    title={strings.finding.filterOn(name, value)}
                    testId={`entity-dashboard-${slot}`}
                  >
                    {strings.finding.onDashboard}
                  </AppLink>
                )}
                {analyst && cond && (
                  <AppLink
                    href={explorerHref(`MessageTrace\n| where ${cond}\n| order by Received desc`, writeViewState('', range, {}))}
                    title={strings.finding.exploreOn(name, value)}
                    testId={`entity-explorer-${slot}`}
                  >
                    {strings.finding.inExplorer}
                  </AppLink>
                )}
              </span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
