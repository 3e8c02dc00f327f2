/** When a dashboard page drew its first panel and when its panels' request left, in the page's own clock (ms). */
import type { Page } from 'playwright-core';

/** Note when the first panel comes into the page (before the page is opened: an init script of every document). */
export async function noteFirstPanel(page: Page): Promise<void> {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('section.panel')) return;
      (window as unknown as { panelAt: number }).panelAt = performance.now();
      observer.disconnect();
    }).observe(document, { subtree: true, childList: true });
  });
}

/** The first panel's time (noteFirstPanel) and when the request for dashboard `id`'s panels left. */
export function firstPanelTimes(page: Page, id = 'overview'): Promise<{ panelAt: number; runAt: number }> {
  return page.evaluate(
    (path) => ({
      panelAt: (window as unknown as { panelAt: number }).panelAt,
      runAt: performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === path)?.startTime ?? NaN,
    }),
    `/api/dashboards/${id}/run`,
  );
}
