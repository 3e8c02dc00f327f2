// The frame of every panel: title with a one-line description on hover, a menu, full screen, and its own states.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { strings } from '../strings';
import { EmptyRange } from './empty-range';

export interface MenuItem {
  label: string;
  onSelect?: () => void;
  /** A link (downloads use `download`). */
  href?: string;
  download?: boolean;
}

/** A panel: `children` is drawn only when the data is there. */
export function PanelFrame({
  title,
  description,
  width,
  menu,
  status,
  error,
  onRetry,
  empty,
  stale,
  children,
  testId,
  unfiltered = [],
}: {
  title: string;
  description: string;
  width: number;
  menu: MenuItem[];
  status: 'loading' | 'ok' | 'error';
  error?: string;
  onRetry?: () => void;
  empty?: boolean;
  /** Loading, with the previous answer to show meanwhile (dimmed). */
  stale?: boolean;
  children?: ReactNode;
  testId?: string;
  /** Active filters the panel's numbers are not filtered by. */
  unfiltered?: string[];
}) {
  const [fullScreen, setFullScreen] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const titleId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!fullScreen && !menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      if (menuOpen) {
        setMenuOpen(false);
        menuButton.current?.focus();
      } else setFullScreen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fullScreen, menuOpen]);

  // While loading, the previous answer stays on screen, dimmed (not when it was empty).
  const showStale = status === 'loading' && !!stale && !empty;
  const items: MenuItem[] = [
    ...menu,
    { label: fullScreen ? strings.panel.exitFullScreen : strings.panel.fullScreen, onSelect: () => setFullScreen((f) => !f) },
  ];

  return (
    <section
      className={`panel${fullScreen ? ' panel-fullscreen' : ''}`}
      style={{ gridColumn: `span ${width}` }}
      aria-labelledby={titleId}
      data-testid={testId}
      data-status={status === 'ok' && empty ? 'empty' : status}
    >
      <header className="panel-head">
        <h2 id={titleId} className="panel-title" title={description}>
          {title}
        </h2>
        <div className="panel-menu-wrap">
          <button
            ref={menuButton}
            type="button"
            className="icon-button"
            aria-label={`${strings.panel.menu}: ${title}`}
            aria-haspopup="menu"
            aria-expanded={menuOpen}
            aria-controls={menuId}
            onClick={() => setMenuOpen((o) => !o)}
          >
            ⋮
          </button>
          {menuOpen && (
            <ul className="panel-menu" role="menu" id={menuId} onMouseLeave={() => setMenuOpen(false)}>
              {items.map((item) => (
                <li key={item.label} role="none">
                  {item.href ? (
                    <a role="menuitem" href={item.href} download={item.download ? '' : undefined} onClick={() => setMenuOpen(false)}>
                      {item.label}
                    </a>
                  ) : (
                    <button
                      role="menuitem"
                      type="button"
                      onClick={() => {
                        setMenuOpen(false);
                        item.onSelect?.();
                      }}
                    >
                      {item.label}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </header>
      <p className="panel-description">{description}</p>
      {unfiltered.length > 0 && (
        <p className="panel-unfiltered" role="note" data-testid="unfiltered-note">
          {strings.panel.notFilteredBy(unfiltered.map((n) => strings.filters.names[n] ?? n).join(', '))}
        </p>
      )}
      <div className="panel-body" aria-busy={status === 'loading'}>
        {status === 'loading' && !showStale && (
          <div className="panel-state" role="status">
            <span className="spinner" aria-hidden="true" /> {strings.panel.loading}
          </div>
        )}
        {status === 'error' && (
          <div className="panel-state panel-error" role="alert">
            <span>{strings.panel.error}</span>
            {error && <span className="panel-error-detail">{error}</span>}
            {onRetry && (
              <button type="button" onClick={onRetry}>
                {strings.panel.retry}
              </button>
            )}
          </div>
        )}
        {status === 'ok' && empty && <EmptyRange />}
        {/* One element in one place whether fresh or stale, so a chart is updated in place, not rebuilt. */}
        {((status === 'ok' && !empty) || showStale) && (
          <div className={showStale ? 'panel-content panel-stale' : 'panel-content'}>{children}</div>
        )}
        {showStale && (
          <div className="panel-stale-spinner" role="status">
            <span className="spinner" aria-hidden="true" /> <span className="sr-only">{strings.panel.loading}</span>
          </div>
        )}
      </div>
      {fullScreen && (
        <button type="button" className="fullscreen-close" onClick={() => setFullScreen(false)}>
          {strings.panel.exitFullScreen}
        </button>
      )}
    </section>
  );
}
