// One message: every recipient row of its MessageTraceId and every hop (MessageEvents), oldest first.
import { useEffect, useState } from 'react';
import { errorText } from '../error-text';
import { api, type QueryResult } from '../api';
import { ResultTable } from '../panels/result-table';
import { strings } from '../strings';
import { SafeText } from '../components/safe-text';

/** KQL string literal for a value (quotes and backslashes escaped, controls as \u escapes). */
function kqlString(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\u0000-\u001f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

export function MessagePage({ traceId }: { traceId: string }) {
  const [rows, setRows] = useState<QueryResult | null>(null);
  const [hops, setHops] = useState<QueryResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const id = kqlString(traceId);
    const ask = new AbortController();
    const options = { signal: ask.signal };
    Promise.all([
      api<QueryResult>('POST', '/api/query', { query: `MessageTrace\n| where MessageTraceId == ${id}\n| sort by Received asc` }, options),
      api<QueryResult>('POST', '/api/query', { query: `MessageEvents\n| where MessageTraceId == ${id}\n| sort by Timestamp asc` }, options),
    ]).then(
      ([r, h]) => {
        setRows(r);
        setHops(h);
      },
      (e: unknown) => ask.signal.aborted || setError(errorText(e)),
    );
    return () => ask.abort();
  }, [traceId]);
  return (
    <div className="message-page">
      <button type="button" className="link-button" onClick={() => history.back()}>
        ← {strings.message.back}
      </button>
      <h1 className="page-title">
        {strings.message.title} <SafeText text={traceId} />
      </h1>
      {error && <p role="alert">{error}</p>}
      <section className="panel wide">
        <h2 className="panel-title">{strings.message.recipients}</h2>
        {rows ? (
          <ResultTable result={rows} maxHeight={360} label={strings.message.recipients} />
        ) : (
          <p role="status">{strings.common.loading}</p>
        )}
      </section>
      <section className="panel wide">
        <h2 className="panel-title">{strings.message.hops}</h2>
        {hops ? (
          hops.rows.length ? (
            <ResultTable result={hops} maxHeight={420} label={strings.message.hops} />
          ) : (
            <p className="panel-empty">{strings.message.noHops}</p>
          )
        ) : (
          <p role="status">{strings.common.loading}</p>
        )}
      </section>
    </div>
  );
}
