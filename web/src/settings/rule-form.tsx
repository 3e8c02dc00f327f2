// The form of an alert rule: the keys of mailsift.yaml's alerts.rules, checked by the server with the same schema.
import { useState } from 'react';
import { strings } from '../strings';
import type { AlertsAnswer } from './alert-types';
import { FormActions, SeveritySelect } from './form-parts';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Edit `initial` (a new rule when it has no name); `onSave` gets the definition to send. */
export function RuleForm({
  initial,
  isNew,
  info,
  onSave,
  onCancel,
}: {
  initial: Record<string, unknown>;
  isNew: boolean;
  info: AlertsAnswer;
  onSave: (definition: Record<string, unknown>) => void;
  onCancel: () => void;
}) {
  const s = strings.manage.alerts;
  const [d, setD] = useState<Record<string, unknown>>(initial);
  const [kind, setKind] = useState<'detection' | 'query'>(typeof initial.query === 'string' ? 'query' : 'detection');
  const rows = (d.condition as { rows?: unknown } | undefined)?.rows;
  const [condition, setCondition] = useState(typeof rows === 'string' ? rows : '');
  const set = (key: string, value: unknown) => setD((old) => ({ ...old, [key]: value }));
  const chosen = Array.isArray(d.destinations) ? (d.destinations as string[]) : [];
  const destinations = info.destinations.filter((x) => x.problem === null).map((x) => x.name);

  const submit = () => {
    const out: Record<string, unknown> = { ...d };
    if (kind === 'detection') {
      delete out.query;
      delete out.condition;
      delete out.key;
      out.detection ??= '*';
    } else {
      delete out.detection;
      if (condition.trim()) out.condition = { rows: condition.trim() };
      else if ((out.condition as { rows?: unknown } | undefined)?.rows !== undefined) delete out.condition;
    }
    for (const k of ['severity', 'lookback', 'suppress']) if (out[k] === '') delete out[k];
    onSave(out);
  };

  return (
    <form
      className="manage-form"
      data-testid="rule-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label>
        {s.name}
        <input name="name" value={text(d.name)} readOnly={!isNew} required onChange={(e) => set('name', e.target.value)} />
      </label>
      <fieldset>
        <legend>{s.firesOn}</legend>
        <label>
          <input type="radio" name="kind" checked={kind === 'detection'} onChange={() => setKind('detection')} /> {s.onDetection}
        </label>
        <label>
          <input type="radio" name="kind" checked={kind === 'query'} onChange={() => setKind('query')} /> {s.onQuery}
        </label>
      </fieldset>
      {kind === 'detection' ? (
        <label>
          {s.detectionLabel}
          <select name="detection" value={text(d.detection) || '*'} onChange={(e) => set('detection', e.target.value)}>
            <option value="*">{s.anyDetection}</option>
            {info.detections.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <>
          <label className="wide">
            {s.query}
            <textarea
              name="query"
              rows={3}
              value={text(d.query)}
              required
              onChange={(e) => set('query', e.target.value)}
              spellCheck={false}
            />
          </label>
          <label>
            {s.condition}
            <input name="condition" value={condition} placeholder=">0" onChange={(e) => setCondition(e.target.value)} />
          </label>
        </>
      )}
      <label>
        {s.schedule}
        <input name="schedule" value={text(d.schedule)} required placeholder="15m" onChange={(e) => set('schedule', e.target.value)} />
      </label>
      <SeveritySelect
        label={s.severity}
        name="severity"
        none
        value={text(d.severity)}
        severities={info.severities}
        onChange={(v) => set('severity', v)}
      />
      {kind === 'detection' && (
        <SeveritySelect
          label={s.minSeverity}
          name="minSeverity"
          value={text(d.minSeverity) || 'low'}
          severities={info.severities}
          onChange={(v) => set('minSeverity', v)}
        />
      )}
      <label>
        {s.suppress}
        <input name="suppress" value={text(d.suppress)} placeholder="1h" onChange={(e) => set('suppress', e.target.value)} />
      </label>
      <label>
        {s.lookback}
        <input name="lookback" value={text(d.lookback)} onChange={(e) => set('lookback', e.target.value)} />
      </label>
      <fieldset>
        <legend>{s.sendTo}</legend>
        {destinations.length === 0 && <p className="muted">{s.noDestinations}</p>}
        {destinations.map((name) => (
          <label key={name}>
            <input
              type="checkbox"
              name="destination"
              value={name}
              checked={chosen.includes(name)}
              onChange={(e) => set('destinations', e.target.checked ? [...chosen, name] : chosen.filter((x) => x !== name))}
            />{' '}
            {name}
          </label>
        ))}
      </fieldset>
      <label>
        <input type="checkbox" name="enabled" checked={d.enabled !== false} onChange={(e) => set('enabled', e.target.checked)} />{' '}
        {s.enabled}
      </label>
      <FormActions onCancel={onCancel} />
    </form>
  );
}
