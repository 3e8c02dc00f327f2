// Upload of export files, one after another, with a progress bar and ingest's per-file report for each.
import { useState } from 'react';
import { csrfToken, goToSignIn } from '../api';
import { formatCount } from '../format';
import { rejectText, type ReasonJson } from '../reject-text';
import { strings } from '../strings';
import { SafeText } from './safe-text';

/** ingest's report, as POST /api/imports/upload answers it. */
export interface IngestReport {
  files: {
    path: string;
    format: string | null;
    read: number;
    ingested: number;
    updated: number;
    duplicates: number;
    rejected: number;
    error?: string;
    errorReason?: ReasonJson;
    reasons?: ({ reason: string; count: number } & ReasonJson)[];
  }[];
  rejectFile: string | null;
  rejectFileError?: string;
  rejectFileErrorReason?: ReasonJson;
}

/** Send one file; `onProgress` gets 0..100 while it uploads. XHR rather than fetch: fetch reports no upload progress. */
function uploadFile(file: File, onProgress: (percent: number) => void): Promise<IngestReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports/upload');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    const token = csrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      if (xhr.status === 401) goToSignIn();
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status === 200) resolve(body as IngestReport);
      else reject(new Error((body as { error?: { message?: string } })?.error?.message ?? `HTTP ${xhr.status}`));
    };
    xhr.onerror = () => reject(new Error(strings.errors.generic));
    xhr.send(file);
  });
}

/** The upload panel; `onDone` is told after each file (to refresh the recent imports). */
export function UploadForm({ onDone }: { onDone(): void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [percent, setPercent] = useState(0);
  const [reports, setReports] = useState<IngestReport[]>([]);
  const [error, setError] = useState<string | null>(null);
  const busy = status !== null;

  const send = async () => {
    setError(null);
    setReports([]);
    for (const file of files) {
      setPercent(0);
      setStatus(strings.imports.sending(file.name, 0));
      try {
        const report = await uploadFile(file, (p) => {
          setPercent(p);
          setStatus(p < 100 ? strings.imports.sending(file.name, p) : strings.imports.reading(file.name));
        });
        setReports((r) => [...r, report]);
      } catch (e) {
        setError(`${file.name}: ${(e as Error).message}`);
      }
      onDone();
    }
    setStatus(null);
  };

  return (
    <section className="panel">
      <h2 className="panel-title">{strings.imports.upload}</h2>
      <p className="muted">{strings.imports.uploadHelp}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <label>
          {strings.imports.chooseFiles}{' '}
          <input type="file" multiple disabled={busy} onChange={(e) => setFiles([...(e.target.files ?? [])])} data-testid="upload-input" />
        </label>{' '}
        <button type="submit" disabled={busy || files.length === 0}>
          {strings.imports.send}
        </button>
      </form>
      {status && (
        <p role="status">
          <progress max={100} value={percent} /> <SafeText text={status} />
        </p>
      )}
      {error && (
        <p className="query-error" role="alert">
          <SafeText text={error} />
        </p>
      )}
      {reports.length > 0 && (
        <table className="simple-table" data-testid="upload-report">
          <caption>{strings.imports.report}</caption>
          <thead>
            <tr>
              {strings.imports.columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {reports.flatMap((r) =>
              r.files.map((f) => (
                <tr key={f.path}>
                  <td>
                    <SafeText text={f.path} />
                    {f.error && (
                      <div className="query-error">
                        <SafeText text={rejectText(f.error, f.errorReason)} />
                      </div>
                    )}
                    {f.reasons && f.reasons.length > 0 && (
                      <ul className="muted" data-testid="reject-reasons">
                        {f.reasons.map((r) => (
                          <li key={r.reason}>
                            <SafeText text={strings.imports.reasonCount(formatCount(r.count), rejectText(r.reason, r))} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{f.format ?? strings.imports.unknownFormat}</td>
                  <td>{f.read}</td>
                  <td>{f.ingested}</td>
                  <td>{f.updated}</td>
                  <td>{f.duplicates}</td>
                  <td>{f.rejected}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      {reports.map((r) =>
        r.rejectFile ? (
          <p key={r.rejectFile} className="muted">
            <SafeText text={strings.imports.rejectFile(r.rejectFile)} />
          </p>
        ) : null,
      )}
      {reports.map((r, i) =>
        r.rejectFileError ? (
          <p key={i} className="query-error" data-testid="reject-file-error">
            <SafeText text={strings.imports.rejectFileFailed(rejectText(r.rejectFileError, r.rejectFileErrorReason))} />
          </p>
        ) : null,
      )}
    </section>
  );
}
