// "No data in this time range", with a way to the data when it all lies outside the range.
import { useDataSpan } from '../data-span';
import { formatTime } from '../format';
import { strings } from '../strings';
import { useViewState } from '../url-state';

export function EmptyRange() {
  const { range, setRange } = useViewState();
  const span = useDataSpan();
  const outside = span !== undefined && (span.to < range.from || span.from >= range.to);
  return (
    <div className="panel-state panel-empty">
      <span>{strings.panel.empty}</span>
      {outside && (
        <button
          type="button"
          className="link-button"
          data-testid="jump-to-data"
          // The latest row is included: the range's end is exclusive.
          onClick={() => setRange({ key: 'custom', from: span.from, to: span.to + 1 })}
        >
          {strings.panel.jumpToData(formatTime(span.from), formatTime(span.to))}
        </button>
      )}
    </div>
  );
}
