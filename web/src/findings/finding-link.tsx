// A finding's severity chip, the link to its page (the title, shown as text), and links inside the app.
import type { ReactNode } from 'react';
import { severityColor } from '../colors';
import { SafeText } from '../components/safe-text';
import { currentLanguage, valueLabel } from '../i18n';
import { findingTitle } from '../finding-title';
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

/** A link to a page of the app: followed without reloading (a modified click opens it the browser's way). */
export function AppLink({
  href,
  title,
  testId,
  className,
  children,
}: {
  href: string;
  title?: string;
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <a
      href={href}
      title={title}
      className={className}
      data-testid={testId}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}

/** A link to a finding's page, titled in the viewer's language. */
export function FindingLink({
  f,
  maxChars = 160,
}: {
  f: Pick<Finding, 'id' | 'title'> & { details?: Finding['details'] };
  maxChars?: number;
}) {
  const title = findingTitle(f, currentLanguage());
  return (
    <AppLink href={`/findings/${encodeURIComponent(f.id)}`} title={strings.findings.open(title)} testId="finding-link">
      <SafeText text={title} maxChars={maxChars} />
    </AppLink>
  );
}
