// Small pieces the Settings tables and forms share: column headings, a severity choice, Save / Cancel.
import { strings } from '../strings';

/** The heading row of a table. */
export function ColumnHeads({ columns }: { columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A labelled choice of severity; `none` adds an empty first choice. */
export function SeveritySelect({
  label,
  name,
  value,
  severities,
  none,
  onChange,
}: {
  label: string;
  name: string;
  value: string;
  severities: readonly string[];
  none?: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {label}
      <select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {none && <option value="">-</option>}
        {severities.map((v) => (
          <option key={v} value={v}>
            {strings.values[v] ?? v}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Save and Cancel at the end of a form. */
export function FormActions({ onCancel }: { onCancel: () => void }) {
  return (
    <div className="manage-actions">
      <button type="submit">{strings.manage.alerts.save}</button>
      <button type="button" onClick={onCancel}>
        {strings.common.cancel}
      </button>
    </div>
  );
}
