// "Add filter": pick a field, type or choose a value; the chip joins the others in the URL.
import { useId, useState } from 'react';
import { STATUS_ORDER } from '../colors';
import { valueLabel } from '../i18n';
import { strings } from '../strings';
import { FILTER_NAMES, type FilterName } from '../url-state';

// Fields with a known set of values get a list to choose from.
const CHOICES: Partial<Record<FilterName, readonly string[]>> = {
  status: STATUS_ORDER,
  direction: ['Inbound', 'Outbound', 'Internal', 'External'],
};

export function AddFilter({ onAdd }: { onAdd: (name: FilterName, value: string) => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState<FilterName>('sender');
  const [value, setValue] = useState('');
  const listId = useId();
  if (!open)
    return (
      <button type="button" className="link-button" data-testid="add-filter" onClick={() => setOpen(true)}>
        + {strings.filters.add}
      </button>
    );
  const choices = CHOICES[name];
  return (
    <form
      className="add-filter"
      onSubmit={(e) => {
        e.preventDefault();
        const v = value.trim();
        if (!v) return;
        onAdd(name, v);
        setValue('');
        setOpen(false);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setOpen(false);
      }}
    >
      <label>
        <span className="sr-only">{strings.filters.field}</span>
        <select value={name} onChange={(e) => setName(e.target.value as FilterName)} aria-label={strings.filters.field}>
          {FILTER_NAMES.map((n) => (
            <option key={n} value={n}>
              {strings.filters.names[n]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="sr-only">{strings.filters.value}</span>
        <input
          autoFocus
          aria-label={strings.filters.value}
          name="filter-value"
          value={value}
          maxLength={512}
          placeholder={strings.filters.placeholders[name]}
          title={name === 'sender' || name === 'recipient' || name === 'domain' ? strings.filters.wildcardHint : undefined}
          list={choices ? listId : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      {choices && (
        <datalist id={listId}>
          {choices.map((c) => (
            <option key={c} value={c} label={valueLabel(c)} />
          ))}
        </datalist>
      )}
      <button type="submit">{strings.filters.apply}</button>
      <button type="button" className="link-button" onClick={() => setOpen(false)}>
        {strings.filters.cancel}
      </button>
    </form>
  );
}
