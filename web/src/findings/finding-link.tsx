// A finding's severity chip and the link to its page (the title, shown as text).
import { severityColor } from '../colors';
import { SafeText } from '../components/safe-text';
import { valueLabel } from '../i18n';
import { strings } from '../strings';
import { navigate } from '../url-state';
import type { Finding } from './finding-types';

export function SeverityChip({ severity }: { severity: string }) {
  const sw = severityColor(severity);
  return (
    <span className="status-chip" style={{ backgroundColor: sw.color, color: sw.text }}>
      {valueLabel(severity)}
    </span>
  );
}

export function FindingLink({ f, maxChars = 160 }: { f: Pick<Finding, 'id' | 'title'>; maxChars?: number }) {
  const href = `/findings/${encodeURIComponent(f.id)}`;
  return (
    <a
      href={href}
      title={strings.findings.open(f.title)}
      data-testid="finding-link"
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(href);
      }}
    >
      <SafeText text={f.title} maxChars={maxChars} />
    </a>
  );
}
