// The evidence rows of a finding in place (sortable, text shown as text), with the CSV export and the Explorer.
import { useEffect, useState } from 'react';
import { api, type QueryResult } from '../api';
import { errorText } from '../error-text';
import { currentTimeZone, formatCount } from '../format';
import { explorerHref } from '../panels/panel-links';
import { ResultTable } from '../panels/result-table';
import { strings } from '../strings';
import { navigate } from '../url-state';
import { AppLink } from './finding-link';
import type { Finding } from './finding-types';

/** The CSV export of a finding's query (formula cells neutralised by the server). */
export function evidenceCsvHref(query: string): string {
  return `/api/export?${new URLSearchParams({ query, format: 'csv', timeZone: currentTimeZone() }).toString()}`;
}

export function EvidenceRows({ finding }: { finding: Finding }) {
  const [result, setResult] = useState<QueryResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ask = new AbortController();
    setResult(null);
    api<QueryResult>('GET', `/api/findings/${encodeURIComponent(finding.id)}/evidence`, undefined, { signal: ask.signal }).then(
      setResult,
      (e: unknown) => ask.signal.aborted || setError(errorText(e)),
    );
    return () => ask.abort();
  }, [finding.id]);
  const explorer = explorerHref(finding.query, '');
  return (
    <div data-testid="finding-evidence">
      <div className="finding-toolbar">
        {result && (
          <span className="muted">{strings.finding.evidenceShown(formatCount(result.rows.length), formatCount(finding.count))}</span>
        )}
        <a className="button" href={evidenceCsvHref(finding.query)} download data-testid="evidence-export">
          {strings.finding.exportCsv}
        </a>
        <AppLink className="button" href={explorer}>
          {strings.finding.openInExplorer}
        </AppLink>
      </div>
      {error && <p role="alert">{error}</p>}
      {!result && !error && <p role="status">{strings.common.loading}</p>}
      {result && (
        <ResultTable
          result={result}
          maxHeight={420}
          onOpenMessage={(id) => navigate(`/message/${encodeURIComponent(id)}`)}
          label={strings.finding.evidenceTitle}
        />
      )}
    </div>
  );
}
