// Imports (analysts and admins): upload export files, and the recent files of uploads and the drop folder.
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import { SafeText } from '../components/safe-text';
import { UploadForm } from '../components/upload-form';
import { formatTime } from '../format';
import { rejectText, type ReasonJson } from '../reject-text';
import { strings } from '../strings';

interface ImportEntry {
  name: string;
  via: string;
  user?: string;
  at: string;
  format: string | null;
  read: number;
  ingested: number;
  rejected: number;
  error?: string;
  errorReason?: ReasonJson;
  movedTo?: string;
  rejectFileError?: string;
  rejectFileErrorReason?: ReasonJson;
}

export function ImportsPage() {
  const [data, setData] = useState<{ watch: string | null; imports: ImportEntry[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api<{ watch: string | null; imports: ImportEntry[] }>('GET', '/api/imports').then(setData, (e: unknown) =>
      setError(e instanceof ApiError ? e.message : strings.errors.generic),
    );
  }, []);
  useEffect(load, [load]);

  return (
    <div>
      <h1 className="page-title">{strings.imports.title}</h1>
      <UploadForm onDone={load} />
      <section className="panel">
        <h2 className="panel-title">{strings.imports.recent}</h2>
        {error && (
          <p role="alert" className="query-error">
            {error}
          </p>
        )}
        {data && <p className="muted">{data.watch ? <SafeText text={strings.imports.watching(data.watch)} /> : strings.imports.noWatch}</p>}
        {data && data.imports.length === 0 && <p className="muted">{strings.imports.noImports}</p>}
        {data && data.imports.length > 0 && (
          <table className="simple-table" data-testid="recent-imports">
            <thead>
              <tr>
                {strings.imports.recentColumns.map((c) => (
                  <th key={c}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.imports.map((i) => (
                <tr key={`${i.at}-${i.name}`}>
                  <td>{formatTime(i.at)}</td>
                  <td>
                    <SafeText text={i.name} />
                    {i.error && (
                      <div className="query-error">
                        <SafeText text={rejectText(i.error, i.errorReason)} />
                      </div>
                    )}
                    {i.rejectFileError && (
                      <div className="query-error">
                        <SafeText text={strings.imports.rejectFileFailed(rejectText(i.rejectFileError, i.rejectFileErrorReason))} />
                      </div>
                    )}
                  </td>
                  <td>{strings.imports.via[i.via] ?? i.via}</td>
                  <td>{i.user ? <SafeText text={i.user} /> : ''}</td>
                  <td>{i.format ?? strings.imports.unknownFormat}</td>
                  <td>{i.read}</td>
                  <td>{i.ingested}</td>
                  <td>{i.rejected}</td>
                  <td>{i.movedTo ? <SafeText text={i.movedTo} /> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
