// The form of an alert destination: the common keys of each type (others already stored are kept as they are).
// Secrets arrive masked; sent back unchanged, the server keeps the stored value.
import { useState } from 'react';
import { LANGUAGES } from '../i18n';
import { strings } from '../strings';
import { SECRET_MASK, type AlertsAnswer } from './alert-types';
import { FormActions, SeveritySelect } from './form-parts';

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Fields of each type: [key path, label key, input type]. */
const FIELDS: Record<string, [string, keyof typeof strings.manage.alerts, 'text' | 'password' | 'number' | 'list'][]> = {
  webhook: [
    ['url', 'url', 'text'],
    ['secret', 'signingSecret', 'password'],
  ],
  slack: [['url', 'url', 'text']],
  teams: [['url', 'url', 'text']],
  smtp: [
    ['host', 'host', 'text'],
    ['port', 'port', 'number'],
    ['from', 'from', 'text'],
    ['to', 'to', 'list'],
    ['auth.user', 'user', 'text'],
    ['auth.pass', 'password', 'password'],
  ],
  syslog: [
    ['host', 'host', 'text'],
    ['port', 'port', 'number'],
  ],
};

function get(d: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), d);
}

function put(d: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) {
    const out = { ...d };
    if (value === '' || value === undefined) delete out[head!];
    else out[head!] = value;
    return out;
  }
  const inner = put((d[head!] as Record<string, unknown>) ?? {}, rest.join('.'), value);
  const out = { ...d, [head!]: inner };
  if (Object.keys(inner).length === 0) delete out[head!];
  return out;
}

/** Edit `initial` (a new destination when `isNew`); `onSave` gets the definition and whether to use it for the built-in rules. */
export function DestinationForm({
  initial,
  isNew,
  info,
  onSave,
  onCancel,
}: {
  initial: Record<string, unknown>;
  isNew: boolean;
  info: AlertsAnswer;
  onSave: (definition: Record<string, unknown>, useForBuiltIns: boolean) => void;
  onCancel: () => void;
}) {
  const s = strings.manage.alerts;
  const [d, setD] = useState<Record<string, unknown>>(initial);
  const offBuiltIns = info.rules.some((r) => r.source === 'built-in');
  const [useForBuiltIns, setUseForBuiltIns] = useState(isNew && offBuiltIns);
  const type = text(d.type) || 'webhook';

  return (
    <form
      className="manage-form"
      data-testid="destination-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ ...d, type }, useForBuiltIns);
      }}
    >
      <label>
        {s.name}
        <input name="name" value={text(d.name)} readOnly={!isNew} required onChange={(e) => setD(put(d, 'name', e.target.value))} />
      </label>
      <label>
        {s.type}
        <select name="type" value={type} disabled={!isNew} onChange={(e) => setD({ name: d.name, type: e.target.value })}>
          {info.destinationTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      {(FIELDS[type] ?? []).map(([path, label, kind]) => {
        const value = get(d, path);
        const shown = kind === 'list' && Array.isArray(value) ? value.join(', ') : text(value);
        const kept = shown.includes(SECRET_MASK);
        return (
          <label key={path} className={path === 'url' ? 'wide' : undefined}>
            {s[label] as string}
            <input
              name={path}
              type={kind === 'password' ? 'password' : kind === 'number' ? 'number' : 'text'}
              value={shown}
              autoComplete="off"
              onChange={(e) => {
                const v = e.target.value;
                const parsed =
                  kind === 'number'
                    ? v === ''
                      ? undefined
                      : Number(v)
                    : kind === 'list'
                      ? v
                          .split(',')
                          .map((x) => x.trim())
                          .filter(Boolean)
                      : v;
                setD(put(d, path, parsed));
              }}
            />
            {kept && <span className="muted">{s.secretKept}</span>}
          </label>
        );
      })}
      {type === 'syslog' && (
        <>
          <label>
            {s.protocol}
            <select name="protocol" value={text(d.protocol) || 'udp'} onChange={(e) => setD(put(d, 'protocol', e.target.value))}>
              {['udp', 'tcp', 'tls'].map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
          <label>
            {s.format}
            <select name="format" value={text(d.format) || 'rfc5424'} onChange={(e) => setD(put(d, 'format', e.target.value))}>
              {['rfc5424', 'cef'].map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
        </>
      )}
      <SeveritySelect
        label={s.minSeverity}
        name="minSeverity"
        value={text(d.minSeverity) || 'low'}
        severities={info.severities}
        onChange={(v) => setD(put(d, 'minSeverity', v))}
      />
      <label>
        {s.messageLanguage}
        <select name="language" value={text(d.language)} onChange={(e) => setD(put(d, 'language', e.target.value))}>
          <option value="">{s.organizationLanguage}</option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {strings.prefs.languages[l] ?? l}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" name="enabled" checked={d.enabled !== false} onChange={(e) => setD({ ...d, enabled: e.target.checked })} />{' '}
        {s.enabled}
      </label>
      {isNew && offBuiltIns && (
        <label className="wide">
          <input type="checkbox" name="useForBuiltIns" checked={useForBuiltIns} onChange={(e) => setUseForBuiltIns(e.target.checked)} />{' '}
          {s.useForBuiltIns}
        </label>
      )}
      <FormActions onCancel={onCancel} />
    </form>
  );
}
