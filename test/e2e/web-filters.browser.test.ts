// Filters in chromium: a wildcard typed by hand filters the panels, a panel that cannot take a filter says so
// under its title, time presets land in the URL, and an empty range offers the data's own span.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFixture, HAS_CHROMIUM, reportSkip, waitForPanels, type BrowserFixture } from './browser-fixture.js';

reportSkip('web-filters.browser.test.ts');

describe.skipIf(!HAS_CHROMIUM)('filters in chromium', () => {
  let f: BrowserFixture;
  beforeAll(async () => {
    f = await browserFixture({ days: 7, perDay: 300 });
    await f.signIn('analyst');
  }, 180_000);
  afterAll(async () => {
    await f?.close();
  });

  it('filters every panel by a sender wildcard typed by hand', async () => {
    await f.page.goto(`${f.url}/overview?range=7d`);
    await waitForPanels(f.page);
    await f.page.click('[data-testid=add-filter]');
    await f.page.selectOption('.add-filter select', 'sender');
    await f.page.fill('.add-filter input[name=filter-value]', '*@EVIL.example');
    await f.page.keyboard.press('Enter');
    await f.page.waitForSelector('[data-testid=chip-sender]');
    expect(new URL(f.page.url()).searchParams.getAll('sender')).toEqual(['*@EVIL.example']);
    await waitForPanels(f.page);
    // The 40 hostile messages are the only ones from evil.example, from four senders.
    expect((await f.page.textContent('[data-testid=panel-messages] .stat-value'))?.trim()).toBe('40');
    const senders = await f.page.$$eval('[data-testid=panel-top-senders-status] tbody tr:not([aria-hidden])', (trs) => trs.length);
    expect(senders).toBe(4);
    // Every panel of the overview is over MessageTrace: none says it is unfiltered.
    expect(await f.page.locator('[data-testid=unfiltered-note]').count()).toBe(0);
  });

  it('says under the title which filters a panel could not apply', async () => {
    await f.page.goto(`${f.url}/threat-intel?range=7d&sender=*%40evil.example&country=Japan`);
    await waitForPanels(f.page);
    const note = f.page.locator('[data-testid=panel-indicators-by-feed] [data-testid=unfiltered-note]');
    expect((await note.textContent())?.trim()).toBe('Not filtered by: Sender, Country');
    expect(await note.isVisible()).toBe(true);
    // Senders of the messages are filtered even though the indicators they are joined with are not.
    expect(await f.page.locator('[data-testid=panel-intel-senders] [data-testid=unfiltered-note]').count()).toBe(0);
  });

  it('offers the time presets and keeps the choice in the URL', async () => {
    await f.page.goto(`${f.url}/overview?range=7d`);
    await waitForPanels(f.page);
    const options = await f.page.$$eval('#range-select option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(['1h', '24h', '7d', '30d', '90d', 'thisMonth', 'lastMonth', 'custom']);
    await f.page.selectOption('#range-select', 'lastMonth');
    await f.page.waitForFunction(() => new URL(location.href).searchParams.get('range') === 'lastMonth');
    await waitForPanels(f.page);
  });

  it('offers the data span when the range holds no data', async () => {
    await f.page.goto(`${f.url}/overview?range=custom&from=2001-01-01T00:00:00.000Z&to=2001-01-08T00:00:00.000Z`);
    await waitForPanels(f.page);
    const jump = f.page.locator('[data-testid=panel-top-senders-status] [data-testid=jump-to-data]');
    await jump.waitFor();
    await jump.click();
    await f.page.waitForFunction(
      () => new URL(location.href).searchParams.get('from')?.startsWith('20') && !location.href.includes('2001-01-01'),
    );
    await waitForPanels(f.page);
    expect(await f.page.$$eval('[data-testid=panel-top-senders-status] tbody tr', (trs) => trs.length)).toBeGreaterThan(0);
  });

  it('asks for the panels before any chart draws again, and draws each chart once, when its answer is in, a minute later too', async () => {
    const page = await f.page.context().newPage();
    try {
      await page.clock.install();
      await page.goto(`${f.url}/overview?range=7d`);
      await waitForPanels(page);
      const charts = await page.evaluate(() => {
        const w = window as unknown as { asked: number[]; drawn: number[][] };
        w.asked = [];
        const fetch0 = window.fetch.bind(window);
        window.fetch = (input, init) => {
          if (String(input instanceof Request ? input.url : input).endsWith('/run')) w.asked.push(performance.now());
          return fetch0(input, init);
        };
        const els = [...document.querySelectorAll('.echart')] as (Element & { mailsiftChart: { setOption: (...a: unknown[]) => void } })[];
        w.drawn = els.map(() => []);
        els.forEach((el, i) => {
          const chart = el.mailsiftChart;
          const setOption = chart.setOption.bind(chart);
          chart.setOption = (...a: unknown[]) => {
            w.drawn[i]!.push(performance.now());
            setOption(...a);
          };
        });
        return els.length;
      });
      expect(charts).toBeGreaterThanOrEqual(4);
      // A minute on: the preset range moves with the filter, and the charts are still drawn once, with their answers.
      await page.clock.fastForward(61_000);
      await page.locator('[data-testid=panel-top-senders-status] tbody button.cell-button').first().click();
      await page.waitForSelector('[data-testid=chip-sender]');
      await waitForPanels(page);
      const { asked, drawn } = await page.evaluate(() => {
        const w = window as unknown as { asked: number[]; drawn: number[][] };
        return { asked: w.asked, drawn: w.drawn };
      });
      expect(asked).toHaveLength(1);
      // Each chart is drawn with its new answer only: not once more for the change of filter before the request left.
      for (const times of drawn) {
        expect(times, `each chart's draws ${JSON.stringify(drawn)}, the request at ${asked[0]}`).toHaveLength(1);
        expect(times[0]).toBeGreaterThan(asked[0]!);
      }
    } finally {
      await page.close();
    }
  });

  it('lays a chart out again when its panel changes size, and only then', async () => {
    await f.page.goto(`${f.url}/overview?range=7d`);
    await waitForPanels(f.page);
    const width = () =>
      f.page.$eval('[data-testid=panel-size-per-day] .echart', (el) =>
        (el as unknown as { mailsiftChart: { getWidth(): number } }).mailsiftChart.getWidth(),
      );
    await f.page.evaluate(() => {
      const w = window as unknown as { resized: number };
      w.resized = 0;
      const el = document.querySelector('[data-testid=panel-size-per-day] .echart') as Element & { mailsiftChart: { resize: () => void } };
      const resize = el.mailsiftChart.resize.bind(el.mailsiftChart);
      el.mailsiftChart.resize = () => {
        w.resized++;
        resize();
      };
    });
    const before = await width();
    await f.page.setViewportSize({ width: 1000, height: 900 });
    await f.page.waitForFunction(() => (window as unknown as { resized: number }).resized > 0);
    // (Narrower windows stack the panels: this one grows.)
    expect(await width()).not.toBe(before);
    // Drawing new data at the same size does not lay the chart out again.
    const resized = await f.page.evaluate(() => (window as unknown as { resized: number }).resized);
    await f.page.locator('[data-testid=panel-top-senders-status] tbody button.cell-button').first().click();
    await waitForPanels(f.page);
    expect(await f.page.evaluate(() => (window as unknown as { resized: number }).resized)).toBe(resized);
    await f.page.setViewportSize({ width: 1440, height: 900 });
  });
});
